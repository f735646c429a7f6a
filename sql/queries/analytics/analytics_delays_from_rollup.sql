/* @name AnalyticsDelaysFromRollup */
-- The same figures as analytics_delays_from_flights.sql, from the delay histograms kept by
-- ingestion (sql/migrations/018: flight_delay_rollup_add). Median and p90 are exact: they
-- interpolate between the ranked delays just as percentile_cont does, each rank found by a binary
-- search over the group's running counts. What answers (src/flights/analytics.ts decides):
--   no airport, whole months:   the group_by rows per month, or over all time
--   no airport, any days:       day rows: day, day_hour (hour, dow), origin_day, destination_day, airline_day
--   one airport, whole months:  airport_hour, airport_airline, airport_day (day, dow); origin, destination
--                               and route rows for the airport's own groups
--   one airport, any days:      airport_day (day, dow)
-- :groupBy, :fromMonth first month or null, :toMonth last month or null ('YYYY-MM'), :fromDay first day or null,
-- :toDay last day or null ('YYYY-MM-DD', 'days' only), :airport code (ICAO or IATA) or null,
-- :span 'months' or 'days', :minFlights minimum flights per group
WITH airport AS (
  SELECT coalesce(array_agg(icao), '{}') AS codes FROM airports WHERE :airport::text IS NOT NULL AND (icao = :airport OR iata = :airport)
), reads AS (
  SELECT unnest(CASE
    WHEN :airport::text IS NULL AND :span!::text = 'months' THEN ARRAY[:groupBy!::text]
    WHEN :airport::text IS NULL THEN ARRAY[CASE :groupBy::text WHEN 'day' THEN 'day' WHEN 'hour' THEN 'day_hour' WHEN 'dow' THEN 'day_hour' ELSE :groupBy::text || '_day' END]
    WHEN :groupBy::text IN ('hour', 'airline') THEN ARRAY['airport_' || :groupBy::text]
    WHEN :groupBy::text IN ('day', 'dow') THEN ARRAY['airport_day']
    WHEN :groupBy::text IN ('origin', 'destination') THEN ARRAY[:groupBy::text, 'route']
    ELSE ARRAY['route'] END) AS dimension
), bounds AS (
  -- Every day key lies in the month row it was counted in: its first and last are the data's months.
  SELECT min(period) AS first, max(period) AS last FROM flight_delay_rollup WHERE dimension = 'day'
), span AS (
  -- A range holding every month with data reads the all-time rows where the grouping keeps them.
  SELECT coalesce(:fromMonth::text, '0000-00') AS lo, coalesce(:toMonth::text, '9999-99') AS hi,
         :span::text = 'months' AND (:fromMonth::text IS NULL OR :fromMonth::text <= first) AND (:toMonth::text IS NULL OR :toMonth::text >= last) AS whole
  FROM bounds
), periods AS (
  SELECT reads.dimension,
         CASE WHEN all_time THEN 'all' ELSE span.lo END AS lo, CASE WHEN all_time THEN 'all' ELSE span.hi END AS hi
  FROM reads
  CROSS JOIN span
  CROSS JOIN LATERAL (SELECT span.whole AND reads.dimension IN ('origin', 'destination', 'airline', 'hour', 'dow', 'route', 'airport_hour', 'airport_airline') AS all_time) t
), rows AS (
  -- A range of the primary key: (dimension, period from lo to hi). The histograms stay behind
  -- until the groups are known (below): carried through the sort that counts each group's rows,
  -- thousands of them spill to disk.
  SELECT r.dimension, r.period, r.key, split_part(r.key, ' ', 1) AS part1, split_part(r.key, ' ', 2) AS part2,
         split_part(r.key, '-', 1) AS route_from, split_part(r.key, '-', 2) AS route_to
  FROM periods p
  JOIN flight_delay_rollup r ON r.dimension = p.dimension AND r.period BETWEEN p.lo AND p.hi
), keyed AS (
  SELECT r.dimension, r.period, r.key AS row_key, g.key, count(*) OVER (PARTITION BY g.key) AS parts
  FROM rows r
  CROSS JOIN airport a
  CROSS JOIN LATERAL (SELECT CASE
      WHEN r.dimension = 'day' THEN r.key
      WHEN r.dimension = 'day_hour' THEN r.part1
      WHEN r.dimension IN ('origin_day', 'destination_day', 'airline_day', 'airport_day') THEN r.part2
    END AS day) d
  CROSS JOIN LATERAL (SELECT CASE
      WHEN r.dimension = 'route' AND :groupBy::text = 'origin' THEN r.route_from
      WHEN r.dimension = 'route' AND :groupBy::text = 'destination' THEN r.route_to
      WHEN r.dimension = :groupBy::text THEN r.key
      WHEN :groupBy::text = 'day' THEN d.day
      WHEN :groupBy::text = 'dow' THEN extract(dow FROM d.day::date)::integer::text
      WHEN r.dimension IN ('day_hour', 'airport_hour', 'airport_airline') THEN r.part2
      ELSE r.part1
    END AS key) g
  WHERE (:fromDay::text IS NULL OR d.day >= :fromDay::text) AND (:toDay::text IS NULL OR d.day <= :toDay::text)
    AND (:airport::text IS NULL OR CASE
      WHEN r.dimension LIKE 'airport%' THEN r.part1 = ANY (a.codes)
      -- One airport's origin groups: its departures (its origin row) and the routes into it.
      WHEN r.dimension IN ('origin', 'destination') THEN r.key = ANY (a.codes)
      WHEN :groupBy::text = 'origin' THEN r.route_to = ANY (a.codes) AND r.route_from <> ALL (a.codes)
      WHEN :groupBy::text = 'destination' THEN r.route_from = ANY (a.codes) AND r.route_to <> ALL (a.codes)
      ELSE r.route_from = ANY (a.codes) OR r.route_to = ANY (a.codes)
    END)
), single AS (
  -- A group read from one row: the figures stored with its histogram (migration 025).
  SELECT k.key, f.flights, f.on_time_pct, f.avg_delay_minutes, f.median_delay_minutes, f.p90_delay_minutes
  FROM keyed k
  JOIN flight_delay_rollup f ON f.dimension = k.dimension AND f.period = k.period AND f.key = k.row_key
  WHERE k.parts = 1 AND f.flights >= :minFlights!::integer
), merged AS (
  -- A group spread over several rows (months, days, hours): its histograms merged by delay value.
  SELECT key, sum(n)::integer AS flights, sum(n::bigint * delay) AS delay_sum, array_agg(delay ORDER BY delay) AS delays,
         array_agg(upto ORDER BY delay) AS upto
  FROM (SELECT key, delay, n, sum(n) OVER (PARTITION BY key ORDER BY delay)::integer AS upto
        FROM (SELECT k.key, u.delay, sum(u.n)::integer AS n
              FROM keyed k
              JOIN flight_delay_rollup f ON f.dimension = k.dimension AND f.period = k.period AND f.key = k.row_key,
                   unnest(f.delays, f.counts) AS u (delay, n)
              WHERE k.parts > 1
              GROUP BY k.key, u.delay) s) m
  GROUP BY key
)
SELECT key, flights, on_time_pct, avg_delay_minutes, median_delay_minutes, p90_delay_minutes
FROM (
  SELECT * FROM single
  UNION ALL
  -- The same expressions as the stored figures: width_bucket(x, sorted) is how many elements are
  -- <= x, so the count of delays below 15 is the running count there, and the delay at 0-based
  -- rank k is the first whose running count passes k.
  SELECT h.key,
         h.flights,
         round(100.0 * coalesce(h.upto[width_bucket(14::smallint, h.delays)], 0) / h.flights, 2)::float8,
         round(h.delay_sum::numeric / h.flights, 2)::float8,
         round(v.median_lo + (pos.median - floor(pos.median)) * (v.median_hi - v.median_lo), 2)::float8,
         round(v.p90_lo + (pos.p90 - floor(pos.p90)) * (v.p90_hi - v.p90_lo), 2)::float8
  FROM merged h
  CROSS JOIN LATERAL (SELECT (h.flights - 1) * 0.5 AS median, (h.flights - 1) * 0.9 AS p90) pos
  CROSS JOIN LATERAL (
    SELECT h.delays[width_bucket(floor(pos.median)::integer, h.upto) + 1] AS median_lo,
           h.delays[width_bucket(ceil(pos.median)::integer, h.upto) + 1] AS median_hi,
           h.delays[width_bucket(floor(pos.p90)::integer, h.upto) + 1] AS p90_lo,
           h.delays[width_bucket(ceil(pos.p90)::integer, h.upto) + 1] AS p90_hi
  ) v
  WHERE h.flights >= :minFlights!::integer
) figures
ORDER BY flights DESC, length(key), key;
