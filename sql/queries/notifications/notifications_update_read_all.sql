/* @name NotificationsUpdateReadAll */
-- Marks every unread notification of the viewer read and says how many that was.
WITH marked AS (
  UPDATE notifications SET read_at = now()
  WHERE user_id = :userId!::uuid AND read_at IS NULL
  RETURNING 1
)
SELECT count(*)::int AS updated FROM marked;
