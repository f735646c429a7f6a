/** Types generated for queries found in "sql/queries/squawks/squawks_update_resolved.sql" */
import { PreparedQuery } from '../../../src/db/typed';

/** 'SquawksUpdateResolved' parameters type */
export interface SquawksUpdateResolvedParams {
  actorId: string;
  aircraftId: string;
  note: string;
  resolution: string;
  squawkId: string;
}

/** 'SquawksUpdateResolved' return type */
export interface SquawksUpdateResolvedResult {
  aircraft_id: string;
  booking_id: string | null;
  description: string;
  id: string;
  reported_at: Date;
  reported_by: string | null;
  resolution: string | null;
  resolution_note: string | null;
  resolved_at: Date | null;
  resolved_by: string | null;
  seen_severity: string;
  seen_status: string;
  severity: string;
  status: string;
  was_status: string;
}

/** 'SquawksUpdateResolved' query type */
export interface SquawksUpdateResolvedQuery {
  params: SquawksUpdateResolvedParams;
  result: SquawksUpdateResolvedResult;
}

const squawksUpdateResolvedIR: any = {"usedParamSet":{"squawkId":true,"aircraftId":true,"resolution":true,"note":true,"actorId":true},"params":[{"name":"squawkId","required":true,"transform":{"type":"scalar"},"locs":[{"a":464,"b":473}]},{"name":"aircraftId","required":true,"transform":{"type":"scalar"},"locs":[{"a":499,"b":510}]},{"name":"resolution","required":true,"transform":{"type":"scalar"},"locs":[{"a":578,"b":589},{"a":660,"b":670},{"a":729,"b":739},{"a":820,"b":830},{"a":954,"b":964},{"a":1209,"b":1219}]},{"name":"note","required":true,"transform":{"type":"scalar"},"locs":[{"a":691,"b":696}]},{"name":"actorId","required":true,"transform":{"type":"scalar"},"locs":[{"a":769,"b":777},{"a":1285,"b":1292}]}],"statement":"-- Resolves a squawk (REPAIRED, NOT_REPRODUCED, NO_ACTION) or defers it (kept open, not grounding;\n-- never for a GROUNDING squawk), audited, in one statement. Resolving the last grounding reason\n-- frees the aircraft's bookings (aircraft_refresh_risk, by trigger). The conditional UPDATE\n-- makes two admins racing resolve it once; the flags say why nothing changed.\n-- :actorId acting user id\nWITH seen AS (\n  SELECT id, status, severity FROM squawks WHERE id = :squawkId!::uuid AND aircraft_id = :aircraftId!::uuid\n), updated AS (\n  UPDATE squawks q\n  SET status = CASE WHEN :resolution! = 'DEFERRED' THEN 'DEFERRED' ELSE 'RESOLVED' END,\n      resolution = :resolution, resolution_note = :note!,\n      resolved_by = CASE WHEN :resolution = 'DEFERRED' THEN NULL ELSE :actorId!::uuid END,\n      resolved_at = CASE WHEN :resolution = 'DEFERRED' THEN NULL ELSE now() END\n  FROM seen s\n  WHERE q.id = s.id AND q.status IN ('OPEN', 'DEFERRED')\n    AND NOT (:resolution = 'DEFERRED' AND (q.severity = 'GROUNDING' OR q.status = 'DEFERRED'))\n  RETURNING q.*, s.status AS was_status\n), audited AS (\n  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)\n  SELECT 'squawk', u.id::text, CASE WHEN :resolution = 'DEFERRED' THEN 'squawk.deferred' ELSE 'squawk.resolved' END, :actorId::uuid,\n         jsonb_build_object('from', u.was_status, 'to', u.status, 'resolution', u.resolution, 'note', u.resolution_note)\n  FROM updated u\n)\nSELECT s.status AS seen_status, s.severity AS seen_severity, u.*\nFROM seen s\nLEFT JOIN updated u ON true"};

/**
 * Query generated from SQL:
 * ```
 * -- Resolves a squawk (REPAIRED, NOT_REPRODUCED, NO_ACTION) or defers it (kept open, not grounding;
 * -- never for a GROUNDING squawk), audited, in one statement. Resolving the last grounding reason
 * -- frees the aircraft's bookings (aircraft_refresh_risk, by trigger). The conditional UPDATE
 * -- makes two admins racing resolve it once; the flags say why nothing changed.
 * -- :actorId acting user id
 * WITH seen AS (
 *   SELECT id, status, severity FROM squawks WHERE id = :squawkId!::uuid AND aircraft_id = :aircraftId!::uuid
 * ), updated AS (
 *   UPDATE squawks q
 *   SET status = CASE WHEN :resolution! = 'DEFERRED' THEN 'DEFERRED' ELSE 'RESOLVED' END,
 *       resolution = :resolution, resolution_note = :note!,
 *       resolved_by = CASE WHEN :resolution = 'DEFERRED' THEN NULL ELSE :actorId!::uuid END,
 *       resolved_at = CASE WHEN :resolution = 'DEFERRED' THEN NULL ELSE now() END
 *   FROM seen s
 *   WHERE q.id = s.id AND q.status IN ('OPEN', 'DEFERRED')
 *     AND NOT (:resolution = 'DEFERRED' AND (q.severity = 'GROUNDING' OR q.status = 'DEFERRED'))
 *   RETURNING q.*, s.status AS was_status
 * ), audited AS (
 *   INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
 *   SELECT 'squawk', u.id::text, CASE WHEN :resolution = 'DEFERRED' THEN 'squawk.deferred' ELSE 'squawk.resolved' END, :actorId::uuid,
 *          jsonb_build_object('from', u.was_status, 'to', u.status, 'resolution', u.resolution, 'note', u.resolution_note)
 *   FROM updated u
 * )
 * SELECT s.status AS seen_status, s.severity AS seen_severity, u.*
 * FROM seen s
 * LEFT JOIN updated u ON true
 * ```
 */
export const squawksUpdateResolved = new PreparedQuery<SquawksUpdateResolvedParams,SquawksUpdateResolvedResult>(squawksUpdateResolvedIR);


