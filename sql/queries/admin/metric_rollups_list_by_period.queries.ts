/** Types generated for queries found in "sql/queries/admin/metric_rollups_list_by_period.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type NumberOrString = number | string;

/** 'MetricRollupsListByPeriod' parameters type */
export interface MetricRollupsListByPeriodParams {
  fromDay?: DateOrString | null | void;
  limit: NumberOrString;
  period: string;
  toDay?: DateOrString | null | void;
}

/** 'MetricRollupsListByPeriod' return type */
export interface MetricRollupsListByPeriodResult {
  dimensions: Json;
  metric: string;
  period: string;
  period_start: string | null;
  updated_at: Date;
  value: number | null;
}

/** 'MetricRollupsListByPeriod' query type */
export interface MetricRollupsListByPeriodQuery {
  params: MetricRollupsListByPeriodParams;
  result: MetricRollupsListByPeriodResult;
}

const metricRollupsListByPeriodIR: any = {"usedParamSet":{"period":true,"fromDay":true,"toDay":true,"limit":true},"params":[{"name":"period","required":true,"transform":{"type":"scalar"},"locs":[{"a":381,"b":388}]},{"name":"fromDay","required":false,"transform":{"type":"scalar"},"locs":[{"a":397,"b":404},{"a":439,"b":446}]},{"name":"toDay","required":false,"transform":{"type":"scalar"},"locs":[{"a":462,"b":467},{"a":502,"b":507}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":570,"b":576}]}],"statement":"-- GET /v1/admin/metrics: stored rollups of one period kind, oldest period first; the unique\n-- key's index (period, period_start, ...) serves the range.\n-- :fromDay from date or null, :toDay to date (inclusive) or null, :limit row cap + 1\nSELECT period, period_start::text AS period_start, metric, dimensions, value::float8 AS value, updated_at\nFROM metric_rollups\nWHERE period = :period!\n  AND (:fromDay::date IS NULL OR period_start >= :fromDay::date)\n  AND (:toDay::date IS NULL OR period_start <= :toDay::date)\nORDER BY period_start, metric, dimensions::text\nLIMIT :limit!"};

/**
 * Query generated from SQL:
 * ```
 * -- GET /v1/admin/metrics: stored rollups of one period kind, oldest period first; the unique
 * -- key's index (period, period_start, ...) serves the range.
 * -- :fromDay from date or null, :toDay to date (inclusive) or null, :limit row cap + 1
 * SELECT period, period_start::text AS period_start, metric, dimensions, value::float8 AS value, updated_at
 * FROM metric_rollups
 * WHERE period = :period!
 *   AND (:fromDay::date IS NULL OR period_start >= :fromDay::date)
 *   AND (:toDay::date IS NULL OR period_start <= :toDay::date)
 * ORDER BY period_start, metric, dimensions::text
 * LIMIT :limit!
 * ```
 */
export const metricRollupsListByPeriod = new PreparedQuery<MetricRollupsListByPeriodParams,MetricRollupsListByPeriodResult>(metricRollupsListByPeriodIR);


