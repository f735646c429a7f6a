/* @name BookingsSelectOverlapping */
-- The active bookings in the way of a slot, per resource: run only after an exclusion constraint
-- refused a write, to name what it collided with. For a booking being moved, what the change
-- leaves out is taken from the booking itself, and the booking is never in its own way.
-- :studentId or null, :instructorId or null, :aircraftGiven whether the aircraft is given,
-- :aircraftId or null, :scheduledAt or null, :durationMinutes or null,
-- :movingBookingId the booking being moved or null
WITH moving AS (
  SELECT * FROM bookings WHERE id = :movingBookingId::uuid
), wanted AS (
  SELECT coalesce(:studentId::uuid, m.student_id) AS student_id,
         coalesce(:instructorId::uuid, m.instructor_id) AS instructor_id,
         CASE WHEN :aircraftGiven!::boolean THEN :aircraftId::uuid ELSE m.aircraft_id END AS aircraft_id,
         tstzrange(coalesce(:scheduledAt::timestamptz, m.scheduled_at),
                   coalesce(:scheduledAt::timestamptz, m.scheduled_at)
                     + make_interval(mins => coalesce(:durationMinutes::int, m.duration_minutes)), '[)') AS span
  FROM (SELECT 1) AS one
  LEFT JOIN moving m ON true
)
SELECT r.resource, b.id AS booking_id
FROM wanted w
JOIN bookings b
  ON (b.student_id = w.student_id OR (b.instructor_id = w.instructor_id AND b.lesson_type = 'DUAL')
     OR b.aircraft_id = w.aircraft_id)
 AND tstzrange(b.scheduled_at, b.ends_at, '[)') && w.span
 AND b.status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING', 'DISPATCHED')
 AND b.id IS DISTINCT FROM :movingBookingId::uuid
CROSS JOIN LATERAL (VALUES
  (1, 'student', b.student_id = w.student_id),
  (2, 'instructor', b.instructor_id = w.instructor_id AND b.lesson_type = 'DUAL'),
  (3, 'aircraft', b.aircraft_id = w.aircraft_id)
) AS r (rank, resource, hit)
WHERE r.hit
ORDER BY r.rank, b.scheduled_at;
