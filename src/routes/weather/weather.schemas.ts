import * as v from "valibot";
import { jsonObject, timestamp } from "../../openapi/responses";

/** An ICAO (KJFK) or IATA (JFK) code, any case. */
export const airportParam = v.object({
  airport: v.pipe(
    v.string(),
    v.regex(/^[A-Za-z0-9]{3,4}$/, "must be an ICAO or IATA airport code"),
    v.toUpperCase(),
  ),
});

/** The latest forecast held for an airport; `forecast` is the TAF as the weather source sends it. */
export const forecastResponse = v.object({
  airport: v.string(),
  iata: v.nullable(v.string()),
  name: v.string(),
  issue_time: timestamp,
  valid_from: timestamp,
  valid_to: timestamp,
  fetched_at: timestamp,
  forecast: jsonObject,
});
