-- A page of the bookings the viewer may see, by start time, with optional filters. Students
-- only ever get their own, instructors the ones they teach, admins all.
-- $1 viewer id, $2 viewer role, $3 status or null, $4/$5 start time from (inclusive) / to (exclusive)
-- or nulls, $6 student id or null, $7 instructor id or null, $8 aircraft id or null,
-- $9/$10 the cursor (scheduled_at as text, id) or nulls, $11 page size + 1
SELECT b.*, b.scheduled_at::text AS cursor_at
FROM bookings b
WHERE ($2 = 'ADMIN' OR b.student_id = $1::uuid OR b.instructor_id = $1::uuid)
  AND ($3::text IS NULL OR b.status = $3)
  AND ($4::timestamptz IS NULL OR b.scheduled_at >= $4::timestamptz)
  AND ($5::timestamptz IS NULL OR b.scheduled_at < $5::timestamptz)
  AND ($6::uuid IS NULL OR b.student_id = $6::uuid)
  AND ($7::uuid IS NULL OR b.instructor_id = $7::uuid)
  AND ($8::uuid IS NULL OR b.aircraft_id = $8::uuid)
  AND ($9::timestamptz IS NULL OR (b.scheduled_at, b.id) > ($9::timestamptz, $10::uuid))
ORDER BY b.scheduled_at, b.id
LIMIT $11
