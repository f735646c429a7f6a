import * as v from "valibot";
import { pageQuery } from "../../http/pagination";
import { named, numberOrNull, pageOf, stringOrNull, timestamp, timestampOrNull, uuid } from "../../openapi/responses";

/** A date (midnight UTC) or an RFC 3339 timestamp. */
const instant = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/, "must be a date (YYYY-MM-DD) or an RFC 3339 timestamp"),
  v.check((t) => !Number.isNaN(Date.parse(t.length === 10 ? `${t}T00:00:00Z` : t)), "must be a real date"),
  v.transform((t) => new Date(t.length === 10 ? `${t}T00:00:00Z` : t).toISOString()),
);

export const listFlights = v.object({
  airport: v.optional(v.pipe(v.string(), v.trim(), v.toUpperCase(), v.regex(/^[A-Z0-9]{3,4}$/, "must be an IATA or ICAO airport code"))),
  airline: v.optional(v.pipe(v.string(), v.trim(), v.toUpperCase(), v.regex(/^[A-Z0-9]{2}$/, "must be a two-character airline code"))),
  from: v.optional(instant),
  to: v.optional(instant),
  min_delay: v.optional(v.pipe(v.string(), v.regex(/^-?\d{1,4}$/, "must be a whole number of minutes"), v.transform(Number))),
  ...pageQuery,
});

export const flightResponse = named(
  "Flight",
  v.object({
    id: uuid,
    flight_number: stringOrNull,
    airline_code: stringOrNull,
    origin: v.string(),
    destination: v.string(),
    scheduled_departure: timestamp,
    scheduled_arrival: timestampOrNull,
    actual_departure: timestampOrNull,
    actual_arrival: timestampOrNull,
    departure_delay_minutes: numberOrNull,
    arrival_delay_minutes: numberOrNull,
    distance_miles: numberOrNull,
    status: stringOrNull,
    ingestion_id: v.nullable(uuid),
    created_at: timestamp,
  }),
);

export const flightPage = pageOf(flightResponse);
