-- One user, if the viewer may see them, and how much of them (`visibility`): everything for
-- themselves and admins; for an instructor, a student they share an active booking with (name,
-- level, email, phone); the public fields of any instructor, for everyone. The right to read a
-- student lasts only while such a booking is active.
-- $1 user id, $2 viewer id, $3 viewer role
SELECT u.id, u.auth_subject, u.email, u.first_name, u.last_name, u.phone_number, u.role, u.training_level,
       u.timezone, u.active, u.created_at, u.updated_at, seen.visibility
FROM users u
CROSS JOIN LATERAL (
  SELECT CASE
    WHEN $3 = 'ADMIN' OR u.id = $2 THEN 'full'
    WHEN $3 = 'INSTRUCTOR' AND u.role = 'STUDENT' AND EXISTS (
      SELECT 1 FROM bookings b
      WHERE b.student_id = u.id AND b.instructor_id = $2
        AND b.status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING')
    ) THEN 'teaching'
    WHEN u.role = 'INSTRUCTOR' THEN 'public'
  END AS visibility
) seen
WHERE u.id = $1 AND seen.visibility IS NOT NULL
