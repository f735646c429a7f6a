/** Types generated for queries found in "sql/queries/analyses/analysis_results_list_page.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type NumberOrString = number | string;

/** 'AnalysisResultsListPage' parameters type */
export interface AnalysisResultsListPageParams {
  cursorAt?: DateOrString | null | void;
  cursorId?: string | null | void;
  limit: NumberOrString;
  type?: string | null | void;
}

/** 'AnalysisResultsListPage' return type */
export interface AnalysisResultsListPageResult {
  confidence: number | null;
  created_at: Date;
  created_by: string | null;
  cursor_at: string | null;
  id: string;
  metrics: Json;
  params: Json;
  recommendations: Json;
  type: string;
}

/** 'AnalysisResultsListPage' query type */
export interface AnalysisResultsListPageQuery {
  params: AnalysisResultsListPageParams;
  result: AnalysisResultsListPageResult;
}

const analysisResultsListPageIR: any = {"usedParamSet":{"type":true,"cursorAt":true,"cursorId":true,"limit":true},"params":[{"name":"type","required":false,"transform":{"type":"scalar"},"locs":[{"a":348,"b":352},{"a":378,"b":382}]},{"name":"cursorAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":392,"b":400},{"a":446,"b":454}]},{"name":"cursorId","required":false,"transform":{"type":"scalar"},"locs":[{"a":470,"b":478}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":528,"b":534}]}],"statement":"-- A page of stored analyses, newest first, optionally of one type.\n-- :type or null, :cursorAt/:cursorId the cursor (created_at as text, id) or nulls, :limit page size + 1\nSELECT id, type, params, metrics, recommendations, confidence::float8 AS confidence, created_by, created_at,\n       created_at::text AS cursor_at\nFROM analysis_results\nWHERE (:type::text IS NULL OR type = :type)\n  AND (:cursorAt::timestamptz IS NULL OR (created_at, id) < (:cursorAt::timestamptz, :cursorId::uuid))\nORDER BY created_at DESC, id DESC\nLIMIT :limit!"};

/**
 * Query generated from SQL:
 * ```
 * -- A page of stored analyses, newest first, optionally of one type.
 * -- :type or null, :cursorAt/:cursorId the cursor (created_at as text, id) or nulls, :limit page size + 1
 * SELECT id, type, params, metrics, recommendations, confidence::float8 AS confidence, created_by, created_at,
 *        created_at::text AS cursor_at
 * FROM analysis_results
 * WHERE (:type::text IS NULL OR type = :type)
 *   AND (:cursorAt::timestamptz IS NULL OR (created_at, id) < (:cursorAt::timestamptz, :cursorId::uuid))
 * ORDER BY created_at DESC, id DESC
 * LIMIT :limit!
 * ```
 */
export const analysisResultsListPage = new PreparedQuery<AnalysisResultsListPageParams,AnalysisResultsListPageResult>(analysisResultsListPageIR);


