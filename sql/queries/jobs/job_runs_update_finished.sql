-- Records how a run ended. $1 run id, $2 status, $3 stats, $4 error or null
UPDATE job_runs
SET status = $2, stats = $3::jsonb, error = $4, finished_at = now()
WHERE id = $1
RETURNING id, job, scheduled_for, started_at, finished_at, status, stats, error
