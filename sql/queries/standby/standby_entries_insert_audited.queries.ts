/** Types generated for queries found in "sql/queries/standby/standby_entries_insert_audited.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

/** 'StandbyEntriesInsertAudited' parameters type */
export interface StandbyEntriesInsertAuditedParams {
  actorId: string;
  aircraftTypeCode?: string | null | void;
  departure: string;
  durationMinutes: number;
  idempotencyKey?: string | null | void;
  instructorId?: string | null | void;
  lessonType: string;
  requestHash?: string | null | void;
  requestPath?: string | null | void;
  studentId: string;
  windowEnd: DateOrString;
  windowStart: DateOrString;
}

/** 'StandbyEntriesInsertAudited' return type */
export interface StandbyEntriesInsertAuditedResult {
  aircraft_type_code: string | null;
  booking_id: string | null;
  created_at: Date;
  created_by: string | null;
  departure_airport: string;
  departure_found: boolean | null;
  duration_minutes: number;
  id: string;
  instructor_found: boolean | null;
  instructor_id: string | null;
  lesson_type: string;
  position: number | null;
  promoted_at: Date | null;
  status: string;
  student_found: boolean | null;
  student_id: string;
  type_found: boolean | null;
  updated_at: Date;
  window_end: Date;
  window_start: Date;
}

/** 'StandbyEntriesInsertAudited' query type */
export interface StandbyEntriesInsertAuditedQuery {
  params: StandbyEntriesInsertAuditedParams;
  result: StandbyEntriesInsertAuditedResult;
}

const standbyEntriesInsertAuditedIR: any = {"usedParamSet":{"departure":true,"studentId":true,"instructorId":true,"aircraftTypeCode":true,"windowStart":true,"windowEnd":true,"durationMinutes":true,"lessonType":true,"actorId":true,"idempotencyKey":true,"requestPath":true,"requestHash":true},"params":[{"name":"departure","required":true,"transform":{"type":"scalar"},"locs":[{"a":574,"b":584},{"a":598,"b":607}]},{"name":"studentId","required":true,"transform":{"type":"scalar"},"locs":[{"a":681,"b":691},{"a":1266,"b":1275}]},{"name":"instructorId","required":false,"transform":{"type":"scalar"},"locs":[{"a":751,"b":763},{"a":825,"b":837},{"a":1380,"b":1392}]},{"name":"aircraftTypeCode","required":false,"transform":{"type":"scalar"},"locs":[{"a":915,"b":931},{"a":1004,"b":1020},{"a":1401,"b":1417}]},{"name":"windowStart","required":true,"transform":{"type":"scalar"},"locs":[{"a":1302,"b":1314}]},{"name":"windowEnd","required":true,"transform":{"type":"scalar"},"locs":[{"a":1330,"b":1340}]},{"name":"durationMinutes","required":true,"transform":{"type":"scalar"},"locs":[{"a":1356,"b":1372}]},{"name":"lessonType","required":true,"transform":{"type":"scalar"},"locs":[{"a":1426,"b":1437}]},{"name":"actorId","required":true,"transform":{"type":"scalar"},"locs":[{"a":1446,"b":1454},{"a":2027,"b":2034},{"a":2498,"b":2505}]},{"name":"idempotencyKey","required":false,"transform":{"type":"scalar"},"locs":[{"a":2508,"b":2522}]},{"name":"requestPath","required":false,"transform":{"type":"scalar"},"locs":[{"a":2525,"b":2536}]},{"name":"requestHash","required":false,"transform":{"type":"scalar"},"locs":[{"a":2539,"b":2550}]}],"statement":"-- Puts a student on the standby list in one statement: resolves the airport (ICAO or IATA),\n-- checks the people and the aircraft type, writes the entry and its audit entry, and answers\n-- its place in the queue: 1 + the waiting entries at that airport, with windows overlapping\n-- its own, that came before it. When a check fails nothing is written and the flags say which.\n-- :departure code,\n-- :instructorId or null, :aircraftTypeCode or null, :actorId acting user id,\n-- :idempotencyKey or null\nWITH checked AS (\n  SELECT (SELECT a.icao FROM airports a WHERE a.icao = :departure! OR a.iata = :departure) AS departure_icao,\n         EXISTS (SELECT 1 FROM users s WHERE s.id = :studentId!::uuid AND s.role = 'STUDENT') AS student_found,\n         (:instructorId::uuid IS NULL OR EXISTS (SELECT 1 FROM users i WHERE i.id = :instructorId::uuid AND i.role = 'INSTRUCTOR'))\n           AS instructor_found,\n         (:aircraftTypeCode::text IS NULL OR EXISTS (SELECT 1 FROM aircraft_types t WHERE t.code = :aircraftTypeCode::text)) AS type_found\n), created AS (\n  INSERT INTO standby_entries (student_id, departure_airport, window_start, window_end, duration_minutes,\n                               instructor_id, aircraft_type_code, lesson_type, created_by)\n  SELECT :studentId::uuid, k.departure_icao, :windowStart!::timestamptz, :windowEnd!::timestamptz, :durationMinutes!::int, :instructorId::uuid, :aircraftTypeCode::text, :lessonType!::text, :actorId!::uuid\n  FROM checked k\n  WHERE k.departure_icao IS NOT NULL AND k.student_found AND k.instructor_found AND k.type_found\n  RETURNING *\n), placed AS (\n  SELECT c.*,\n         1 + (SELECT count(*) FROM standby_entries o\n              WHERE o.status = 'WAITING' AND o.departure_airport = c.departure_airport\n                AND o.window_start < c.window_end AND o.window_end > c.window_start)::int AS position\n  FROM created c\n), audited AS (\n  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)\n  SELECT 'standby_entry', p.id::text, 'standby.created', :actorId::uuid,\n         jsonb_build_object('student_id', p.student_id, 'departure_airport', p.departure_airport,\n                            'window_start', p.window_start, 'window_end', p.window_end,\n                            'duration_minutes', p.duration_minutes, 'instructor_id', p.instructor_id,\n                            'aircraft_type_code', p.aircraft_type_code, 'lesson_type', p.lesson_type)\n  FROM placed p\n), remembered AS (\n  SELECT idempotency_remember(:actorId, :idempotencyKey, :requestPath, :requestHash, 201, to_jsonb(p))\n  FROM placed p\n)\nSELECT k.departure_icao IS NOT NULL AS departure_found, k.student_found, k.instructor_found, k.type_found, p.*\nFROM checked k\nLEFT JOIN placed p ON true\nCROSS JOIN (SELECT count(*) FROM remembered) AS stored"};

/**
 * Query generated from SQL:
 * ```
 * -- Puts a student on the standby list in one statement: resolves the airport (ICAO or IATA),
 * -- checks the people and the aircraft type, writes the entry and its audit entry, and answers
 * -- its place in the queue: 1 + the waiting entries at that airport, with windows overlapping
 * -- its own, that came before it. When a check fails nothing is written and the flags say which.
 * -- :departure code,
 * -- :instructorId or null, :aircraftTypeCode or null, :actorId acting user id,
 * -- :idempotencyKey or null
 * WITH checked AS (
 *   SELECT (SELECT a.icao FROM airports a WHERE a.icao = :departure! OR a.iata = :departure) AS departure_icao,
 *          EXISTS (SELECT 1 FROM users s WHERE s.id = :studentId!::uuid AND s.role = 'STUDENT') AS student_found,
 *          (:instructorId::uuid IS NULL OR EXISTS (SELECT 1 FROM users i WHERE i.id = :instructorId::uuid AND i.role = 'INSTRUCTOR'))
 *            AS instructor_found,
 *          (:aircraftTypeCode::text IS NULL OR EXISTS (SELECT 1 FROM aircraft_types t WHERE t.code = :aircraftTypeCode::text)) AS type_found
 * ), created AS (
 *   INSERT INTO standby_entries (student_id, departure_airport, window_start, window_end, duration_minutes,
 *                                instructor_id, aircraft_type_code, lesson_type, created_by)
 *   SELECT :studentId::uuid, k.departure_icao, :windowStart!::timestamptz, :windowEnd!::timestamptz, :durationMinutes!::int, :instructorId::uuid, :aircraftTypeCode::text, :lessonType!::text, :actorId!::uuid
 *   FROM checked k
 *   WHERE k.departure_icao IS NOT NULL AND k.student_found AND k.instructor_found AND k.type_found
 *   RETURNING *
 * ), placed AS (
 *   SELECT c.*,
 *          1 + (SELECT count(*) FROM standby_entries o
 *               WHERE o.status = 'WAITING' AND o.departure_airport = c.departure_airport
 *                 AND o.window_start < c.window_end AND o.window_end > c.window_start)::int AS position
 *   FROM created c
 * ), audited AS (
 *   INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
 *   SELECT 'standby_entry', p.id::text, 'standby.created', :actorId::uuid,
 *          jsonb_build_object('student_id', p.student_id, 'departure_airport', p.departure_airport,
 *                             'window_start', p.window_start, 'window_end', p.window_end,
 *                             'duration_minutes', p.duration_minutes, 'instructor_id', p.instructor_id,
 *                             'aircraft_type_code', p.aircraft_type_code, 'lesson_type', p.lesson_type)
 *   FROM placed p
 * ), remembered AS (
 *   SELECT idempotency_remember(:actorId, :idempotencyKey, :requestPath, :requestHash, 201, to_jsonb(p))
 *   FROM placed p
 * )
 * SELECT k.departure_icao IS NOT NULL AS departure_found, k.student_found, k.instructor_found, k.type_found, p.*
 * FROM checked k
 * LEFT JOIN placed p ON true
 * CROSS JOIN (SELECT count(*) FROM remembered) AS stored
 * ```
 */
export const standbyEntriesInsertAudited = new PreparedQuery<StandbyEntriesInsertAuditedParams,StandbyEntriesInsertAuditedResult>(standbyEntriesInsertAuditedIR);


