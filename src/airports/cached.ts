import { cached } from "../cache/cached";
import { cacheKeys, cacheTtl } from "../cache/keys";
import type { Cache } from "../cache/store";
import type { Db } from "../db/client";
import type { RunwayEnd } from "../domain/crosswind";
import { airportsSelectByCode as selectByCode } from "../../sql/queries/airports/airports_select_by_code.queries";
import type { AirportsListSearchResult } from "../../sql/queries/airports/airports_list_search.queries";

export interface Airport {
  icao: string;
  iata: string | null;
  name: string;
  city: string | null;
  country: string | null;
  latitude: number;
  longitude: number;
  timezone: string | null;
  elevation_ft: number | null;
  /** Runway ends with their true headings (for the crosswind rule), on a single airport's reads. */
  runways?: RunwayEnd[];
}

/** An `airports` row; a single airport's read also carries its runway ends (jsonb). */
export function presentAirport(row: AirportsListSearchResult & { runways?: unknown }): Airport {
  return {
    icao: row.icao,
    iata: row.iata,
    name: row.name,
    city: row.city,
    country: row.country,
    latitude: row.latitude,
    longitude: row.longitude,
    timezone: row.timezone,
    elevation_ft: row.elevation_ft,
    ...(row.runways === undefined
      ? {}
      : {
          runways: (row.runways as { name: string; heading_deg: number | string }[]).map((r) => ({
            name: r.name,
            heading_deg: Number(r.heading_deg),
          })),
        }),
  };
}

/**
 * One airport by an upper-cased ICAO or IATA code, from the cache when warm. An IATA code is
 * first resolved to its ICAO code (cached too), and the airport is kept under its ICAO key only.
 */
export async function findAirport(db: Db, cache: Cache, code: string): Promise<Airport | null> {
  const load = async (byCode: string) => {
    const [row] = await db.query(selectByCode, { code: byCode }, { idempotent: true });
    return row ? presentAirport(row) : null;
  };
  if (code.length === 4) return cached(cache, cacheKeys.airport(code), cacheTtl.airport, () => load(code));
  let loaded = null as Airport | null;
  const icao = await cached<string>(cache, cacheKeys.airportByIata(code), cacheTtl.airport, async () => {
    loaded = await load(code);
    if (loaded) await cache.set(cacheKeys.airport(loaded.icao), loaded, cacheTtl.airport);
    return loaded?.icao ?? null;
  });
  if (icao === null) return null;
  return loaded ?? cached(cache, cacheKeys.airport(icao), cacheTtl.airport, () => load(icao));
}
