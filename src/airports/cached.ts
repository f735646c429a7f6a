import { cached } from "../cache/cached";
import { cacheKeys, cacheTtl } from "../cache/keys";
import type { Cache } from "../cache/store";
import type { Db, Row } from "../db/client";
import type { RunwayEnd } from "../domain/crosswind";
import selectByCode from "../../sql/queries/airports/airports_select_by_code.sql";

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

export function presentAirport(row: Row): Airport {
  return {
    icao: String(row.icao),
    iata: (row.iata ?? null) as string | null,
    name: String(row.name),
    city: (row.city ?? null) as string | null,
    country: (row.country ?? null) as string | null,
    latitude: Number(row.latitude),
    longitude: Number(row.longitude),
    timezone: (row.timezone ?? null) as string | null,
    elevation_ft: row.elevation_ft === null || row.elevation_ft === undefined ? null : Number(row.elevation_ft),
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
    const [row] = await db.query(selectByCode, [byCode], { idempotent: true });
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
