-- Up Migration

-- An admin can switch a user off without deleting them (their bookings and audit trail stay);
-- an inactive user's tokens are refused.
ALTER TABLE users ADD COLUMN active boolean NOT NULL DEFAULT true;
COMMENT ON COLUMN users.active IS 'false: every token of this user is refused (set by an admin; takes effect at once).';

-- Runs started through POST /v1/admin/jobs/:name/run, as opposed to cron firings: an admin's runs
-- go one at a time with a cooldown between them.
ALTER TABLE job_runs ADD COLUMN manual boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN job_runs.manual IS 'true: started by an admin through the API rather than by a cron trigger.';
CREATE INDEX job_runs_manual_job_started_idx ON job_runs (job, started_at DESC) WHERE manual;

-- Down Migration

DROP INDEX IF EXISTS job_runs_manual_job_started_idx;
ALTER TABLE job_runs DROP COLUMN IF EXISTS manual;
ALTER TABLE users DROP COLUMN IF EXISTS active;
