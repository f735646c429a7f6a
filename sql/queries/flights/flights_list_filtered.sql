-- A page of flights in departure order, filtered.
-- $1 airport (ICAO or IATA; departing or arriving) or null, $2 airline code or null,
-- $3 departing at or after or null, $4 departing before or null, $5 minimum arrival delay or null,
-- $6/$7 the cursor (scheduled_departure as text, id) or nulls, $8 page size + 1
WITH airport AS (
  SELECT icao FROM airports WHERE $1::text IS NOT NULL AND (icao = $1 OR iata = $1)
)
SELECT f.id, f.flight_number, f.airline_code, f.origin, f.destination, f.scheduled_departure, f.scheduled_arrival,
       f.actual_departure, f.actual_arrival, f.departure_delay_minutes, f.arrival_delay_minutes, f.distance_miles,
       f.status, f.ingestion_id, f.created_at, f.scheduled_departure::text AS cursor_at
FROM flights f
WHERE ($1::text IS NULL OR f.origin IN (SELECT icao FROM airport) OR f.destination IN (SELECT icao FROM airport))
  AND ($2::text IS NULL OR f.airline_code = $2)
  AND ($3::timestamptz IS NULL OR f.scheduled_departure >= $3::timestamptz)
  AND ($4::timestamptz IS NULL OR f.scheduled_departure < $4::timestamptz)
  AND ($5::integer IS NULL OR f.arrival_delay_minutes >= $5::integer)
  AND ($6::timestamptz IS NULL OR (f.scheduled_departure, f.id) > ($6::timestamptz, $7::uuid))
ORDER BY f.scheduled_departure, f.id
LIMIT $8
