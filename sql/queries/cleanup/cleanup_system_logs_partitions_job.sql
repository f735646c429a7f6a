/* @name CleanupSystemLogsPartitionsJob */
-- Creates the system_logs partitions for the next 14 UTC days ahead of the rows that need them.
SELECT system_logs_ensure_partitions((:now!::timestamptz AT TIME ZONE 'UTC')::date, 14) AS created_partitions;
