-- A page of ingestion logs, newest first.
-- $1/$2 the cursor (created_at as text, id) or nulls, $3 page size + 1
SELECT id, source, format, status, rows_received, rows_inserted, rows_rejected, rows_duplicate,
       quality_score::float8 AS quality_score, errors, started_at, finished_at, created_by, created_at,
       created_at::text AS cursor_at
FROM ingestion_logs
WHERE ($1::timestamptz IS NULL OR (created_at, id) < ($1::timestamptz, $2::uuid))
ORDER BY created_at DESC, id DESC
LIMIT $3
