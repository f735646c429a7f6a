import * as v from "valibot";

/**
 * An airport code field as clients send it: ICAO (`KJFK`) or IATA (`JFK`), any case, stored
 * upper-cased. This only checks the shape; whether the airport exists is for the database.
 *
 * Resolve the code INSIDE the statement that uses it, so a booking needs no extra round trip
 * and cannot race a change to the airports table. Airports are keyed by ICAO; IATA codes are
 * unique when present, so this matches at most one row, whichever kind of code was sent:
 *
 *   SELECT a.icao, a.latitude, a.longitude
 *   FROM airports a
 *   WHERE a.icao = upper($1) OR a.iata = upper($1)
 *
 * (both sides are served by an index: the primary key and airports_iata_key). An unknown code
 * yields no row: select it in a CTE and answer 422 with the field's path when the CTE is empty,
 * as sql/queries/aircraft/aircraft_insert_audited.sql does for `home_airport`.
 */
export const airportCode = v.pipe(
  v.string(),
  v.trim(),
  v.regex(/^[A-Za-z0-9]{3,4}$/, "must be an ICAO (4 characters) or IATA (3 characters) airport code"),
  v.toUpperCase(),
);

