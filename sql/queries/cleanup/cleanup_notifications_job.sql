-- Deletes up to $4 notifications read before the cutoff (the same rule as the CLI's
-- cleanup_notifications_older_than.sql), a chunk at a time so no statement runs long. Chunks walk
-- the (read_at, id) index from where the previous one stopped, so none rereads the entries of
-- rows already deleted (and not yet vacuumed), and the delete finds each row by primary key (an
-- array of ids, so no pass over the whole table).
-- $1 cutoff, $2/$3 the last (read_at, id) deleted by the previous chunk or nulls, $4 chunk size
WITH doomed AS (
  SELECT id, read_at FROM notifications
  WHERE read_at < $1::timestamptz
    AND ($2::timestamptz IS NULL OR (read_at, id) > ($2::timestamptz, $3::uuid))
  ORDER BY read_at, id
  LIMIT $4
), deleted AS (
  DELETE FROM notifications n WHERE n.id = ANY ((SELECT array_agg(id) FROM doomed)::uuid[]) RETURNING 1
), last AS (
  SELECT read_at, id FROM doomed ORDER BY read_at DESC, id DESC LIMIT 1
)
SELECT (SELECT count(*) FROM deleted)::int AS deleted, (SELECT read_at::text FROM last) AS last_read_at, (SELECT id FROM last) AS last_id
