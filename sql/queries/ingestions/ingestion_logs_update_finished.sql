-- Closes an ingestion's log once its last batch has committed; the counts were added batch by batch.
-- $1 ingestion id, $2 status, $3 quality score or null, $4 first errors (JSON array)
UPDATE ingestion_logs SET
  status = $2,
  quality_score = $3::numeric,
  errors = $4::jsonb,
  finished_at = greatest(now(), started_at)
WHERE id = $1::uuid
RETURNING id, source, format, status, rows_received, rows_inserted, rows_rejected, rows_duplicate,
          quality_score::float8 AS quality_score, errors, started_at, finished_at, created_by, created_at
