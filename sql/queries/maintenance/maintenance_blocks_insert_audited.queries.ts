/** Types generated for queries found in "sql/queries/maintenance/maintenance_blocks_insert_audited.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

/** 'MaintenanceBlocksInsertAudited' parameters type */
export interface MaintenanceBlocksInsertAuditedParams {
  actorId: string;
  aircraftId: string;
  endsAt: DateOrString;
  idempotencyKey?: string | null | void;
  reason: string;
  requestHash?: string | null | void;
  requestPath?: string | null | void;
  startsAt: DateOrString;
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

const maintenanceBlocksInsertAuditedIR: any = {"usedParamSet":{"startsAt":true,"endsAt":true,"reason":true,"actorId":true,"aircraftId":true,"idempotencyKey":true,"requestPath":true,"requestHash":true},"params":[{"name":"startsAt","required":true,"transform":{"type":"scalar"},"locs":[{"a":423,"b":432}]},{"name":"endsAt","required":true,"transform":{"type":"scalar"},"locs":[{"a":448,"b":455}]},{"name":"reason","required":true,"transform":{"type":"scalar"},"locs":[{"a":471,"b":478}]},{"name":"actorId","required":true,"transform":{"type":"scalar"},"locs":[{"a":481,"b":489},{"a":726,"b":733},{"a":934,"b":941}]},{"name":"aircraftId","required":true,"transform":{"type":"scalar"},"locs":[{"a":530,"b":541}]},{"name":"idempotencyKey","required":false,"transform":{"type":"scalar"},"locs":[{"a":944,"b":958}]},{"name":"requestPath","required":false,"transform":{"type":"scalar"},"locs":[{"a":961,"b":972}]},{"name":"requestHash","required":false,"transform":{"type":"scalar"},"locs":[{"a":975,"b":986}]}],"statement":"-- Takes an aircraft out of service for a window, audited, in one statement. Its active\n-- bookings overlapping the window are flagged and their people told (aircraft_refresh_risk, by\n-- trigger); new ones are refused by booking_aircraft_findings.\n-- :actorId acting user id,\n-- :idempotencyKey or null\nWITH created AS (\n  INSERT INTO maintenance_blocks (aircraft_id, starts_at, ends_at, reason, created_by)\n  SELECT a.id, :startsAt!::timestamptz, :endsAt!::timestamptz, :reason!, :actorId!::uuid\n  FROM aircraft a\n  WHERE a.id = :aircraftId!::uuid\n  RETURNING *\n), audited AS (\n  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)\n  SELECT 'maintenance_block', c.id::text, 'maintenance_block.created', :actorId::uuid,\n         jsonb_build_object('aircraft_id', c.aircraft_id, 'starts_at', c.starts_at, 'ends_at', c.ends_at, 'reason', c.reason)\n  FROM created c\n), remembered AS (\n  SELECT idempotency_remember(:actorId, :idempotencyKey, :requestPath, :requestHash, 201, to_jsonb(c))\n  FROM created c\n)\nSELECT created.* FROM created CROSS JOIN (SELECT count(*) FROM remembered) AS stored"};

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
 *   SELECT a.id, :startsAt!::timestamptz, :endsAt!::timestamptz, :reason!, :actorId!::uuid
 *   FROM aircraft a
 *   WHERE a.id = :aircraftId!::uuid
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


