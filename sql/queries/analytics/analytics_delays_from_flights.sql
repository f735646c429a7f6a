/* @name AnalyticsDelaysFromFlights */
-- Arrival-delay figures per group, straight from the flights (any date range, airport filter).
-- Hours, weekdays and days are the origin airport's local time (UTC when it has no timezone).
-- :groupBy, :fromDay first day or null, :toDay last day or null (origin-local, inclusive),
-- :airport code (ICAO or IATA; departing or arriving) or null, :minFlights minimum flights per group
WITH airport AS (
  SELECT icao FROM airports WHERE :airport::text IS NOT NULL AND (icao = :airport OR iata = :airport)
), picked AS (
  SELECT CASE :groupBy!::text
           WHEN 'origin' THEN f.origin
           WHEN 'destination' THEN f.destination
           WHEN 'airline' THEN f.airline_code
           WHEN 'route' THEN f.origin || '-' || f.destination
           WHEN 'hour' THEN extract(hour FROM l.local)::integer::text
           WHEN 'dow' THEN extract(dow FROM l.local)::integer::text
           WHEN 'day' THEN to_char(l.local, 'YYYY-MM-DD')
         END AS key,
         f.arrival_delay_minutes AS delay
  FROM flights f
  JOIN airports o ON o.icao = f.origin
  CROSS JOIN LATERAL (SELECT f.scheduled_departure AT TIME ZONE coalesce(o.timezone, 'UTC') AS local) l
  WHERE f.arrival_delay_minutes IS NOT NULL
    -- A day's local times lie within a day either side of UTC: the index narrows, `local` decides.
    AND (:fromDay::date IS NULL OR f.scheduled_departure >= (:fromDay::date - 1)::timestamp AT TIME ZONE 'UTC')
    AND (:toDay::date IS NULL OR f.scheduled_departure < (:toDay::date + 2)::timestamp AT TIME ZONE 'UTC')
    AND (:fromDay::date IS NULL OR l.local >= :fromDay::date)
    AND (:toDay::date IS NULL OR l.local < :toDay::date + 1)
    -- Equalities with the airport's codes: the origin and destination indexes, over the dates.
    AND (:airport::text IS NULL OR f.origin = ANY (ARRAY(SELECT icao FROM airport)) OR f.destination = ANY (ARRAY(SELECT icao FROM airport)))
)
SELECT key,
       count(*)::integer AS flights,
       round(100.0 * count(*) FILTER (WHERE delay < 15) / count(*), 2)::float8 AS on_time_pct,
       round(avg(delay), 2)::float8 AS avg_delay_minutes,
       round((percentile_cont(0.5) WITHIN GROUP (ORDER BY delay))::numeric, 2)::float8 AS median_delay_minutes,
       round((percentile_cont(0.9) WITHIN GROUP (ORDER BY delay))::numeric, 2)::float8 AS p90_delay_minutes
FROM picked
WHERE key IS NOT NULL
GROUP BY key
HAVING count(*) >= :minFlights!::integer
ORDER BY flights DESC, length(key), key;
