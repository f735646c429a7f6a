-- GET /v1/admin/jobs: runs newest first, optionally of one job, keyset on (started_at, id).
-- $1 job or null, $2 cursor started_at (text) or null, $3 cursor id or null, $4 limit + 1
SELECT id, job, scheduled_for, started_at, finished_at, status, stats, error,
       started_at::text AS cursor_at
FROM job_runs
WHERE ($1::text IS NULL OR job = $1)
  AND ($2::timestamptz IS NULL OR (started_at, id) < ($2::timestamptz, $3::uuid))
ORDER BY started_at DESC, id DESC
LIMIT $4
