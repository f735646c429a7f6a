-- A page of the viewer's own notifications, newest first, optionally only unread ones.
-- $1 user id, $2 unread only, $3/$4 the cursor (created_at as text, id) or nulls, $5 page size + 1
SELECT n.id, n.type, n.booking_id, n.title, n.body, n.data, n.read_at, n.created_at, n.created_at::text AS cursor_at
FROM notifications n
WHERE n.user_id = $1::uuid
  AND (NOT $2::boolean OR n.read_at IS NULL)
  AND ($3::timestamptz IS NULL OR (n.created_at, n.id) < ($3::timestamptz, $4::uuid))
ORDER BY n.created_at DESC, n.id DESC
LIMIT $5
