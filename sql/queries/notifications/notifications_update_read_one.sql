/* @name NotificationsUpdateReadOne */
-- Marks one of the viewer's notifications read; reading it again keeps the first read time.
UPDATE notifications
SET read_at = coalesce(read_at, now())
WHERE id = :notificationId!::uuid AND user_id = :userId!::uuid
RETURNING id, type, booking_id, title, body, data, read_at, created_at;
