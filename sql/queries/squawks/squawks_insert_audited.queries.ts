/** Types generated for queries found in "sql/queries/squawks/squawks_insert_audited.sql" */
import { PreparedQuery } from '../../../src/db/typed';

/** 'SquawksInsertAudited' parameters type */
export interface SquawksInsertAuditedParams {
  actorId?: string | null | void;
  aircraftId?: string | null | void;
  bookingId?: string | null | void;
  description?: string | null | void;
  idempotencyKey?: string | null | void;
  requestHash?: string | null | void;
  requestPath?: string | null | void;
  severity?: string | null | void;
}

/** 'SquawksInsertAudited' return type */
export interface SquawksInsertAuditedResult {
  aircraft_found: boolean | null;
  aircraft_id: string;
  booking_found: boolean | null;
  booking_id: string | null;
  description: string;
  id: string;
  reported_at: Date;
  reported_by: string | null;
  resolution: string | null;
  resolution_note: string | null;
  resolved_at: Date | null;
  resolved_by: string | null;
  severity: string;
  status: string;
}

/** 'SquawksInsertAudited' query type */
export interface SquawksInsertAuditedQuery {
  params: SquawksInsertAuditedParams;
  result: SquawksInsertAuditedResult;
}

const squawksInsertAuditedIR: any = {"usedParamSet":{"aircraftId":true,"bookingId":true,"severity":true,"description":true,"actorId":true,"idempotencyKey":true,"requestPath":true,"requestHash":true},"params":[{"name":"aircraftId","required":false,"transform":{"type":"scalar"},"locs":[{"a":394,"b":404},{"a":553,"b":563},{"a":710,"b":720}]},{"name":"bookingId","required":false,"transform":{"type":"scalar"},"locs":[{"a":442,"b":451},{"a":516,"b":525},{"a":754,"b":763}]},{"name":"severity","required":false,"transform":{"type":"scalar"},"locs":[{"a":729,"b":737}]},{"name":"description","required":false,"transform":{"type":"scalar"},"locs":[{"a":740,"b":751}]},{"name":"actorId","required":false,"transform":{"type":"scalar"},"locs":[{"a":772,"b":779},{"a":1002,"b":1009},{"a":1194,"b":1201}]},{"name":"idempotencyKey","required":false,"transform":{"type":"scalar"},"locs":[{"a":1204,"b":1218}]},{"name":"requestPath","required":false,"transform":{"type":"scalar"},"locs":[{"a":1221,"b":1232}]},{"name":"requestHash","required":false,"transform":{"type":"scalar"},"locs":[{"a":1235,"b":1246}]}],"statement":"-- Files a squawk, audited, in one statement. A GROUNDING one grounds the aircraft in this\n-- transaction (aircraft_refresh_risk, by trigger). A booking named must be of this aircraft.\n-- No row in the answer's squawk columns: the flags say why.\n-- :bookingId or null, :actorId acting user id,\n-- :idempotencyKey or null\nWITH checked AS (\n  SELECT EXISTS (SELECT 1 FROM aircraft a WHERE a.id = :aircraftId::uuid) AS aircraft_found,\n         (:bookingId::uuid IS NULL OR EXISTS (SELECT 1 FROM bookings b WHERE b.id = :bookingId::uuid AND b.aircraft_id = :aircraftId::uuid))\n           AS booking_found\n), created AS (\n  INSERT INTO squawks (aircraft_id, severity, description, booking_id, reported_by)\n  SELECT :aircraftId::uuid, :severity, :description, :bookingId::uuid, :actorId::uuid\n  FROM checked k\n  WHERE k.aircraft_found AND k.booking_found\n  RETURNING *\n), audited AS (\n  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)\n  SELECT 'squawk', c.id::text, 'squawk.filed', :actorId::uuid,\n         jsonb_build_object('aircraft_id', c.aircraft_id, 'severity', c.severity, 'booking_id', c.booking_id)\n  FROM created c\n), remembered AS (\n  SELECT idempotency_remember(:actorId, :idempotencyKey, :requestPath, :requestHash, 201, to_jsonb(c))\n  FROM created c\n)\nSELECT k.aircraft_found, k.booking_found, c.*\nFROM checked k\nLEFT JOIN created c ON true\nCROSS JOIN (SELECT count(*) FROM remembered) AS stored"};

/**
 * Query generated from SQL:
 * ```
 * -- Files a squawk, audited, in one statement. A GROUNDING one grounds the aircraft in this
 * -- transaction (aircraft_refresh_risk, by trigger). A booking named must be of this aircraft.
 * -- No row in the answer's squawk columns: the flags say why.
 * -- :bookingId or null, :actorId acting user id,
 * -- :idempotencyKey or null
 * WITH checked AS (
 *   SELECT EXISTS (SELECT 1 FROM aircraft a WHERE a.id = :aircraftId::uuid) AS aircraft_found,
 *          (:bookingId::uuid IS NULL OR EXISTS (SELECT 1 FROM bookings b WHERE b.id = :bookingId::uuid AND b.aircraft_id = :aircraftId::uuid))
 *            AS booking_found
 * ), created AS (
 *   INSERT INTO squawks (aircraft_id, severity, description, booking_id, reported_by)
 *   SELECT :aircraftId::uuid, :severity, :description, :bookingId::uuid, :actorId::uuid
 *   FROM checked k
 *   WHERE k.aircraft_found AND k.booking_found
 *   RETURNING *
 * ), audited AS (
 *   INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
 *   SELECT 'squawk', c.id::text, 'squawk.filed', :actorId::uuid,
 *          jsonb_build_object('aircraft_id', c.aircraft_id, 'severity', c.severity, 'booking_id', c.booking_id)
 *   FROM created c
 * ), remembered AS (
 *   SELECT idempotency_remember(:actorId, :idempotencyKey, :requestPath, :requestHash, 201, to_jsonb(c))
 *   FROM created c
 * )
 * SELECT k.aircraft_found, k.booking_found, c.*
 * FROM checked k
 * LEFT JOIN created c ON true
 * CROSS JOIN (SELECT count(*) FROM remembered) AS stored
 * ```
 */
export const squawksInsertAudited = new PreparedQuery<SquawksInsertAuditedParams,SquawksInsertAuditedResult>(squawksInsertAuditedIR);


