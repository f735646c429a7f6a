-- One booking, if the viewer may see it: admins all, others the ones they fly in.
-- $1 booking id, $2 viewer id, $3 viewer role
SELECT b.*
FROM bookings b
WHERE b.id = $1
  AND ($3 = 'ADMIN' OR b.student_id = $2 OR b.instructor_id = $2)
