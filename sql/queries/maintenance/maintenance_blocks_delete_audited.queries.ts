/** Types generated for queries found in "sql/queries/maintenance/maintenance_blocks_delete_audited.sql" */
import { PreparedQuery } from '../../../src/db/typed';

/** 'MaintenanceBlocksDeleteAudited' parameters type */
export interface MaintenanceBlocksDeleteAuditedParams {
  actorId: string;
  aircraftId: string;
  blockId: string;
}

/** 'MaintenanceBlocksDeleteAudited' return type */
export interface MaintenanceBlocksDeleteAuditedResult {
  aircraft_id: string;
  created_at: Date;
  created_by: string | null;
  ends_at: Date;
  id: string;
  reason: string;
  starts_at: Date;
}

/** 'MaintenanceBlocksDeleteAudited' query type */
export interface MaintenanceBlocksDeleteAuditedQuery {
  params: MaintenanceBlocksDeleteAuditedParams;
  result: MaintenanceBlocksDeleteAuditedResult;
}

const maintenanceBlocksDeleteAuditedIR: any = {"usedParamSet":{"blockId":true,"aircraftId":true,"actorId":true},"params":[{"name":"blockId","required":true,"transform":{"type":"scalar"},"locs":[{"a":246,"b":254}]},{"name":"aircraftId","required":true,"transform":{"type":"scalar"},"locs":[{"a":280,"b":291}]},{"name":"actorId","required":true,"transform":{"type":"scalar"},"locs":[{"a":474,"b":482}]}],"statement":"-- Ends a maintenance block early (or cancels it), audited, in one statement; the bookings it\n-- held at risk are freed (aircraft_refresh_risk, by trigger).\n-- :actorId acting user id\nWITH removed AS (\n  DELETE FROM maintenance_blocks WHERE id = :blockId!::uuid AND aircraft_id = :aircraftId!::uuid RETURNING *\n), audited AS (\n  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)\n  SELECT 'maintenance_block', r.id::text, 'maintenance_block.deleted', :actorId!::uuid,\n         jsonb_build_object('aircraft_id', r.aircraft_id, 'starts_at', r.starts_at, 'ends_at', r.ends_at, 'reason', r.reason)\n  FROM removed r\n)\nSELECT * FROM removed"};

/**
 * Query generated from SQL:
 * ```
 * -- Ends a maintenance block early (or cancels it), audited, in one statement; the bookings it
 * -- held at risk are freed (aircraft_refresh_risk, by trigger).
 * -- :actorId acting user id
 * WITH removed AS (
 *   DELETE FROM maintenance_blocks WHERE id = :blockId!::uuid AND aircraft_id = :aircraftId!::uuid RETURNING *
 * ), audited AS (
 *   INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
 *   SELECT 'maintenance_block', r.id::text, 'maintenance_block.deleted', :actorId!::uuid,
 *          jsonb_build_object('aircraft_id', r.aircraft_id, 'starts_at', r.starts_at, 'ends_at', r.ends_at, 'reason', r.reason)
 *   FROM removed r
 * )
 * SELECT * FROM removed
 * ```
 */
export const maintenanceBlocksDeleteAudited = new PreparedQuery<MaintenanceBlocksDeleteAuditedParams,MaintenanceBlocksDeleteAuditedResult>(maintenanceBlocksDeleteAuditedIR);


