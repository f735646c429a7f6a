/** Types generated for queries found in "sql/queries/analyses/analysis_results_insert_delay_summary.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'AnalysisResultsInsertDelaySummary' parameters type */
export interface AnalysisResultsInsertDelaySummaryParams {
  actorId: string;
  airport?: string | null | void;
  fromDay?: DateOrString | null | void;
  idempotencyKey?: string | null | void;
  params: Json;
  requestHash?: string | null | void;
  requestPath?: string | null | void;
  toDay?: DateOrString | null | void;
}

/** 'AnalysisResultsInsertDelaySummary' return type */
export interface AnalysisResultsInsertDelaySummaryResult {
  confidence: number | null;
  created_at: Date;
  created_by: string | null;
  id: string;
  metrics: Json;
  params: Json;
  recommendations: Json;
  type: string;
}

/** 'AnalysisResultsInsertDelaySummary' query type */
export interface AnalysisResultsInsertDelaySummaryQuery {
  params: AnalysisResultsInsertDelaySummaryParams;
  result: AnalysisResultsInsertDelaySummaryResult;
}

const analysisResultsInsertDelaySummaryIR: any = {"usedParamSet":{"airport":true,"fromDay":true,"toDay":true,"params":true,"actorId":true,"idempotencyKey":true,"requestPath":true,"requestHash":true},"params":[{"name":"airport","required":false,"transform":{"type":"scalar"},"locs":[{"a":461,"b":468},{"a":500,"b":507},{"a":519,"b":526},{"a":1186,"b":1193}]},{"name":"fromDay","required":false,"transform":{"type":"scalar"},"locs":[{"a":844,"b":851},{"a":896,"b":903},{"a":1063,"b":1070},{"a":1100,"b":1107}]},{"name":"toDay","required":false,"transform":{"type":"scalar"},"locs":[{"a":956,"b":961},{"a":1005,"b":1010},{"a":1125,"b":1130},{"a":1159,"b":1164}]},{"name":"params","required":true,"transform":{"type":"scalar"},"locs":[{"a":3395,"b":3402}]},{"name":"actorId","required":true,"transform":{"type":"scalar"},"locs":[{"a":3920,"b":3928},{"a":4026,"b":4033}]},{"name":"idempotencyKey","required":false,"transform":{"type":"scalar"},"locs":[{"a":4036,"b":4050}]},{"name":"requestPath","required":false,"transform":{"type":"scalar"},"locs":[{"a":4053,"b":4064}]},{"name":"requestHash","required":false,"transform":{"type":"scalar"},"locs":[{"a":4067,"b":4078}]}],"statement":"-- Computes and stores a delay summary in one statement: overall figures, the local hours with the\n-- worst and best average arrival delay, plain-language recommendations, and a confidence that\n-- grows with the number of flights (1 at 1,000 or more).\n-- :params (JSON), :fromDay first day or null, :toDay last day or null (origin-local), :airport or null,\n-- :actorId acting user id, :idempotencyKey or null\nWITH airport AS (\n  SELECT icao FROM airports WHERE :airport::text IS NOT NULL AND (icao = :airport OR iata = :airport)\n), picked AS (\n  SELECT extract(hour FROM l.local)::integer AS hour, f.arrival_delay_minutes AS delay\n  FROM flights f\n  JOIN airports o ON o.icao = f.origin\n  CROSS JOIN LATERAL (SELECT f.scheduled_departure AT TIME ZONE coalesce(o.timezone, 'UTC') AS local) l\n  WHERE f.arrival_delay_minutes IS NOT NULL\n    AND (:fromDay::date IS NULL OR f.scheduled_departure >= (:fromDay::date - 1)::timestamp AT TIME ZONE 'UTC')\n    AND (:toDay::date IS NULL OR f.scheduled_departure < (:toDay::date + 2)::timestamp AT TIME ZONE 'UTC')\n    AND (:fromDay::date IS NULL OR l.local >= :fromDay::date)\n    AND (:toDay::date IS NULL OR l.local < :toDay::date + 1)\n    AND (:airport::text IS NULL OR f.origin IN (SELECT icao FROM airport) OR f.destination IN (SELECT icao FROM airport))\n), overall AS (\n  SELECT count(*) AS flights,\n         round(100.0 * count(*) FILTER (WHERE delay < 15) / nullif(count(*), 0), 2) AS on_time_pct,\n         round(avg(delay), 2) AS avg_delay_minutes,\n         round((percentile_cont(0.5) WITHIN GROUP (ORDER BY delay))::numeric, 2) AS median_delay_minutes,\n         round((percentile_cont(0.9) WITHIN GROUP (ORDER BY delay))::numeric, 2) AS p90_delay_minutes\n  FROM picked\n), hours AS (\n  -- Hours with too few flights say little; at least 1% of the flights (and 5) to be ranked.\n  SELECT hour, count(*) AS flights, round(avg(delay), 2) AS avg_delay_minutes\n  FROM picked GROUP BY hour\n  HAVING count(*) >= greatest(5, (SELECT flights FROM overall) / 100)\n), worst AS (\n  SELECT * FROM hours ORDER BY avg_delay_minutes DESC, hour LIMIT 1\n), best AS (\n  SELECT * FROM hours ORDER BY avg_delay_minutes, hour LIMIT 1\n), advice AS (\n  SELECT coalesce(jsonb_agg(text ORDER BY rank), '[]'::jsonb) AS recommendations FROM (\n    SELECT 1 AS rank, 'No flights match these filters; import flight data or widen the dates.' AS text\n    FROM overall WHERE flights = 0\n    UNION ALL\n    SELECT 2, format('Only %s%% of flights arrived on time (less than 15 minutes late); leave buffer after lessons that depend on airline arrivals.', on_time_pct)\n    FROM overall WHERE flights > 0 AND on_time_pct < 80\n    UNION ALL\n    SELECT 2, format('%s%% of flights arrived on time; airline delays are a minor scheduling risk here.', on_time_pct)\n    FROM overall WHERE flights > 0 AND on_time_pct >= 80\n    UNION ALL\n    SELECT 3, format('Departures around %s:00 local time are the most delayed (%s minutes on average); avoid planning tight connections then.', lpad(hour::text, 2, '0'), avg_delay_minutes)\n    FROM worst WHERE avg_delay_minutes >= 15\n    UNION ALL\n    SELECT 4, format('Departures around %s:00 local time are the most punctual (%s minutes on average).', lpad(hour::text, 2, '0'), avg_delay_minutes)\n    FROM best\n  ) r\n), created AS (\n  INSERT INTO analysis_results (type, params, metrics, recommendations, confidence, created_by)\n  SELECT 'delay_summary', :params!::jsonb,\n         jsonb_build_object(\n           'flights', o.flights, 'on_time_pct', o.on_time_pct, 'avg_delay_minutes', o.avg_delay_minutes,\n           'median_delay_minutes', o.median_delay_minutes, 'p90_delay_minutes', o.p90_delay_minutes,\n           'by_hour', (SELECT coalesce(jsonb_agg(jsonb_build_object('hour', hour, 'flights', flights, 'avg_delay_minutes', avg_delay_minutes) ORDER BY hour), '[]'::jsonb) FROM hours)),\n         a.recommendations,\n         round(least(1.0, o.flights / 1000.0), 3),\n         :actorId!::uuid\n  FROM overall o, advice a\n  RETURNING *\n), remembered AS (\n  SELECT idempotency_remember(:actorId, :idempotencyKey, :requestPath, :requestHash, 201, to_jsonb(created))\n  FROM created\n)\nSELECT id, type, params, metrics, recommendations, confidence::float8 AS confidence, created_by, created_at\nFROM created CROSS JOIN (SELECT count(*) FROM remembered) AS stored"};

/**
 * Query generated from SQL:
 * ```
 * -- Computes and stores a delay summary in one statement: overall figures, the local hours with the
 * -- worst and best average arrival delay, plain-language recommendations, and a confidence that
 * -- grows with the number of flights (1 at 1,000 or more).
 * -- :params (JSON), :fromDay first day or null, :toDay last day or null (origin-local), :airport or null,
 * -- :actorId acting user id, :idempotencyKey or null
 * WITH airport AS (
 *   SELECT icao FROM airports WHERE :airport::text IS NOT NULL AND (icao = :airport OR iata = :airport)
 * ), picked AS (
 *   SELECT extract(hour FROM l.local)::integer AS hour, f.arrival_delay_minutes AS delay
 *   FROM flights f
 *   JOIN airports o ON o.icao = f.origin
 *   CROSS JOIN LATERAL (SELECT f.scheduled_departure AT TIME ZONE coalesce(o.timezone, 'UTC') AS local) l
 *   WHERE f.arrival_delay_minutes IS NOT NULL
 *     AND (:fromDay::date IS NULL OR f.scheduled_departure >= (:fromDay::date - 1)::timestamp AT TIME ZONE 'UTC')
 *     AND (:toDay::date IS NULL OR f.scheduled_departure < (:toDay::date + 2)::timestamp AT TIME ZONE 'UTC')
 *     AND (:fromDay::date IS NULL OR l.local >= :fromDay::date)
 *     AND (:toDay::date IS NULL OR l.local < :toDay::date + 1)
 *     AND (:airport::text IS NULL OR f.origin IN (SELECT icao FROM airport) OR f.destination IN (SELECT icao FROM airport))
 * ), overall AS (
 *   SELECT count(*) AS flights,
 *          round(100.0 * count(*) FILTER (WHERE delay < 15) / nullif(count(*), 0), 2) AS on_time_pct,
 *          round(avg(delay), 2) AS avg_delay_minutes,
 *          round((percentile_cont(0.5) WITHIN GROUP (ORDER BY delay))::numeric, 2) AS median_delay_minutes,
 *          round((percentile_cont(0.9) WITHIN GROUP (ORDER BY delay))::numeric, 2) AS p90_delay_minutes
 *   FROM picked
 * ), hours AS (
 *   -- Hours with too few flights say little; at least 1% of the flights (and 5) to be ranked.
 *   SELECT hour, count(*) AS flights, round(avg(delay), 2) AS avg_delay_minutes
 *   FROM picked GROUP BY hour
 *   HAVING count(*) >= greatest(5, (SELECT flights FROM overall) / 100)
 * ), worst AS (
 *   SELECT * FROM hours ORDER BY avg_delay_minutes DESC, hour LIMIT 1
 * ), best AS (
 *   SELECT * FROM hours ORDER BY avg_delay_minutes, hour LIMIT 1
 * ), advice AS (
 *   SELECT coalesce(jsonb_agg(text ORDER BY rank), '[]'::jsonb) AS recommendations FROM (
 *     SELECT 1 AS rank, 'No flights match these filters; import flight data or widen the dates.' AS text
 *     FROM overall WHERE flights = 0
 *     UNION ALL
 *     SELECT 2, format('Only %s%% of flights arrived on time (less than 15 minutes late); leave buffer after lessons that depend on airline arrivals.', on_time_pct)
 *     FROM overall WHERE flights > 0 AND on_time_pct < 80
 *     UNION ALL
 *     SELECT 2, format('%s%% of flights arrived on time; airline delays are a minor scheduling risk here.', on_time_pct)
 *     FROM overall WHERE flights > 0 AND on_time_pct >= 80
 *     UNION ALL
 *     SELECT 3, format('Departures around %s:00 local time are the most delayed (%s minutes on average); avoid planning tight connections then.', lpad(hour::text, 2, '0'), avg_delay_minutes)
 *     FROM worst WHERE avg_delay_minutes >= 15
 *     UNION ALL
 *     SELECT 4, format('Departures around %s:00 local time are the most punctual (%s minutes on average).', lpad(hour::text, 2, '0'), avg_delay_minutes)
 *     FROM best
 *   ) r
 * ), created AS (
 *   INSERT INTO analysis_results (type, params, metrics, recommendations, confidence, created_by)
 *   SELECT 'delay_summary', :params!::jsonb,
 *          jsonb_build_object(
 *            'flights', o.flights, 'on_time_pct', o.on_time_pct, 'avg_delay_minutes', o.avg_delay_minutes,
 *            'median_delay_minutes', o.median_delay_minutes, 'p90_delay_minutes', o.p90_delay_minutes,
 *            'by_hour', (SELECT coalesce(jsonb_agg(jsonb_build_object('hour', hour, 'flights', flights, 'avg_delay_minutes', avg_delay_minutes) ORDER BY hour), '[]'::jsonb) FROM hours)),
 *          a.recommendations,
 *          round(least(1.0, o.flights / 1000.0), 3),
 *          :actorId!::uuid
 *   FROM overall o, advice a
 *   RETURNING *
 * ), remembered AS (
 *   SELECT idempotency_remember(:actorId, :idempotencyKey, :requestPath, :requestHash, 201, to_jsonb(created))
 *   FROM created
 * )
 * SELECT id, type, params, metrics, recommendations, confidence::float8 AS confidence, created_by, created_at
 * FROM created CROSS JOIN (SELECT count(*) FROM remembered) AS stored
 * ```
 */
export const analysisResultsInsertDelaySummary = new PreparedQuery<AnalysisResultsInsertDelaySummaryParams,AnalysisResultsInsertDelaySummaryResult>(analysisResultsInsertDelaySummaryIR);


