/* @name UserQualificationsListVisible */
-- A page of a user's qualifications in the order they were first recorded, if the viewer may
-- see them: themselves, an admin, or an instructor teaching the student (an active booking
-- together). One row with visible and a null id when there are none to show.
-- :cursorAt/:cursorId the cursor (created_at as text, id) or nulls,
-- :limit page size + 1
WITH target AS (
  SELECT u.id,
         (:viewerRole! = 'ADMIN' OR u.id = :viewerId!::uuid
          OR (:viewerRole = 'INSTRUCTOR' AND u.role = 'STUDENT'
              AND EXISTS (SELECT 1 FROM bookings b
                          WHERE b.student_id = u.id AND b.instructor_id = :viewerId::uuid
                            AND b.status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING', 'DISPATCHED')))) AS visible
  FROM users u
  WHERE u.id = :userId!::uuid
)
SELECT t.visible, q.*, q.created_at::text AS cursor_at
FROM target t
LEFT JOIN LATERAL (
  SELECT * FROM user_qualifications q
  WHERE q.user_id = t.id AND t.visible
    AND (:cursorAt::timestamptz IS NULL OR (q.created_at, q.id) > (:cursorAt::timestamptz, :cursorId::uuid))
  ORDER BY q.created_at, q.id
  LIMIT :limit!
) q ON true
ORDER BY q.created_at, q.id;
