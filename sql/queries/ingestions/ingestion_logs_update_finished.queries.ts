/** Types generated for queries found in "sql/queries/ingestions/ingestion_logs_update_finished.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type NumberOrString = number | string;

/** 'IngestionLogsUpdateFinished' parameters type */
export interface IngestionLogsUpdateFinishedParams {
  errors: Json;
  ingestionId: string;
  qualityScore?: NumberOrString | null | void;
  status: string;
}

/** 'IngestionLogsUpdateFinished' return type */
export interface IngestionLogsUpdateFinishedResult {
  created_at: Date;
  created_by: string | null;
  errors: Json;
  finished_at: Date | null;
  format: string;
  id: string;
  quality_score: number | null;
  rows_duplicate: number;
  rows_inserted: number;
  rows_received: number;
  rows_rejected: number;
  source: string;
  started_at: Date;
  status: string;
}

/** 'IngestionLogsUpdateFinished' query type */
export interface IngestionLogsUpdateFinishedQuery {
  params: IngestionLogsUpdateFinishedParams;
  result: IngestionLogsUpdateFinishedResult;
}

const ingestionLogsUpdateFinishedIR: any = {"usedParamSet":{"status":true,"qualityScore":true,"errors":true,"ingestionId":true},"params":[{"name":"status","required":true,"transform":{"type":"scalar"},"locs":[{"a":222,"b":229}]},{"name":"qualityScore","required":false,"transform":{"type":"scalar"},"locs":[{"a":250,"b":262}]},{"name":"errors","required":true,"transform":{"type":"scalar"},"locs":[{"a":285,"b":292}]},{"name":"ingestionId","required":true,"transform":{"type":"scalar"},"locs":[{"a":357,"b":369}]}],"statement":"-- Closes an ingestion's log once its last batch has committed; the counts were added batch by batch.\n-- :ingestionId, :status, :qualityScore or null, :errors first errors (JSON array)\nUPDATE ingestion_logs SET\n  status = :status!,\n  quality_score = :qualityScore::numeric,\n  errors = :errors!::jsonb,\n  finished_at = greatest(now(), started_at)\nWHERE id = :ingestionId!::uuid\nRETURNING id, source, format, status, rows_received, rows_inserted, rows_rejected, rows_duplicate,\n          quality_score::float8 AS quality_score, errors, started_at, finished_at, created_by, created_at"};

/**
 * Query generated from SQL:
 * ```
 * -- Closes an ingestion's log once its last batch has committed; the counts were added batch by batch.
 * -- :ingestionId, :status, :qualityScore or null, :errors first errors (JSON array)
 * UPDATE ingestion_logs SET
 *   status = :status!,
 *   quality_score = :qualityScore::numeric,
 *   errors = :errors!::jsonb,
 *   finished_at = greatest(now(), started_at)
 * WHERE id = :ingestionId!::uuid
 * RETURNING id, source, format, status, rows_received, rows_inserted, rows_rejected, rows_duplicate,
 *           quality_score::float8 AS quality_score, errors, started_at, finished_at, created_by, created_at
 * ```
 */
export const ingestionLogsUpdateFinished = new PreparedQuery<IngestionLogsUpdateFinishedParams,IngestionLogsUpdateFinishedResult>(ingestionLogsUpdateFinishedIR);


