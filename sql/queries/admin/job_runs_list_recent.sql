/* @name JobRunsListRecent */
-- GET /v1/admin/jobs: runs newest first, optionally of one job, keyset on (started_at, id).
-- :job or null, :cursorAt cursor started_at (text) or null, :cursorId or null, :limit + 1
SELECT id, job, scheduled_for, started_at, finished_at, status, stats, error,
       started_at::text AS cursor_at
FROM job_runs
WHERE (:job::text IS NULL OR job = :job)
  AND (:cursorAt::timestamptz IS NULL OR (started_at, id) < (:cursorAt::timestamptz, :cursorId::uuid))
ORDER BY started_at DESC, id DESC
LIMIT :limit!;
