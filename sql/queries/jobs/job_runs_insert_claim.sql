/* @name JobRunsInsertClaim */
-- Claims one firing of a job: the unique (job, scheduled_for) lets only one run through, so two
-- workers woken by the same trigger never both do the work. Returns no row when already claimed.
INSERT INTO job_runs (job, scheduled_for, status, started_at)
VALUES (:job!, :scheduledFor!, 'RUNNING', now())
ON CONFLICT (job, scheduled_for) DO NOTHING
RETURNING id;
