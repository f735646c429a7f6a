import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../app-env";
import { decodeCursor, toPage } from "../../http/pagination";
import { isoTime, isoTimeOrNull } from "../../http/present";
import { validate } from "../../http/validation";
import { jsonResponse } from "../../openapi/responses";
import { flightsListFiltered as listFiltered, type FlightsListFilteredResult } from "../../../sql/queries/flights/flights_list_filtered.queries";
import { flightPage, listFlights } from "./flights.schemas";

export function presentFlight(row: FlightsListFilteredResult) {
  return {
    id: row.id,
    flight_number: row.flight_number,
    airline_code: row.airline_code,
    origin: row.origin,
    destination: row.destination,
    scheduled_departure: isoTime(row.scheduled_departure),
    scheduled_arrival: isoTimeOrNull(row.scheduled_arrival),
    actual_departure: isoTimeOrNull(row.actual_departure),
    actual_arrival: isoTimeOrNull(row.actual_arrival),
    departure_delay_minutes: row.departure_delay_minutes,
    arrival_delay_minutes: row.arrival_delay_minutes,
    distance_miles: row.distance_miles,
    status: row.status,
    ingestion_id: row.ingestion_id,
    created_at: isoTime(row.created_at),
  };
}

export const flightsRoutes = new Hono<AppEnv>().get(
  "/",
  describeRoute({ summary: "Flights, filtered by airport, airline, time and delay", responses: { 200: jsonResponse(flightPage, "a page of flights") } }),
  validate("query", listFlights), async (c) => {
  const q = c.req.valid("query");
  const after = decodeCursor(q.cursor, 2);
  const rows = await c.var.db.query(
    listFiltered,
    { airport: q.airport, airline: q.airline, from: q.from, to: q.to, minDelay: q.min_delay, afterAt: after?.[0]?.toString(), afterId: after?.[1]?.toString(), limit: q.limit + 1 },
    { idempotent: true },
  );
  return c.json(toPage(rows, q.limit, (r) => [String(r.cursor_at), r.id], presentFlight), 200);
});
