import { Hono } from "hono";
import type { AppEnv } from "../../app-env";
import { cached } from "../../cache/cached";
import { cacheKeys, cacheTtl } from "../../cache/keys";
import type { Cache } from "../../cache/store";
import type { Db, Row } from "../../db/client";
import { decodeCursor, toPage } from "../../http/pagination";
import { notFound } from "../../http/problem";
import { validate } from "../../http/validation";
import { describeRoute } from "../../openapi/meta";
import listSearch from "../../../sql/queries/airports/airports_list_search.sql";
import selectByCode from "../../../sql/queries/airports/airports_select_by_code.sql";
import { airportCodeParam, listAirports } from "./airports.schemas";

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
}

function presentAirport(row: Row): Airport {
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
  };
}

/** `%`, `_` and `\` match themselves in the search, not as LIKE wildcards. */
const likeContaining = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/**
 * One airport by an upper-cased ICAO or IATA code, from the cache when warm. An IATA code is
 * first resolved to its ICAO code (cached too), and the airport is kept under its ICAO key only.
 */
async function findAirport(db: Db, cache: Cache, code: string): Promise<Airport | null> {
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

export const airportsRoutes = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({ summary: "Search airports by ICAO/IATA code, name or city", responses: { 200: "a page of airports in ICAO order" } }),
    validate("query", listAirports),
    async (c) => {
      const { q, country, limit, cursor } = c.req.valid("query");
      const after = decodeCursor(cursor, 1);
      const rows = await c.var.db.query(
        listSearch,
        [q?.toUpperCase() ?? null, q === undefined ? null : likeContaining(q), country ?? null, after?.[0] ?? null, limit + 1],
        { idempotent: true },
      );
      return c.json(toPage(rows, limit, (r) => [String(r.icao)], presentAirport), 200);
    },
  )

  .get(
    "/:code",
    describeRoute({ summary: "One airport by ICAO or IATA code", responses: { 200: "the airport" } }),
    validate("param", airportCodeParam),
    async (c) => {
      const { code } = c.req.valid("param");
      const airport = await findAirport(c.var.db, c.var.cache, code);
      if (!airport) throw notFound("Airport");
      return c.json(airport, 200);
    },
  );
