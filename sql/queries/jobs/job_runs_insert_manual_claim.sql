/* @name JobRunsInsertManualClaim */
-- Claims a run an admin asked for, unless one of theirs is still running or the last one ended
-- less than the cooldown ago. Sent after the job's advisory lock in the same transaction, so two
-- claims are decided one after the other, each seeing the other's row.
-- :cooldownSeconds cooldown in seconds,
-- :leaseSeconds lease in seconds (a manual run still RUNNING after this is taken for dead: its Worker is gone)
WITH running AS (
  SELECT id FROM job_runs
  WHERE job = :job! AND manual AND status = 'RUNNING'
    AND started_at > statement_timestamp() - make_interval(secs => :leaseSeconds!)
  ORDER BY started_at DESC
  LIMIT 1
), cooling AS (
  SELECT coalesce(finished_at, started_at) + make_interval(secs => :cooldownSeconds!) AS until
  FROM job_runs
  WHERE job = :job AND manual
  ORDER BY started_at DESC
  LIMIT 1
), claimed AS (
  INSERT INTO job_runs (job, scheduled_for, status, started_at, manual)
  SELECT :job, :scheduledFor!, 'RUNNING', statement_timestamp(), true
  WHERE NOT EXISTS (SELECT 1 FROM running)
    AND NOT EXISTS (SELECT 1 FROM cooling WHERE until > statement_timestamp())
  ON CONFLICT (job, scheduled_for) DO NOTHING
  RETURNING id
)
SELECT (SELECT id FROM claimed) AS id,
       (SELECT id FROM running) AS running_id,
       (SELECT ceil(extract(epoch FROM until - statement_timestamp()))::int FROM cooling
        WHERE until > statement_timestamp()) AS retry_after_seconds;
