/* @name BookingsSelectForWeatherCheck */
-- One booking a viewer may see, with the weather minimums of its training level and what the
-- crosswind rule needs (runway ends of both airports, the aircraft's limit).
SELECT b.id, b.student_id, b.instructor_id, b.status, b.scheduled_at, b.ends_at,
       b.departure_airport, b.arrival_airport, b.training_level,
       (SELECT s.value -> b.training_level FROM settings s WHERE s.key = 'weather_minimums') AS minimums,
       airport_runway_ends(ARRAY[b.departure_airport, b.arrival_airport]) AS runways,
       (SELECT p.crosswind_limit_kt FROM aircraft p WHERE p.id = b.aircraft_id) AS aircraft_crosswind_limit_kt
FROM bookings b
WHERE b.id = :bookingId! AND (:viewerRole! = 'ADMIN' OR b.student_id = :viewerId! OR b.instructor_id = :viewerId);
