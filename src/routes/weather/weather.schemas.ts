import * as v from "valibot";

/** An ICAO (KJFK) or IATA (JFK) code, any case. */
export const airportParam = v.object({
  airport: v.pipe(
    v.string(),
    v.regex(/^[A-Za-z0-9]{3,4}$/, "must be an ICAO or IATA airport code"),
    v.toUpperCase(),
  ),
});
