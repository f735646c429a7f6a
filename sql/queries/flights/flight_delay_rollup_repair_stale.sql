-- Completes the delay rollup of ingestions whose request ended before it did (no longer RUNNING,
-- or RUNNING since before $1), at most about $2 flights per call (sql/migrations/021:
-- flight_delay_rollup_repair). Returns the flights added; 0 when nothing is left.
-- $1 RUNNING ingestions started before this are given up on, $2 flights per call
SELECT flight_delay_rollup_repair($1::timestamptz, $2::integer) AS flights
