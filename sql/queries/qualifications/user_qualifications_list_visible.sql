-- A page of a user's qualifications in the order they were first recorded, if the viewer may
-- see them: themselves, an admin, or an instructor teaching the student (an active booking
-- together). One row with visible and a null id when there are none to show.
-- $1 user id, $2 viewer id, $3 viewer role, $4/$5 the cursor (created_at as text, id) or nulls,
-- $6 page size + 1
WITH target AS (
  SELECT u.id,
         ($3 = 'ADMIN' OR u.id = $2::uuid
          OR ($3 = 'INSTRUCTOR' AND u.role = 'STUDENT'
              AND EXISTS (SELECT 1 FROM bookings b
                          WHERE b.student_id = u.id AND b.instructor_id = $2::uuid
                            AND b.status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING', 'DISPATCHED')))) AS visible
  FROM users u
  WHERE u.id = $1::uuid
)
SELECT t.visible, q.*, q.created_at::text AS cursor_at
FROM target t
LEFT JOIN LATERAL (
  SELECT * FROM user_qualifications q
  WHERE q.user_id = t.id AND t.visible
    AND ($4::timestamptz IS NULL OR (q.created_at, q.id) > ($4::timestamptz, $5::uuid))
  ORDER BY q.created_at, q.id
  LIMIT $6
) q ON true
ORDER BY q.created_at, q.id
