/** Types generated for queries found in "sql/queries/analyses/analysis_results_select_one.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'AnalysisResultsSelectOne' parameters type */
export interface AnalysisResultsSelectOneParams {
  analysisId: string;
}

/** 'AnalysisResultsSelectOne' return type */
export interface AnalysisResultsSelectOneResult {
  confidence: number | null;
  created_at: Date;
  created_by: string | null;
  id: string;
  metrics: Json;
  params: Json;
  recommendations: Json;
  type: string;
}

/** 'AnalysisResultsSelectOne' query type */
export interface AnalysisResultsSelectOneQuery {
  params: AnalysisResultsSelectOneParams;
  result: AnalysisResultsSelectOneResult;
}

const analysisResultsSelectOneIR: any = {"usedParamSet":{"analysisId":true},"params":[{"name":"analysisId","required":true,"transform":{"type":"scalar"},"locs":[{"a":165,"b":176}]}],"statement":"-- One stored analysis.\nSELECT id, type, params, metrics, recommendations, confidence::float8 AS confidence, created_by, created_at\nFROM analysis_results WHERE id = :analysisId!"};

/**
 * Query generated from SQL:
 * ```
 * -- One stored analysis.
 * SELECT id, type, params, metrics, recommendations, confidence::float8 AS confidence, created_by, created_at
 * FROM analysis_results WHERE id = :analysisId!
 * ```
 */
export const analysisResultsSelectOne = new PreparedQuery<AnalysisResultsSelectOneParams,AnalysisResultsSelectOneResult>(analysisResultsSelectOneIR);


