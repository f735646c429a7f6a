/* @name JobRunsLockManual */
-- Serialises admins' claims of one job for the rest of the transaction (released at commit).
SELECT pg_advisory_xact_lock(hashtextextended('skyslot.job_runs.manual:' || :job!, 0));
