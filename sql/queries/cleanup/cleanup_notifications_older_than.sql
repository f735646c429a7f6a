/* @name CleanupNotificationsOlderThan */
-- Deletes notifications read before the cutoff; unread ones are kept whatever their age.
WITH deleted AS (
  DELETE FROM notifications
  WHERE read_at IS NOT NULL AND read_at < :cutoff!::timestamptz
  RETURNING 1
)
SELECT count(*)::int AS deleted FROM deleted;
