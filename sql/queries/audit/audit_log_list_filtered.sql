-- A page of audit entries, newest first, with optional filters.
-- $1 entity_type or null, $2 entity_id or null, $3 action or null, $4/$5 created from (inclusive) /
-- to (exclusive) or nulls, $6/$7 the cursor (created_at as text, id) or nulls, $8 page size + 1
SELECT id, entity_type, entity_id, action, user_id, metadata, created_at, created_at::text AS cursor_at
FROM audit_log
WHERE ($1::text IS NULL OR entity_type = $1)
  AND ($2::text IS NULL OR entity_id = $2)
  AND ($3::text IS NULL OR action = $3)
  AND ($4::timestamptz IS NULL OR created_at >= $4::timestamptz)
  AND ($5::timestamptz IS NULL OR created_at < $5::timestamptz)
  AND ($6::timestamptz IS NULL OR (created_at, id) < ($6::timestamptz, $7::uuid))
ORDER BY created_at DESC, id DESC
LIMIT $8
