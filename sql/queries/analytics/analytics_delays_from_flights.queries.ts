/** Types generated for queries found in "sql/queries/analytics/analytics_delays_from_flights.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

/** 'AnalyticsDelaysFromFlights' parameters type */
export interface AnalyticsDelaysFromFlightsParams {
  airport?: string | null | void;
  fromDay?: DateOrString | null | void;
  groupBy: string;
  minFlights: number;
  toDay?: DateOrString | null | void;
}

/** 'AnalyticsDelaysFromFlights' return type */
export interface AnalyticsDelaysFromFlightsResult {
  avg_delay_minutes: number | null;
  flights: number | null;
  key: string | null;
  median_delay_minutes: number | null;
  on_time_pct: number | null;
  p90_delay_minutes: number | null;
}

/** 'AnalyticsDelaysFromFlights' query type */
export interface AnalyticsDelaysFromFlightsQuery {
  params: AnalyticsDelaysFromFlightsParams;
  result: AnalyticsDelaysFromFlightsResult;
}

const analyticsDelaysFromFlightsIR: any = {"usedParamSet":{"airport":true,"groupBy":true,"fromDay":true,"toDay":true,"minFlights":true},"params":[{"name":"airport","required":false,"transform":{"type":"scalar"},"locs":[{"a":437,"b":444},{"a":476,"b":483},{"a":495,"b":502},{"a":1756,"b":1763}]},{"name":"groupBy","required":true,"transform":{"type":"scalar"},"locs":[{"a":534,"b":542}]},{"name":"fromDay","required":false,"transform":{"type":"scalar"},"locs":[{"a":1318,"b":1325},{"a":1370,"b":1377},{"a":1537,"b":1544},{"a":1574,"b":1581}]},{"name":"toDay","required":false,"transform":{"type":"scalar"},"locs":[{"a":1430,"b":1435},{"a":1479,"b":1484},{"a":1599,"b":1604},{"a":1633,"b":1638}]},{"name":"minFlights","required":true,"transform":{"type":"scalar"},"locs":[{"a":2379,"b":2390}]}],"statement":"-- Arrival-delay figures per group, straight from the flights (any date range, airport filter).\n-- Hours, weekdays and days are the origin airport's local time (UTC when it has no timezone).\n-- :groupBy, :fromDay first day or null, :toDay last day or null (origin-local, inclusive),\n-- :airport code (ICAO or IATA; departing or arriving) or null, :minFlights minimum flights per group\nWITH airport AS (\n  SELECT icao FROM airports WHERE :airport::text IS NOT NULL AND (icao = :airport OR iata = :airport)\n), picked AS (\n  SELECT CASE :groupBy!::text\n           WHEN 'origin' THEN f.origin\n           WHEN 'destination' THEN f.destination\n           WHEN 'airline' THEN f.airline_code\n           WHEN 'route' THEN f.origin || '-' || f.destination\n           WHEN 'hour' THEN extract(hour FROM l.local)::integer::text\n           WHEN 'dow' THEN extract(dow FROM l.local)::integer::text\n           WHEN 'day' THEN to_char(l.local, 'YYYY-MM-DD')\n         END AS key,\n         f.arrival_delay_minutes AS delay\n  FROM flights f\n  JOIN airports o ON o.icao = f.origin\n  CROSS JOIN LATERAL (SELECT f.scheduled_departure AT TIME ZONE coalesce(o.timezone, 'UTC') AS local) l\n  WHERE f.arrival_delay_minutes IS NOT NULL\n    -- A day's local times lie within a day either side of UTC: the index narrows, `local` decides.\n    AND (:fromDay::date IS NULL OR f.scheduled_departure >= (:fromDay::date - 1)::timestamp AT TIME ZONE 'UTC')\n    AND (:toDay::date IS NULL OR f.scheduled_departure < (:toDay::date + 2)::timestamp AT TIME ZONE 'UTC')\n    AND (:fromDay::date IS NULL OR l.local >= :fromDay::date)\n    AND (:toDay::date IS NULL OR l.local < :toDay::date + 1)\n    -- Equalities with the airport's codes: the origin and destination indexes, over the dates.\n    AND (:airport::text IS NULL OR f.origin = ANY (ARRAY(SELECT icao FROM airport)) OR f.destination = ANY (ARRAY(SELECT icao FROM airport)))\n)\nSELECT key,\n       count(*)::integer AS flights,\n       round(100.0 * count(*) FILTER (WHERE delay < 15) / count(*), 2)::float8 AS on_time_pct,\n       round(avg(delay), 2)::float8 AS avg_delay_minutes,\n       round((percentile_cont(0.5) WITHIN GROUP (ORDER BY delay))::numeric, 2)::float8 AS median_delay_minutes,\n       round((percentile_cont(0.9) WITHIN GROUP (ORDER BY delay))::numeric, 2)::float8 AS p90_delay_minutes\nFROM picked\nWHERE key IS NOT NULL\nGROUP BY key\nHAVING count(*) >= :minFlights!::integer\nORDER BY flights DESC, length(key), key"};

/**
 * Query generated from SQL:
 * ```
 * -- Arrival-delay figures per group, straight from the flights (any date range, airport filter).
 * -- Hours, weekdays and days are the origin airport's local time (UTC when it has no timezone).
 * -- :groupBy, :fromDay first day or null, :toDay last day or null (origin-local, inclusive),
 * -- :airport code (ICAO or IATA; departing or arriving) or null, :minFlights minimum flights per group
 * WITH airport AS (
 *   SELECT icao FROM airports WHERE :airport::text IS NOT NULL AND (icao = :airport OR iata = :airport)
 * ), picked AS (
 *   SELECT CASE :groupBy!::text
 *            WHEN 'origin' THEN f.origin
 *            WHEN 'destination' THEN f.destination
 *            WHEN 'airline' THEN f.airline_code
 *            WHEN 'route' THEN f.origin || '-' || f.destination
 *            WHEN 'hour' THEN extract(hour FROM l.local)::integer::text
 *            WHEN 'dow' THEN extract(dow FROM l.local)::integer::text
 *            WHEN 'day' THEN to_char(l.local, 'YYYY-MM-DD')
 *          END AS key,
 *          f.arrival_delay_minutes AS delay
 *   FROM flights f
 *   JOIN airports o ON o.icao = f.origin
 *   CROSS JOIN LATERAL (SELECT f.scheduled_departure AT TIME ZONE coalesce(o.timezone, 'UTC') AS local) l
 *   WHERE f.arrival_delay_minutes IS NOT NULL
 *     -- A day's local times lie within a day either side of UTC: the index narrows, `local` decides.
 *     AND (:fromDay::date IS NULL OR f.scheduled_departure >= (:fromDay::date - 1)::timestamp AT TIME ZONE 'UTC')
 *     AND (:toDay::date IS NULL OR f.scheduled_departure < (:toDay::date + 2)::timestamp AT TIME ZONE 'UTC')
 *     AND (:fromDay::date IS NULL OR l.local >= :fromDay::date)
 *     AND (:toDay::date IS NULL OR l.local < :toDay::date + 1)
 *     -- Equalities with the airport's codes: the origin and destination indexes, over the dates.
 *     AND (:airport::text IS NULL OR f.origin = ANY (ARRAY(SELECT icao FROM airport)) OR f.destination = ANY (ARRAY(SELECT icao FROM airport)))
 * )
 * SELECT key,
 *        count(*)::integer AS flights,
 *        round(100.0 * count(*) FILTER (WHERE delay < 15) / count(*), 2)::float8 AS on_time_pct,
 *        round(avg(delay), 2)::float8 AS avg_delay_minutes,
 *        round((percentile_cont(0.5) WITHIN GROUP (ORDER BY delay))::numeric, 2)::float8 AS median_delay_minutes,
 *        round((percentile_cont(0.9) WITHIN GROUP (ORDER BY delay))::numeric, 2)::float8 AS p90_delay_minutes
 * FROM picked
 * WHERE key IS NOT NULL
 * GROUP BY key
 * HAVING count(*) >= :minFlights!::integer
 * ORDER BY flights DESC, length(key), key
 * ```
 */
export const analyticsDelaysFromFlights = new PreparedQuery<AnalyticsDelaysFromFlightsParams,AnalyticsDelaysFromFlightsResult>(analyticsDelaysFromFlightsIR);


