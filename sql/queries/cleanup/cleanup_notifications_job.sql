-- Deletes up to $2 notifications read before the cutoff (the same rule as the CLI's
-- cleanup_notifications_older_than.sql), a chunk at a time so no statement runs long.
-- $1 cutoff, $2 chunk size
WITH doomed AS (
  SELECT id FROM notifications WHERE read_at < $1::timestamptz LIMIT $2
), deleted AS (
  DELETE FROM notifications n USING doomed d WHERE n.id = d.id RETURNING 1
)
SELECT count(*)::int AS deleted FROM deleted
