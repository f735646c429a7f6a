/* @name JobRunsUpdateFinished */
-- Records how a run ended. :runId, :status, :stats, :error or null
UPDATE job_runs
SET status = :status!, stats = :stats!::jsonb, error = :error, finished_at = now()
WHERE id = :runId!
RETURNING id, job, scheduled_for, started_at, finished_at, status, stats, error;
