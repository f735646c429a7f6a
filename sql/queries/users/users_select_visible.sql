-- One user, if the viewer may see them: themselves, anyone for an admin, any instructor
-- (instructors are listed to everyone), and for an instructor the students they teach.
-- $1 user id, $2 viewer id, $3 viewer role
SELECT u.id, u.auth_subject, u.email, u.first_name, u.last_name, u.phone_number, u.role, u.training_level,
       u.timezone, u.created_at, u.updated_at
FROM users u
WHERE u.id = $1
  AND (
    $3 = 'ADMIN'
    OR u.id = $2
    OR u.role = 'INSTRUCTOR'
    OR ($3 = 'INSTRUCTOR' AND u.role = 'STUDENT'
        AND EXISTS (SELECT 1 FROM bookings b WHERE b.student_id = u.id AND b.instructor_id = $2))
  )
