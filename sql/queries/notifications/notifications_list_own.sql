/* @name NotificationsListOwn */
-- A page of the viewer's own notifications, newest first, optionally only unread ones.
-- :cursorAt/:cursorId the cursor (created_at as text, id) or nulls, :limit page size + 1
SELECT n.id, n.type, n.booking_id, n.title, n.body, n.data, n.read_at, n.created_at, n.created_at::text AS cursor_at
FROM notifications n
WHERE n.user_id = :userId!::uuid
  AND (NOT :unreadOnly!::boolean OR n.read_at IS NULL)
  AND (:cursorAt::timestamptz IS NULL OR (n.created_at, n.id) < (:cursorAt::timestamptz, :cursorId::uuid))
ORDER BY n.created_at DESC, n.id DESC
LIMIT :limit!;
