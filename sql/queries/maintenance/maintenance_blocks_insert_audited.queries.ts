/** Types generated for queries found in "sql/queries/maintenance/maintenance_blocks_insert_audited.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

/** 'MaintenanceBlocksInsertAudited' parameters type */
export interface MaintenanceBlocksInsertAuditedParams {
  actorId?: string | null | void;
  aircraftId?: string | null | void;
  endsAt?: DateOrString | null | void;
  idempotencyKey?: string | null | void;
  reason?: string | null | void;
  requestHash?: string | null | void;
  requestPath?: string | null | void;
  startsAt?: DateOrString | null | void;
}

/** 'MaintenanceBlocksInsertAudited' return type */
export interface MaintenanceBlocksInsertAuditedResult {
  aircraft_id: string;
  created_at: Date;
  created_by: string | null;
  ends_at: Date;
  id: string;
  reason: string;
  starts_at: Date;
}

/** 'MaintenanceBlocksInsertAudited' query type */
export interface MaintenanceBlocksInsertAuditedQuery {
  params: MaintenanceBlocksInsertAuditedParams;
  result: MaintenanceBlocksInsertAuditedResult;
}

const maintenanceBlocksInsertAuditedIR: any = {"usedParamSet":{"startsAt":true,"endsAt":true,"reason":true,"actorId":true,"aircraftId":true,"idempotencyKey":true,"requestPath":true,"requestHash":true},"params":[{"name":"startsAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":423,"b":431}]},{"name":"endsAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":447,"b":453}]},{"name":"reason","required":false,"transform":{"type":"scalar"},"locs":[{"a":469,"b":475}]},{"name":"actorId","required":false,"transform":{"type":"scalar"},"locs":[{"a":478,"b":485},{"a":721,"b":728},{"a":929,"b":936}]},{"name":"aircraftId","required":false,"transform":{"type":"scalar"},"locs":[{"a":526,"b":536}]},{"name":"idempotencyKey","required":false,"transform":{"type":"scalar"},"locs":[{"a":939,"b":953}]},{"name":"requestPath","required":false,"transform":{"type":"scalar"},"locs":[{"a":956,"b":967}]},{"name":"requestHash","required":false,"transform":{"type":"scalar"},"locs":[{"a":970,"b":981}]}],"statement":"-- Takes an aircraft out of service for a window, audited, in one statement. Its active\n-- bookings overlapping the window are flagged and their people told (aircraft_refresh_risk, by\n-- trigger); new ones are refused by booking_aircraft_findings.\n-- :actorId acting user id,\n-- :idempotencyKey or null\nWITH created AS (\n  INSERT INTO maintenance_blocks (aircraft_id, starts_at, ends_at, reason, created_by)\n  SELECT a.id, :startsAt::timestamptz, :endsAt::timestamptz, :reason, :actorId::uuid\n  FROM aircraft a\n  WHERE a.id = :aircraftId::uuid\n  RETURNING *\n), audited AS (\n  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)\n  SELECT 'maintenance_block', c.id::text, 'maintenance_block.created', :actorId::uuid,\n         jsonb_build_object('aircraft_id', c.aircraft_id, 'starts_at', c.starts_at, 'ends_at', c.ends_at, 'reason', c.reason)\n  FROM created c\n), remembered AS (\n  SELECT idempotency_remember(:actorId, :idempotencyKey, :requestPath, :requestHash, 201, to_jsonb(c))\n  FROM created c\n)\nSELECT created.* FROM created CROSS JOIN (SELECT count(*) FROM remembered) AS stored"};

/**
 * Query generated from SQL:
 * ```
 * -- Takes an aircraft out of service for a window, audited, in one statement. Its active
 * -- bookings overlapping the window are flagged and their people told (aircraft_refresh_risk, by
 * -- trigger); new ones are refused by booking_aircraft_findings.
 * -- :actorId acting user id,
 * -- :idempotencyKey or null
 * WITH created AS (
 *   INSERT INTO maintenance_blocks (aircraft_id, starts_at, ends_at, reason, created_by)
 *   SELECT a.id, :startsAt::timestamptz, :endsAt::timestamptz, :reason, :actorId::uuid
 *   FROM aircraft a
 *   WHERE a.id = :aircraftId::uuid
 *   RETURNING *
 * ), audited AS (
 *   INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
 *   SELECT 'maintenance_block', c.id::text, 'maintenance_block.created', :actorId::uuid,
 *          jsonb_build_object('aircraft_id', c.aircraft_id, 'starts_at', c.starts_at, 'ends_at', c.ends_at, 'reason', c.reason)
 *   FROM created c
 * ), remembered AS (
 *   SELECT idempotency_remember(:actorId, :idempotencyKey, :requestPath, :requestHash, 201, to_jsonb(c))
 *   FROM created c
 * )
 * SELECT created.* FROM created CROSS JOIN (SELECT count(*) FROM remembered) AS stored
 * ```
 */
export const maintenanceBlocksInsertAudited = new PreparedQuery<MaintenanceBlocksInsertAuditedParams,MaintenanceBlocksInsertAuditedResult>(maintenanceBlocksInsertAuditedIR);


