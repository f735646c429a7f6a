/** Types generated for queries found in "sql/queries/aircraft/aircraft_update_audited.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'AircraftUpdateAudited' parameters type */
export interface AircraftUpdateAuditedParams {
  actorId: string;
  aircraftId: string;
  changes: Json;
}

/** 'AircraftUpdateAudited' return type */
export interface AircraftUpdateAuditedResult {
  airport_known: boolean | null;
  created_at: Date;
  crosswind_limit_kt: number | null;
  found: boolean | null;
  grounded_reasons: Json | null;
  /** Hobbs meter total; advanced only by check-in. */
  hobbs_hours: string;
  home_airport: string;
  id: string;
  status: string;
  /** Tachometer total, the clock maintenance intervals run on; advanced only by check-in. */
  tach_hours: string;
  tail_number: string;
  type_code: string;
  type_known: boolean | null;
  updated_at: Date;
}

/** 'AircraftUpdateAudited' query type */
export interface AircraftUpdateAuditedQuery {
  params: AircraftUpdateAuditedParams;
  result: AircraftUpdateAuditedResult;
}

const aircraftUpdateAuditedIR: any = {"usedParamSet":{"changes":true,"aircraftId":true,"actorId":true},"params":[{"name":"changes","required":true,"transform":{"type":"scalar"},"locs":[{"a":446,"b":454},{"a":540,"b":547},{"a":603,"b":610},{"a":706,"b":713},{"a":758,"b":765},{"a":857,"b":864},{"a":944,"b":951},{"a":1193,"b":1200},{"a":1230,"b":1237},{"a":1449,"b":1456},{"a":1524,"b":1531},{"a":1639,"b":1646},{"a":1671,"b":1678},{"a":2116,"b":2123},{"a":2232,"b":2239}]},{"name":"aircraftId","required":true,"transform":{"type":"scalar"},"locs":[{"a":1094,"b":1105}]},{"name":"actorId","required":true,"transform":{"type":"scalar"},"locs":[{"a":1967,"b":1975}]}],"statement":"-- Applies a partial change (:changes, a JSON object holding only the fields sent) and audits it with\n-- the values before and after, in one statement. A status change re-evaluates the aircraft's\n-- bookings (aircraft_refresh_risk, by trigger); grounded_reasons shows the new status. A type or home airport that was sent but is\n-- unknown changes nothing; the flags say which.\n-- :actorId acting user id\nWITH resolved AS (\n  SELECT\n    CASE WHEN :changes!::jsonb ? 'type_code' THEN\n      (SELECT t.code FROM aircraft_types t WHERE t.code = :changes::jsonb->>'type_code') END AS type_code,\n    CASE WHEN :changes::jsonb ? 'home_airport' THEN\n      (SELECT a.icao FROM airports a\n       WHERE a.icao = upper(:changes::jsonb->>'home_airport') OR a.iata = upper(:changes::jsonb->>'home_airport')) END AS home_airport\n), checked AS (\n  SELECT r.*,\n         (NOT :changes::jsonb ? 'type_code' OR r.type_code IS NOT NULL) AS type_known,\n         (NOT :changes::jsonb ? 'home_airport' OR r.home_airport IS NOT NULL) AS airport_known\n  FROM resolved r\n), before AS (\n  SELECT * FROM aircraft WHERE id = :aircraftId! FOR UPDATE\n), updated AS (\n  UPDATE aircraft a SET\n    tail_number        = CASE WHEN :changes::jsonb ? 'tail_number' THEN :changes::jsonb->>'tail_number' ELSE a.tail_number END,\n    type_code          = coalesce(k.type_code, a.type_code),\n    home_airport       = coalesce(k.home_airport, a.home_airport),\n    crosswind_limit_kt = CASE WHEN :changes::jsonb ? 'crosswind_limit_kt'\n                              THEN (:changes::jsonb->>'crosswind_limit_kt')::integer ELSE a.crosswind_limit_kt END,\n    status             = CASE WHEN :changes::jsonb ? 'status' THEN :changes::jsonb->>'status' ELSE a.status END\n  FROM before b, checked k\n  WHERE a.id = b.id AND k.type_known AND k.airport_known\n  RETURNING a.*\n), audited AS (\n  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)\n  SELECT 'aircraft', updated.id::text, 'aircraft.updated', :actorId!::uuid,\n         jsonb_build_object(\n           'before', (SELECT jsonb_object_agg(f, to_jsonb(before) -> f) FROM before, jsonb_object_keys(:changes::jsonb) f),\n           'after', (SELECT jsonb_object_agg(f, to_jsonb(updated) -> f) FROM jsonb_object_keys(:changes::jsonb) f))\n  FROM updated\n)\nSELECT EXISTS (SELECT 1 FROM before) AS found, k.type_known, k.airport_known,\n       u.id, u.tail_number, u.type_code, u.home_airport, u.crosswind_limit_kt, u.status, u.created_at, u.updated_at,\n       u.hobbs_hours, u.tach_hours, aircraft_grounded_reasons(ROW(u.*)::aircraft) AS grounded_reasons\nFROM checked k\nLEFT JOIN updated u ON true"};

/**
 * Query generated from SQL:
 * ```
 * -- Applies a partial change (:changes, a JSON object holding only the fields sent) and audits it with
 * -- the values before and after, in one statement. A status change re-evaluates the aircraft's
 * -- bookings (aircraft_refresh_risk, by trigger); grounded_reasons shows the new status. A type or home airport that was sent but is
 * -- unknown changes nothing; the flags say which.
 * -- :actorId acting user id
 * WITH resolved AS (
 *   SELECT
 *     CASE WHEN :changes!::jsonb ? 'type_code' THEN
 *       (SELECT t.code FROM aircraft_types t WHERE t.code = :changes::jsonb->>'type_code') END AS type_code,
 *     CASE WHEN :changes::jsonb ? 'home_airport' THEN
 *       (SELECT a.icao FROM airports a
 *        WHERE a.icao = upper(:changes::jsonb->>'home_airport') OR a.iata = upper(:changes::jsonb->>'home_airport')) END AS home_airport
 * ), checked AS (
 *   SELECT r.*,
 *          (NOT :changes::jsonb ? 'type_code' OR r.type_code IS NOT NULL) AS type_known,
 *          (NOT :changes::jsonb ? 'home_airport' OR r.home_airport IS NOT NULL) AS airport_known
 *   FROM resolved r
 * ), before AS (
 *   SELECT * FROM aircraft WHERE id = :aircraftId! FOR UPDATE
 * ), updated AS (
 *   UPDATE aircraft a SET
 *     tail_number        = CASE WHEN :changes::jsonb ? 'tail_number' THEN :changes::jsonb->>'tail_number' ELSE a.tail_number END,
 *     type_code          = coalesce(k.type_code, a.type_code),
 *     home_airport       = coalesce(k.home_airport, a.home_airport),
 *     crosswind_limit_kt = CASE WHEN :changes::jsonb ? 'crosswind_limit_kt'
 *                               THEN (:changes::jsonb->>'crosswind_limit_kt')::integer ELSE a.crosswind_limit_kt END,
 *     status             = CASE WHEN :changes::jsonb ? 'status' THEN :changes::jsonb->>'status' ELSE a.status END
 *   FROM before b, checked k
 *   WHERE a.id = b.id AND k.type_known AND k.airport_known
 *   RETURNING a.*
 * ), audited AS (
 *   INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
 *   SELECT 'aircraft', updated.id::text, 'aircraft.updated', :actorId!::uuid,
 *          jsonb_build_object(
 *            'before', (SELECT jsonb_object_agg(f, to_jsonb(before) -> f) FROM before, jsonb_object_keys(:changes::jsonb) f),
 *            'after', (SELECT jsonb_object_agg(f, to_jsonb(updated) -> f) FROM jsonb_object_keys(:changes::jsonb) f))
 *   FROM updated
 * )
 * SELECT EXISTS (SELECT 1 FROM before) AS found, k.type_known, k.airport_known,
 *        u.id, u.tail_number, u.type_code, u.home_airport, u.crosswind_limit_kt, u.status, u.created_at, u.updated_at,
 *        u.hobbs_hours, u.tach_hours, aircraft_grounded_reasons(ROW(u.*)::aircraft) AS grounded_reasons
 * FROM checked k
 * LEFT JOIN updated u ON true
 * ```
 */
export const aircraftUpdateAudited = new PreparedQuery<AircraftUpdateAuditedParams,AircraftUpdateAuditedResult>(aircraftUpdateAuditedIR);


