/* @name CleanupSystemLogsOlderThan */
-- Drops the daily system_logs partitions of days before the cutoff's UTC date (and purges older
-- rows from the default partition).
SELECT system_logs_drop_partitions_before((:cutoff!::timestamptz AT TIME ZONE 'UTC')::date) AS dropped_partitions;
