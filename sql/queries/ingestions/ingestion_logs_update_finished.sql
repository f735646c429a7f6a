/* @name IngestionLogsUpdateFinished */
-- Closes an ingestion's log once its last batch has committed; the counts were added batch by batch.
-- :ingestionId, :status, :qualityScore or null, :errors first errors (JSON array)
UPDATE ingestion_logs SET
  status = :status!,
  quality_score = :qualityScore::numeric,
  errors = :errors!::jsonb,
  finished_at = greatest(now(), started_at)
WHERE id = :ingestionId!::uuid
RETURNING id, source, format, status, rows_received, rows_inserted, rows_rejected, rows_duplicate,
          quality_score::float8 AS quality_score, errors, started_at, finished_at, created_by, created_at;
