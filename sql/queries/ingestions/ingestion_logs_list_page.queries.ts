/** Types generated for queries found in "sql/queries/ingestions/ingestion_logs_list_page.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type NumberOrString = number | string;

/** 'IngestionLogsListPage' parameters type */
export interface IngestionLogsListPageParams {
  afterAt?: DateOrString | null | void;
  afterId?: string | null | void;
  limit: NumberOrString;
}

/** 'IngestionLogsListPage' return type */
export interface IngestionLogsListPageResult {
  created_at: Date;
  created_by: string | null;
  cursor_at: string | null;
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

/** 'IngestionLogsListPage' query type */
export interface IngestionLogsListPageQuery {
  params: IngestionLogsListPageParams;
  result: IngestionLogsListPageResult;
}

const ingestionLogsListPageIR: any = {"usedParamSet":{"afterAt":true,"afterId":true,"limit":true},"params":[{"name":"afterAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":395,"b":402},{"a":448,"b":455}]},{"name":"afterId","required":false,"transform":{"type":"scalar"},"locs":[{"a":471,"b":478}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":528,"b":534}]}],"statement":"-- A page of ingestion logs, newest first.\n-- :afterAt/:afterId the cursor (created_at as text, id) or nulls, :limit page size + 1\nSELECT id, source, format, status, rows_received, rows_inserted, rows_rejected, rows_duplicate,\n       quality_score::float8 AS quality_score, errors, started_at, finished_at, created_by, created_at,\n       created_at::text AS cursor_at\nFROM ingestion_logs\nWHERE (:afterAt::timestamptz IS NULL OR (created_at, id) < (:afterAt::timestamptz, :afterId::uuid))\nORDER BY created_at DESC, id DESC\nLIMIT :limit!"};

/**
 * Query generated from SQL:
 * ```
 * -- A page of ingestion logs, newest first.
 * -- :afterAt/:afterId the cursor (created_at as text, id) or nulls, :limit page size + 1
 * SELECT id, source, format, status, rows_received, rows_inserted, rows_rejected, rows_duplicate,
 *        quality_score::float8 AS quality_score, errors, started_at, finished_at, created_by, created_at,
 *        created_at::text AS cursor_at
 * FROM ingestion_logs
 * WHERE (:afterAt::timestamptz IS NULL OR (created_at, id) < (:afterAt::timestamptz, :afterId::uuid))
 * ORDER BY created_at DESC, id DESC
 * LIMIT :limit!
 * ```
 */
export const ingestionLogsListPage = new PreparedQuery<IngestionLogsListPageParams,IngestionLogsListPageResult>(ingestionLogsListPageIR);


