/* @name BookingsSelectForDispatch */
-- One booking a viewer may see, with its aircraft's meters and the weather minimums of its
-- training level and what the crosswind rule needs (runway ends of both airports, the aircraft's
-- limit): what a dispatch is checked against before the weather is fetched.
SELECT b.id, b.student_id, b.instructor_id, b.aircraft_id, b.status, b.risk_reasons, b.scheduled_at, b.ends_at,
       b.departure_airport, b.arrival_airport, b.training_level,
       a.hobbs_hours AS aircraft_hobbs, a.tach_hours AS aircraft_tach,
       (SELECT s.value -> b.training_level FROM settings s WHERE s.key = 'weather_minimums') AS minimums,
       airport_runway_ends(ARRAY[b.departure_airport, b.arrival_airport]) AS runways,
       a.crosswind_limit_kt AS aircraft_crosswind_limit_kt
FROM bookings b
LEFT JOIN aircraft a ON a.id = b.aircraft_id
WHERE b.id = :bookingId! AND (:viewerRole! = 'ADMIN' OR b.student_id = :viewerId! OR b.instructor_id = :viewerId);
