/* @name CleanupNotificationsJob */
-- Deletes up to :chunk notifications read before the cutoff (the same rule as the CLI's
-- cleanup_notifications_older_than.sql), a chunk at a time so no statement runs long. Chunks walk
-- the (read_at, id) index from where the previous one stopped, so none rereads the entries of
-- rows already deleted (and not yet vacuumed), and the delete finds each row by primary key (an
-- array of ids, so no pass over the whole table).
-- :lastReadAt/:lastId: the last (read_at, id) deleted by the previous chunk, or nulls.
WITH doomed AS (
  SELECT id, read_at FROM notifications
  WHERE read_at < :cutoff!::timestamptz
    AND (:lastReadAt::timestamptz IS NULL OR (read_at, id) > (:lastReadAt::timestamptz, :lastId::uuid))
  ORDER BY read_at, id
  LIMIT :chunk!
), deleted AS (
  DELETE FROM notifications n WHERE n.id = ANY ((SELECT array_agg(id) FROM doomed)::uuid[]) RETURNING 1
), last AS (
  SELECT read_at, id FROM doomed ORDER BY read_at DESC, id DESC LIMIT 1
)
SELECT (SELECT count(*) FROM deleted)::int AS deleted, (SELECT read_at::text FROM last) AS last_read_at, (SELECT id FROM last) AS last_id;
