/* @name FlightsListFiltered */
-- A page of flights in departure order, filtered.
-- :airport (ICAO or IATA; departing or arriving) or null, :airline airline code or null,
-- :from departing at or after or null, :to departing before or null, :minDelay minimum arrival delay or null,
-- :afterAt/:afterId the cursor (scheduled_departure as text, id) or nulls, :limit page size + 1
WITH airport AS (
  SELECT icao FROM airports WHERE :airport::text IS NOT NULL AND (icao = :airport OR iata = :airport)
)
SELECT f.id, f.flight_number, f.airline_code, f.origin, f.destination, f.scheduled_departure, f.scheduled_arrival,
       f.actual_departure, f.actual_arrival, f.departure_delay_minutes, f.arrival_delay_minutes, f.distance_miles,
       f.status, f.ingestion_id, f.created_at, f.scheduled_departure::text AS cursor_at
FROM flights f
WHERE (:airport::text IS NULL OR f.origin IN (SELECT icao FROM airport) OR f.destination IN (SELECT icao FROM airport))
  AND (:airline::text IS NULL OR f.airline_code = :airline)
  AND (:from::timestamptz IS NULL OR f.scheduled_departure >= :from::timestamptz)
  AND (:to::timestamptz IS NULL OR f.scheduled_departure < :to::timestamptz)
  AND (:minDelay::integer IS NULL OR f.arrival_delay_minutes >= :minDelay::integer)
  AND (:afterAt::timestamptz IS NULL OR (f.scheduled_departure, f.id) > (:afterAt::timestamptz, :afterId::uuid))
ORDER BY f.scheduled_departure, f.id
LIMIT :limit!;
