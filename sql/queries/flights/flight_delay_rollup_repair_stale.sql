/* @name FlightDelayRollupRepairStale */
-- Completes the delay rollup of ingestions whose request ended before it did (no longer RUNNING,
-- or RUNNING since before :staleBefore), at most about :chunk flights per call (sql/migrations/021:
-- flight_delay_rollup_repair). Returns the flights added; 0 when nothing is left.
-- :staleBefore RUNNING ingestions started before this are given up on, :chunk flights per call
SELECT flight_delay_rollup_repair(:staleBefore!::timestamptz, :chunk!::integer) AS flights;
