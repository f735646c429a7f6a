/** Types generated for queries found in "sql/queries/ingestions/ingestion_logs_select_one.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'IngestionLogsSelectOne' parameters type */
export interface IngestionLogsSelectOneParams {
  ingestionId: string;
}

/** 'IngestionLogsSelectOne' return type */
export interface IngestionLogsSelectOneResult {
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

/** 'IngestionLogsSelectOne' query type */
export interface IngestionLogsSelectOneQuery {
  params: IngestionLogsSelectOneParams;
  result: IngestionLogsSelectOneResult;
}

const ingestionLogsSelectOneIR: any = {"usedParamSet":{"ingestionId":true},"params":[{"name":"ingestionId","required":true,"transform":{"type":"scalar"},"locs":[{"a":284,"b":296}]}],"statement":"-- One ingestion's log.\n-- :ingestionId the ingestion\nSELECT id, source, format, status, rows_received, rows_inserted, rows_rejected, rows_duplicate,\n       quality_score::float8 AS quality_score, errors, started_at, finished_at, created_by, created_at\nFROM ingestion_logs\nWHERE id = :ingestionId!"};

/**
 * Query generated from SQL:
 * ```
 * -- One ingestion's log.
 * -- :ingestionId the ingestion
 * SELECT id, source, format, status, rows_received, rows_inserted, rows_rejected, rows_duplicate,
 *        quality_score::float8 AS quality_score, errors, started_at, finished_at, created_by, created_at
 * FROM ingestion_logs
 * WHERE id = :ingestionId!
 * ```
 */
export const ingestionLogsSelectOne = new PreparedQuery<IngestionLogsSelectOneParams,IngestionLogsSelectOneResult>(ingestionLogsSelectOneIR);


