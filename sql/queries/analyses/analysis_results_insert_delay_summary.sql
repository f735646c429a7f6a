/* @name AnalysisResultsInsertDelaySummary */
-- Computes and stores a delay summary in one statement: overall figures, the local hours with the
-- worst and best average arrival delay, plain-language recommendations, and a confidence that
-- grows with the number of flights (1 at 1,000 or more).
-- :params (JSON), :fromDay first day or null, :toDay last day or null (origin-local), :airport or null,
-- :actorId acting user id, :idempotencyKey or null
WITH airport AS (
  SELECT icao FROM airports WHERE :airport::text IS NOT NULL AND (icao = :airport OR iata = :airport)
), picked AS (
  SELECT extract(hour FROM l.local)::integer AS hour, f.arrival_delay_minutes AS delay
  FROM flights f
  JOIN airports o ON o.icao = f.origin
  CROSS JOIN LATERAL (SELECT f.scheduled_departure AT TIME ZONE coalesce(o.timezone, 'UTC') AS local) l
  WHERE f.arrival_delay_minutes IS NOT NULL
    AND (:fromDay::date IS NULL OR f.scheduled_departure >= (:fromDay::date - 1)::timestamp AT TIME ZONE 'UTC')
    AND (:toDay::date IS NULL OR f.scheduled_departure < (:toDay::date + 2)::timestamp AT TIME ZONE 'UTC')
    AND (:fromDay::date IS NULL OR l.local >= :fromDay::date)
    AND (:toDay::date IS NULL OR l.local < :toDay::date + 1)
    AND (:airport::text IS NULL OR f.origin IN (SELECT icao FROM airport) OR f.destination IN (SELECT icao FROM airport))
), overall AS (
  SELECT count(*) AS flights,
         round(100.0 * count(*) FILTER (WHERE delay < 15) / nullif(count(*), 0), 2) AS on_time_pct,
         round(avg(delay), 2) AS avg_delay_minutes,
         round((percentile_cont(0.5) WITHIN GROUP (ORDER BY delay))::numeric, 2) AS median_delay_minutes,
         round((percentile_cont(0.9) WITHIN GROUP (ORDER BY delay))::numeric, 2) AS p90_delay_minutes
  FROM picked
), hours AS (
  -- Hours with too few flights say little; at least 1% of the flights (and 5) to be ranked.
  SELECT hour, count(*) AS flights, round(avg(delay), 2) AS avg_delay_minutes
  FROM picked GROUP BY hour
  HAVING count(*) >= greatest(5, (SELECT flights FROM overall) / 100)
), worst AS (
  SELECT * FROM hours ORDER BY avg_delay_minutes DESC, hour LIMIT 1
), best AS (
  SELECT * FROM hours ORDER BY avg_delay_minutes, hour LIMIT 1
), advice AS (
  SELECT coalesce(jsonb_agg(text ORDER BY rank), '[]'::jsonb) AS recommendations FROM (
    SELECT 1 AS rank, 'No flights match these filters; import flight data or widen the dates.' AS text
    FROM overall WHERE flights = 0
    UNION ALL
    SELECT 2, format('Only %s%% of flights arrived on time (less than 15 minutes late); leave buffer after lessons that depend on airline arrivals.', on_time_pct)
    FROM overall WHERE flights > 0 AND on_time_pct < 80
    UNION ALL
    SELECT 2, format('%s%% of flights arrived on time; airline delays are a minor scheduling risk here.', on_time_pct)
    FROM overall WHERE flights > 0 AND on_time_pct >= 80
    UNION ALL
    SELECT 3, format('Departures around %s:00 local time are the most delayed (%s minutes on average); avoid planning tight connections then.', lpad(hour::text, 2, '0'), avg_delay_minutes)
    FROM worst WHERE avg_delay_minutes >= 15
    UNION ALL
    SELECT 4, format('Departures around %s:00 local time are the most punctual (%s minutes on average).', lpad(hour::text, 2, '0'), avg_delay_minutes)
    FROM best
  ) r
), created AS (
  INSERT INTO analysis_results (type, params, metrics, recommendations, confidence, created_by)
  SELECT 'delay_summary', :params!::jsonb,
         jsonb_build_object(
           'flights', o.flights, 'on_time_pct', o.on_time_pct, 'avg_delay_minutes', o.avg_delay_minutes,
           'median_delay_minutes', o.median_delay_minutes, 'p90_delay_minutes', o.p90_delay_minutes,
           'by_hour', (SELECT coalesce(jsonb_agg(jsonb_build_object('hour', hour, 'flights', flights, 'avg_delay_minutes', avg_delay_minutes) ORDER BY hour), '[]'::jsonb) FROM hours)),
         a.recommendations,
         round(least(1.0, o.flights / 1000.0), 3),
         :actorId!::uuid
  FROM overall o, advice a
  RETURNING *
), remembered AS (
  SELECT idempotency_remember(:actorId, :idempotencyKey, :requestPath, :requestHash, 201, to_jsonb(created))
  FROM created
)
SELECT id, type, params, metrics, recommendations, confidence::float8 AS confidence, created_by, created_at
FROM created CROSS JOIN (SELECT count(*) FROM remembered) AS stored;
