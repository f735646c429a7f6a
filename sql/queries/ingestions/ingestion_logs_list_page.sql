/* @name IngestionLogsListPage */
-- A page of ingestion logs, newest first.
-- :afterAt/:afterId the cursor (created_at as text, id) or nulls, :limit page size + 1
SELECT id, source, format, status, rows_received, rows_inserted, rows_rejected, rows_duplicate,
       quality_score::float8 AS quality_score, errors, started_at, finished_at, created_by, created_at,
       created_at::text AS cursor_at
FROM ingestion_logs
WHERE (:afterAt::timestamptz IS NULL OR (created_at, id) < (:afterAt::timestamptz, :afterId::uuid))
ORDER BY created_at DESC, id DESC
LIMIT :limit!;
