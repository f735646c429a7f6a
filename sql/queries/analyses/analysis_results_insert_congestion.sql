/* @name AnalysisResultsInsertCongestion */
-- Computes and stores a congestion analysis of one airport in one statement: runway movements
-- (departures plus arrivals) per local hour of day, averaged over the days with traffic and
-- compared with the airport's runway_capacity_per_hour. An arrival without a time is placed at
-- departure + 30 min + distance / 8 (about 480 mph), or left out when the distance is unknown too.
-- Confidence: days observed / 30 (at most 1), × 0.6 when the capacity is not on record.
-- :params (JSON), :fromDay first day or null, :toDay last day or null (airport-local),
-- :actorId acting user id, :idempotencyKey or null
WITH airport AS (
  SELECT icao, coalesce(timezone, 'UTC') AS tz, runway_capacity_per_hour AS capacity
  FROM airports WHERE icao = :airport OR iata = :airport
  LIMIT 1
), movements AS (
  SELECT f.scheduled_departure AS at FROM flights f, airport a WHERE f.origin = a.icao
  UNION ALL
  SELECT coalesce(f.actual_arrival, f.scheduled_arrival,
                  f.actual_departure + make_interval(mins => 30 + f.distance_miles / 8))
  FROM flights f, airport a WHERE f.destination = a.icao
), local AS (
  SELECT m.at AT TIME ZONE a.tz AS local FROM movements m, airport a
  WHERE m.at IS NOT NULL
), windowed AS (
  SELECT local FROM local
  WHERE (:fromDay::date IS NULL OR local >= :fromDay::date) AND (:toDay::date IS NULL OR local < :toDay::date + 1)
), per_slot AS (
  SELECT local::date AS day, extract(hour FROM local)::integer AS hour, count(*) AS movements
  FROM windowed GROUP BY 1, 2
), days AS (
  SELECT count(DISTINCT day) AS observed FROM per_slot
), hours AS (
  SELECT h.hour,
         round(coalesce(sum(p.movements), 0)::numeric / nullif((SELECT observed FROM days), 0), 2) AS avg_movements,
         coalesce(max(p.movements), 0) AS peak_movements
  FROM generate_series(0, 23) AS h (hour)
  LEFT JOIN per_slot p ON p.hour = h.hour
  GROUP BY h.hour
), rated AS (
  SELECT h.*, round(100.0 * h.peak_movements / a.capacity, 1) AS peak_utilization_pct
  FROM hours h, airport a
), advice AS (
  SELECT coalesce(jsonb_agg(text ORDER BY rank, hour), '[]'::jsonb) AS recommendations FROM (
    SELECT 1 AS rank, 0 AS hour, format('No flights at %s match these dates; import flight data or widen the dates.', :airport::text) AS text
    FROM days WHERE observed = 0
    UNION ALL
    SELECT 2, 0, format('Runway capacity of %s is not on record; hours are compared with each other only.', a.icao)
    FROM airport a WHERE a.capacity IS NULL
    UNION ALL
    SELECT 3, r.hour, format('Avoid scheduling training flights at %s:00–%s:00 local time: up to %s movements in that hour against a capacity of %s.',
                             lpad(r.hour::text, 2, '0'), lpad(((r.hour + 1) % 24)::text, 2, '0'), r.peak_movements, a.capacity)
    FROM rated r, airport a WHERE r.peak_utilization_pct >= 80
    UNION ALL
    SELECT 4, 0, format('Quietest daytime hours (local): %s.', string_agg(lpad(q.hour::text, 2, '0') || ':00', ', ' ORDER BY q.hour))
    FROM (SELECT hour FROM rated WHERE hour BETWEEN 7 AND 20 ORDER BY avg_movements, hour LIMIT 3) q
    HAVING (SELECT observed FROM days) > 0
  ) r
), created AS (
  INSERT INTO analysis_results (type, params, metrics, recommendations, confidence, created_by)
  SELECT 'congestion', :params!::jsonb,
         jsonb_build_object(
           'airport', a.icao, 'runway_capacity_per_hour', a.capacity, 'days_observed', d.observed,
           'busiest_hour', (SELECT hour FROM rated ORDER BY avg_movements DESC, hour LIMIT 1),
           'hours', (SELECT jsonb_agg(jsonb_build_object('hour', hour, 'avg_movements', avg_movements,
                                                         'peak_movements', peak_movements,
                                                         'peak_utilization_pct', peak_utilization_pct) ORDER BY hour) FROM rated)),
         v.recommendations,
         round(least(1.0, d.observed / 30.0) * CASE WHEN a.capacity IS NULL THEN 0.6 ELSE 1 END, 3),
         :actorId!::uuid
  FROM airport a, days d, advice v
  RETURNING *
), remembered AS (
  SELECT idempotency_remember(:actorId, :idempotencyKey, :requestPath, :requestHash, 201, to_jsonb(created))
  FROM created
)
SELECT id, type, params, metrics, recommendations, confidence::float8 AS confidence, created_by, created_at
FROM created CROSS JOIN (SELECT count(*) FROM remembered) AS stored;
