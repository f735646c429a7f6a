-- The same figures as analytics_delays_from_flights.sql, from the delay histogram kept by
-- ingestion, for whole months without an airport filter. Median and p90 are exact: they
-- interpolate between the ranked delays just as percentile_cont does.
-- $1 group_by, $2 first month or null, $3 last month or null (first days), $4 minimum flights per group
WITH histogram AS (
  SELECT key, delay_minutes AS delay, sum(flights)::bigint AS n
  FROM flight_delay_rollup
  WHERE dimension = $1::text
    AND ($2::date IS NULL OR month >= $2::date)
    AND ($3::date IS NULL OR month <= $3::date)
  GROUP BY key, delay_minutes
), ranked AS (
  SELECT key, delay, n,
         sum(n) OVER (PARTITION BY key ORDER BY delay) AS upto,
         sum(n) OVER (PARTITION BY key) AS total
  FROM histogram
), grouped AS (
  -- The value at 0-based rank r is the smallest delay whose running count passes r.
  SELECT key, total,
         coalesce(sum(n) FILTER (WHERE delay < 15), 0) AS on_time,
         sum(n * delay) AS delay_sum,
         (total - 1) * 0.5 AS median_pos,
         (total - 1) * 0.9 AS p90_pos,
         min(delay) FILTER (WHERE upto > floor((total - 1) * 0.5)) AS median_lo,
         min(delay) FILTER (WHERE upto > ceil((total - 1) * 0.5)) AS median_hi,
         min(delay) FILTER (WHERE upto > floor((total - 1) * 0.9)) AS p90_lo,
         min(delay) FILTER (WHERE upto > ceil((total - 1) * 0.9)) AS p90_hi
  FROM ranked
  GROUP BY key, total
  HAVING total >= $4::integer
)
SELECT key,
       total::integer AS flights,
       round(100.0 * on_time / total, 2)::float8 AS on_time_pct,
       round(delay_sum::numeric / total, 2)::float8 AS avg_delay_minutes,
       round(median_lo + (median_pos - floor(median_pos)) * (median_hi - median_lo), 2)::float8 AS median_delay_minutes,
       round(p90_lo + (p90_pos - floor(p90_pos)) * (p90_hi - p90_lo), 2)::float8 AS p90_delay_minutes
FROM grouped
ORDER BY flights DESC, length(key), key
