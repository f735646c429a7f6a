-- Marks one of the viewer's notifications read; reading it again keeps the first read time.
-- $1 notification id, $2 user id
UPDATE notifications
SET read_at = coalesce(read_at, now())
WHERE id = $1::uuid AND user_id = $2::uuid
RETURNING id, type, booking_id, title, body, data, read_at, created_at
