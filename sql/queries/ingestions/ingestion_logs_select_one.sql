/* @name IngestionLogsSelectOne */
-- One ingestion's log.
-- :ingestionId the ingestion
SELECT id, source, format, status, rows_received, rows_inserted, rows_rejected, rows_duplicate,
       quality_score::float8 AS quality_score, errors, started_at, finished_at, created_by, created_at
FROM ingestion_logs
WHERE id = :ingestionId!;
