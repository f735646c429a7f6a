/* @name UsersSelectVisible */
-- One user, if the viewer may see them, and how much of them (`visibility`): everything for
-- themselves and admins; for an instructor, a student they share an active booking with (name,
-- level, email, phone); the public fields of any instructor, for everyone. The right to read a
-- student lasts only while such a booking is active.
SELECT u.id, u.auth_subject, u.email, u.first_name, u.last_name, u.phone_number, u.role, u.training_level,
       u.timezone, u.active, u.created_at, u.updated_at, seen.visibility
FROM users u
CROSS JOIN LATERAL (
  SELECT CASE
    WHEN :viewerRole! = 'ADMIN' OR u.id = :viewerId! THEN 'full'
    WHEN :viewerRole = 'INSTRUCTOR' AND u.role = 'STUDENT' AND EXISTS (
      SELECT 1 FROM bookings b
      WHERE b.student_id = u.id AND b.instructor_id = :viewerId
        AND b.status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING')
    ) THEN 'teaching'
    WHEN u.role = 'INSTRUCTOR' THEN 'public'
  END AS visibility
) seen
WHERE u.id = :userId! AND seen.visibility IS NOT NULL;
