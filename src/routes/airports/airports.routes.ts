import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../app-env";
import { findAirport, presentAirport } from "../../airports/cached";
import { requireRole } from "../../auth/guards";
import { cacheKeys } from "../../cache/keys";
import { decodeCursor, toPage } from "../../http/pagination";
import { notFound } from "../../http/problem";
import { validate } from "../../http/validation";
import { jsonResponse } from "../../openapi/responses";
import { airportsListSearch as listSearch } from "../../../sql/queries/airports/airports_list_search.queries";
import { airportRunwaysReplaceAudited as replaceRunways } from "../../../sql/queries/airports/airport_runways_replace_audited.queries";
import { airportCodeParam, airportPage, airportResponse, listAirports, runwaysBody } from "./airports.schemas";

/** `%`, `_` and `\` match themselves in the search, not as LIKE wildcards. */
const likeContaining = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

export const airportsRoutes = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({ summary: "Search airports by ICAO/IATA code, name or city", responses: { 200: jsonResponse(airportPage, "a page of airports in ICAO order") } }),
    validate("query", listAirports),
    async (c) => {
      const { q, country, limit, cursor } = c.req.valid("query");
      const after = decodeCursor(cursor, 1);
      const rows = await c.var.db.query(
        listSearch,
        {
          search: q?.toUpperCase(), pattern: q === undefined ? null : likeContaining(q), country,
          cursor: after?.[0]?.toString(), limit: limit + 1,
        },
        { idempotent: true },
      );
      return c.json(toPage(rows, limit, (r) => [r.icao], presentAirport), 200);
    },
  )

  .get(
    "/:code",
    describeRoute({ summary: "One airport by ICAO or IATA code", responses: { 200: jsonResponse(airportResponse, "the airport") } }),
    validate("param", airportCodeParam),
    async (c) => {
      const { code } = c.req.valid("param");
      const airport = await findAirport(c.var.db, c.var.cache, code);
      if (!airport) throw notFound("Airport");
      return c.json(airport, 200);
    },
  )

  .put(
    "/:code/runways",
    describeRoute({ summary: "Replace an airport's runway ends (true headings), for the crosswind rule", responses: { 200: jsonResponse(airportResponse, "the airport with its runways") } }),
    requireRole("ADMIN"),
    validate("param", airportCodeParam),
    validate("json", runwaysBody),
    async (c) => {
      const { code } = c.req.valid("param");
      const runways = c.req.valid("json");
      const [row] = await c.var.db.query(replaceRunways, { code, runways: JSON.stringify(runways), actorId: c.var.user.id });
      if (!row) throw notFound("Airport");
      // Dropped before answering, so the next read of the airport shows the new runways.
      await c.var.cache.del(cacheKeys.airport(row.icao));
      return c.json(presentAirport(row), 200);
    },
  );
