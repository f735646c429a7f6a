/** Types generated for queries found in "sql/queries/ingestions/ingestion_logs_insert_running.sql" */
import { PreparedQuery } from '../../../src/db/typed';

/** 'IngestionLogsInsertRunning' parameters type */
export interface IngestionLogsInsertRunningParams {
  actorId?: string | null | void;
  format: string;
  source: string;
}

/** 'IngestionLogsInsertRunning' return type */
export interface IngestionLogsInsertRunningResult {
  id: string;
  started_at: Date;
}

/** 'IngestionLogsInsertRunning' query type */
export interface IngestionLogsInsertRunningQuery {
  params: IngestionLogsInsertRunningParams;
  result: IngestionLogsInsertRunningResult;
}

const ingestionLogsInsertRunningIR: any = {"usedParamSet":{"source":true,"format":true,"actorId":true},"params":[{"name":"source","required":true,"transform":{"type":"scalar"},"locs":[{"a":259,"b":266}]},{"name":"format","required":true,"transform":{"type":"scalar"},"locs":[{"a":269,"b":276}]},{"name":"actorId","required":false,"transform":{"type":"scalar"},"locs":[{"a":279,"b":286},{"a":491,"b":498}]}],"statement":"-- Opens an ingestion's log as RUNNING before its first batch, audited in the same statement.\n-- :source label, :format, :actorId acting user id (null for the command line)\nWITH started AS (\n  INSERT INTO ingestion_logs (source, format, created_by)\n  VALUES (:source!, :format!, :actorId::uuid)\n  RETURNING id, source, format, started_at\n), audited AS (\n  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)\n  SELECT 'ingestion', started.id::text, 'ingestion.started', :actorId::uuid,\n         jsonb_build_object('source', started.source, 'format', started.format)\n  FROM started\n)\nSELECT id, started_at FROM started"};

/**
 * Query generated from SQL:
 * ```
 * -- Opens an ingestion's log as RUNNING before its first batch, audited in the same statement.
 * -- :source label, :format, :actorId acting user id (null for the command line)
 * WITH started AS (
 *   INSERT INTO ingestion_logs (source, format, created_by)
 *   VALUES (:source!, :format!, :actorId::uuid)
 *   RETURNING id, source, format, started_at
 * ), audited AS (
 *   INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
 *   SELECT 'ingestion', started.id::text, 'ingestion.started', :actorId::uuid,
 *          jsonb_build_object('source', started.source, 'format', started.format)
 *   FROM started
 * )
 * SELECT id, started_at FROM started
 * ```
 */
export const ingestionLogsInsertRunning = new PreparedQuery<IngestionLogsInsertRunningParams,IngestionLogsInsertRunningResult>(ingestionLogsInsertRunningIR);


