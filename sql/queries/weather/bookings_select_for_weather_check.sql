-- One booking a viewer may see, with the weather minimums of its training level.
-- $1 booking id, $2 viewer id, $3 viewer role
SELECT b.id, b.student_id, b.instructor_id, b.status, b.scheduled_at, b.ends_at,
       b.departure_airport, b.arrival_airport, b.training_level,
       (SELECT s.value -> b.training_level FROM settings s WHERE s.key = 'weather_minimums') AS minimums
FROM bookings b
WHERE b.id = $1 AND ($3 = 'ADMIN' OR b.student_id = $2 OR b.instructor_id = $2)
