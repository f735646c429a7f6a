-- Serialises admins' claims of one job for the rest of the transaction (released at commit).
-- $1 job
SELECT pg_advisory_xact_lock(hashtextextended('skyslot.job_runs.manual:' || $1, 0))
