-- The same figures as analytics_delays_from_flights.sql, from the delay histograms kept by
-- ingestion: whole months without an airport filter, or any days for group_by=day. Median and p90
-- are exact: they interpolate between the ranked delays just as percentile_cont does, each rank
-- found by a binary search over the group's running counts.
-- $1 group_by, $2 first month or null, $3 last month or null ('YYYY-MM'),
-- $4 first day or null, $5 last day or null ('YYYY-MM-DD', group_by=day only), $6 minimum flights per group
WITH bounds AS (
  -- Every day key lies in the month row it was counted in: its first and last are the data's months.
  SELECT min(period) AS first, max(period) AS last FROM flight_delay_rollup WHERE dimension = 'day'
), span AS (
  -- A range holding every month with data reads the all-time rows: one histogram per group.
  SELECT CASE WHEN whole THEN 'all' ELSE coalesce($2::text, '0000-00') END AS lo,
         CASE WHEN whole THEN 'all' ELSE coalesce($3::text, '9999-99') END AS hi
  FROM (SELECT $1::text <> 'day' AND ($2::text IS NULL OR $2::text <= first) AND ($3::text IS NULL OR $3::text >= last) AS whole
        FROM bounds) b
), picked AS (
  SELECT r.key, r.flights, r.delay_sum, r.delays, r.counts, r.upto, count(*) OVER (PARTITION BY r.key) AS parts
  FROM flight_delay_rollup r, span
  WHERE r.dimension = $1::text AND r.period BETWEEN span.lo AND span.hi
    AND ($4::text IS NULL OR r.key >= $4::text) AND ($5::text IS NULL OR r.key <= $5::text)
), histogram AS (
  SELECT key, flights, delay_sum, delays, upto FROM picked WHERE parts = 1
  UNION ALL
  -- A group spread over several months: its histograms merged by delay value.
  SELECT key, sum(n)::integer, sum(n::bigint * delay), array_agg(delay ORDER BY delay), array_agg(upto ORDER BY delay)
  FROM (SELECT key, delay, n, sum(n) OVER (PARTITION BY key ORDER BY delay)::integer AS upto
        FROM (SELECT p.key, u.delay, sum(u.n)::integer AS n
              FROM picked p, unnest(p.delays, p.counts) AS u (delay, n)
              WHERE p.parts > 1
              GROUP BY p.key, u.delay) s) m
  GROUP BY key
)
SELECT h.key,
       h.flights,
       -- width_bucket(x, sorted) is how many elements are <= x, so the count of delays below 15
       -- is the running count there, and the delay at 0-based rank k is the first whose running
       -- count passes k.
       round(100.0 * coalesce(h.upto[width_bucket(14::smallint, h.delays)], 0) / h.flights, 2)::float8 AS on_time_pct,
       round(h.delay_sum::numeric / h.flights, 2)::float8 AS avg_delay_minutes,
       round(v.median_lo + (pos.median - floor(pos.median)) * (v.median_hi - v.median_lo), 2)::float8 AS median_delay_minutes,
       round(v.p90_lo + (pos.p90 - floor(pos.p90)) * (v.p90_hi - v.p90_lo), 2)::float8 AS p90_delay_minutes
FROM histogram h
CROSS JOIN LATERAL (SELECT (h.flights - 1) * 0.5 AS median, (h.flights - 1) * 0.9 AS p90) pos
CROSS JOIN LATERAL (
  SELECT h.delays[width_bucket(floor(pos.median)::integer, h.upto) + 1] AS median_lo,
         h.delays[width_bucket(ceil(pos.median)::integer, h.upto) + 1] AS median_hi,
         h.delays[width_bucket(floor(pos.p90)::integer, h.upto) + 1] AS p90_lo,
         h.delays[width_bucket(ceil(pos.p90)::integer, h.upto) + 1] AS p90_hi
) v
WHERE h.flights >= $6::integer
ORDER BY h.flights DESC, length(h.key), h.key
