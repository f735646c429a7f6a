/** Types generated for queries found in "sql/queries/squawks/squawks_insert_audited.sql" */
import { PreparedQuery } from '../../../src/db/typed';

/** 'SquawksInsertAudited' parameters type */
export interface SquawksInsertAuditedParams {
  actorId: string;
  aircraftId: string;
  bookingId?: string | null | void;
  description: string;
  idempotencyKey?: string | null | void;
  requestHash?: string | null | void;
  requestPath?: string | null | void;
  severity: string;
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

const squawksInsertAuditedIR: any = {"usedParamSet":{"aircraftId":true,"bookingId":true,"severity":true,"description":true,"actorId":true,"idempotencyKey":true,"requestPath":true,"requestHash":true},"params":[{"name":"aircraftId","required":true,"transform":{"type":"scalar"},"locs":[{"a":394,"b":405},{"a":554,"b":564},{"a":711,"b":721}]},{"name":"bookingId","required":false,"transform":{"type":"scalar"},"locs":[{"a":443,"b":452},{"a":517,"b":526},{"a":757,"b":766}]},{"name":"severity","required":true,"transform":{"type":"scalar"},"locs":[{"a":730,"b":739}]},{"name":"description","required":true,"transform":{"type":"scalar"},"locs":[{"a":742,"b":754}]},{"name":"actorId","required":true,"transform":{"type":"scalar"},"locs":[{"a":775,"b":783},{"a":1006,"b":1013},{"a":1198,"b":1205}]},{"name":"idempotencyKey","required":false,"transform":{"type":"scalar"},"locs":[{"a":1208,"b":1222}]},{"name":"requestPath","required":false,"transform":{"type":"scalar"},"locs":[{"a":1225,"b":1236}]},{"name":"requestHash","required":false,"transform":{"type":"scalar"},"locs":[{"a":1239,"b":1250}]}],"statement":"-- Files a squawk, audited, in one statement. A GROUNDING one grounds the aircraft in this\n-- transaction (aircraft_refresh_risk, by trigger). A booking named must be of this aircraft.\n-- No row in the answer's squawk columns: the flags say why.\n-- :bookingId or null, :actorId acting user id,\n-- :idempotencyKey or null\nWITH checked AS (\n  SELECT EXISTS (SELECT 1 FROM aircraft a WHERE a.id = :aircraftId!::uuid) AS aircraft_found,\n         (:bookingId::uuid IS NULL OR EXISTS (SELECT 1 FROM bookings b WHERE b.id = :bookingId::uuid AND b.aircraft_id = :aircraftId::uuid))\n           AS booking_found\n), created AS (\n  INSERT INTO squawks (aircraft_id, severity, description, booking_id, reported_by)\n  SELECT :aircraftId::uuid, :severity!, :description!, :bookingId::uuid, :actorId!::uuid\n  FROM checked k\n  WHERE k.aircraft_found AND k.booking_found\n  RETURNING *\n), audited AS (\n  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)\n  SELECT 'squawk', c.id::text, 'squawk.filed', :actorId::uuid,\n         jsonb_build_object('aircraft_id', c.aircraft_id, 'severity', c.severity, 'booking_id', c.booking_id)\n  FROM created c\n), remembered AS (\n  SELECT idempotency_remember(:actorId, :idempotencyKey, :requestPath, :requestHash, 201, to_jsonb(c))\n  FROM created c\n)\nSELECT k.aircraft_found, k.booking_found, c.*\nFROM checked k\nLEFT JOIN created c ON true\nCROSS JOIN (SELECT count(*) FROM remembered) AS stored"};

/**
 * Query generated from SQL:
 * ```
 * -- Files a squawk, audited, in one statement. A GROUNDING one grounds the aircraft in this
 * -- transaction (aircraft_refresh_risk, by trigger). A booking named must be of this aircraft.
 * -- No row in the answer's squawk columns: the flags say why.
 * -- :bookingId or null, :actorId acting user id,
 * -- :idempotencyKey or null
 * WITH checked AS (
 *   SELECT EXISTS (SELECT 1 FROM aircraft a WHERE a.id = :aircraftId!::uuid) AS aircraft_found,
 *          (:bookingId::uuid IS NULL OR EXISTS (SELECT 1 FROM bookings b WHERE b.id = :bookingId::uuid AND b.aircraft_id = :aircraftId::uuid))
 *            AS booking_found
 * ), created AS (
 *   INSERT INTO squawks (aircraft_id, severity, description, booking_id, reported_by)
 *   SELECT :aircraftId::uuid, :severity!, :description!, :bookingId::uuid, :actorId!::uuid
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


