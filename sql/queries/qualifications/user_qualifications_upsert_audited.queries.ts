/** Types generated for queries found in "sql/queries/qualifications/user_qualifications_upsert_audited.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

/** 'UserQualificationsUpsertAudited' parameters type */
export interface UserQualificationsUpsertAuditedParams {
  actorId: string;
  actorRole: string;
  aircraftTypeCode?: string | null | void;
  expiresOn?: DateOrString | null | void;
  idempotencyKey?: string | null | void;
  issuedOn?: DateOrString | null | void;
  kind: string;
  requestHash?: string | null | void;
  requestPath?: string | null | void;
  userId: string;
}

/** 'UserQualificationsUpsertAudited' return type */
export interface UserQualificationsUpsertAuditedResult {
  aircraft_type_code: string | null;
  created: boolean | null;
  created_at: Date;
  expires_on: Date | null;
  id: string;
  issued_on: Date | null;
  kind: string;
  may_record: boolean | null;
  recorded_by: string | null;
  type_known: boolean | null;
  updated_at: Date;
  user_id: string;
  visible: boolean | null;
}

/** 'UserQualificationsUpsertAudited' query type */
export interface UserQualificationsUpsertAuditedQuery {
  params: UserQualificationsUpsertAuditedParams;
  result: UserQualificationsUpsertAuditedResult;
}

const userQualificationsUpsertAuditedIR: any = {"usedParamSet":{"actorRole":true,"actorId":true,"kind":true,"userId":true,"aircraftTypeCode":true,"issuedOn":true,"expiresOn":true,"idempotencyKey":true,"requestPath":true,"requestHash":true},"params":[{"name":"actorRole","required":true,"transform":{"type":"scalar"},"locs":[{"a":537,"b":547},{"a":622,"b":631},{"a":779,"b":788}]},{"name":"actorId","required":true,"transform":{"type":"scalar"},"locs":[{"a":569,"b":577},{"a":947,"b":954},{"a":1672,"b":1679},{"a":2180,"b":2187},{"a":2530,"b":2537}]},{"name":"kind","required":true,"transform":{"type":"scalar"},"locs":[{"a":647,"b":652},{"a":1394,"b":1398},{"a":1605,"b":1609}]},{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":1095,"b":1102},{"a":1367,"b":1373}]},{"name":"aircraftTypeCode","required":false,"transform":{"type":"scalar"},"locs":[{"a":1138,"b":1154},{"a":1227,"b":1243},{"a":1446,"b":1462},{"a":1612,"b":1628}]},{"name":"issuedOn","required":false,"transform":{"type":"scalar"},"locs":[{"a":1637,"b":1645}]},{"name":"expiresOn","required":false,"transform":{"type":"scalar"},"locs":[{"a":1654,"b":1663}]},{"name":"idempotencyKey","required":false,"transform":{"type":"scalar"},"locs":[{"a":2540,"b":2554}]},{"name":"requestPath","required":false,"transform":{"type":"scalar"},"locs":[{"a":2557,"b":2568}]},{"name":"requestHash","required":false,"transform":{"type":"scalar"},"locs":[{"a":2571,"b":2582}]}],"statement":"-- Records a qualification of a user, or replaces the one of the same (user, kind, aircraft type),\n-- audited, in one statement. Admins record any; an instructor records the solo endorsements and\n-- aircraft checkouts of the students they teach (an active booking together). The flags in the\n-- answer say why nothing was written, if nothing was.\n-- :aircraftTypeCode or null, :issuedOn or null, :expiresOn or null,\n-- :actorId acting user id, :actorRole acting role,\n-- :idempotencyKey or null\nWITH target AS (\n  SELECT u.id,\n         (:actorRole! = 'ADMIN' OR u.id = :actorId!::uuid OR taught.yes) AS visible,\n         (:actorRole = 'ADMIN' OR (:kind! IN ('SOLO_ENDORSEMENT', 'AIRCRAFT_CHECKOUT') AND taught.yes)) AS may_record\n  FROM users u\n  CROSS JOIN LATERAL (\n    SELECT :actorRole = 'INSTRUCTOR' AND u.role = 'STUDENT'\n           AND EXISTS (SELECT 1 FROM bookings b\n                       WHERE b.student_id = u.id AND b.instructor_id = :actorId::uuid\n                         AND b.status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING', 'DISPATCHED')) AS yes\n  ) AS taught\n  WHERE u.id = :userId!::uuid\n), type_known AS (\n  SELECT :aircraftTypeCode::text IS NULL OR EXISTS (SELECT 1 FROM aircraft_types t WHERE t.code = :aircraftTypeCode) AS yes\n), before AS (\n  SELECT q.issued_on, q.expires_on, q.recorded_by\n  FROM user_qualifications q\n  WHERE q.user_id = :userId::uuid AND q.kind = :kind AND q.aircraft_type_code IS NOT DISTINCT FROM :aircraftTypeCode::text\n), saved AS (\n  INSERT INTO user_qualifications (user_id, kind, aircraft_type_code, issued_on, expires_on, recorded_by)\n  SELECT t.id, :kind, :aircraftTypeCode::text, :issuedOn::date, :expiresOn::date, :actorId::uuid\n  FROM target t, type_known k\n  WHERE t.may_record AND k.yes\n  ON CONFLICT ON CONSTRAINT user_qualifications_one_key DO UPDATE\n    SET issued_on = EXCLUDED.issued_on, expires_on = EXCLUDED.expires_on, recorded_by = EXCLUDED.recorded_by\n  RETURNING *, (xmax = 0) AS created\n), audited AS (\n  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)\n  SELECT 'user', s.user_id::text, CASE WHEN s.created THEN 'qualification.recorded' ELSE 'qualification.replaced' END,\n         :actorId::uuid,\n         jsonb_build_object('qualification_id', s.id, 'kind', s.kind, 'aircraft_type_code', s.aircraft_type_code,\n                            'issued_on', s.issued_on, 'expires_on', s.expires_on,\n                            'before', (SELECT to_jsonb(b) FROM before b))\n  FROM saved s\n), remembered AS (\n  SELECT idempotency_remember(:actorId, :idempotencyKey, :requestPath, :requestHash, CASE WHEN s.created THEN 201 ELSE 200 END, to_jsonb(s) - 'created')\n  FROM saved s\n)\nSELECT t.visible, t.may_record, k.yes AS type_known, s.*\nFROM target t\nCROSS JOIN type_known k\nLEFT JOIN saved s ON true\nCROSS JOIN (SELECT count(*) FROM remembered) AS stored"};

/**
 * Query generated from SQL:
 * ```
 * -- Records a qualification of a user, or replaces the one of the same (user, kind, aircraft type),
 * -- audited, in one statement. Admins record any; an instructor records the solo endorsements and
 * -- aircraft checkouts of the students they teach (an active booking together). The flags in the
 * -- answer say why nothing was written, if nothing was.
 * -- :aircraftTypeCode or null, :issuedOn or null, :expiresOn or null,
 * -- :actorId acting user id, :actorRole acting role,
 * -- :idempotencyKey or null
 * WITH target AS (
 *   SELECT u.id,
 *          (:actorRole! = 'ADMIN' OR u.id = :actorId!::uuid OR taught.yes) AS visible,
 *          (:actorRole = 'ADMIN' OR (:kind! IN ('SOLO_ENDORSEMENT', 'AIRCRAFT_CHECKOUT') AND taught.yes)) AS may_record
 *   FROM users u
 *   CROSS JOIN LATERAL (
 *     SELECT :actorRole = 'INSTRUCTOR' AND u.role = 'STUDENT'
 *            AND EXISTS (SELECT 1 FROM bookings b
 *                        WHERE b.student_id = u.id AND b.instructor_id = :actorId::uuid
 *                          AND b.status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING', 'DISPATCHED')) AS yes
 *   ) AS taught
 *   WHERE u.id = :userId!::uuid
 * ), type_known AS (
 *   SELECT :aircraftTypeCode::text IS NULL OR EXISTS (SELECT 1 FROM aircraft_types t WHERE t.code = :aircraftTypeCode) AS yes
 * ), before AS (
 *   SELECT q.issued_on, q.expires_on, q.recorded_by
 *   FROM user_qualifications q
 *   WHERE q.user_id = :userId::uuid AND q.kind = :kind AND q.aircraft_type_code IS NOT DISTINCT FROM :aircraftTypeCode::text
 * ), saved AS (
 *   INSERT INTO user_qualifications (user_id, kind, aircraft_type_code, issued_on, expires_on, recorded_by)
 *   SELECT t.id, :kind, :aircraftTypeCode::text, :issuedOn::date, :expiresOn::date, :actorId::uuid
 *   FROM target t, type_known k
 *   WHERE t.may_record AND k.yes
 *   ON CONFLICT ON CONSTRAINT user_qualifications_one_key DO UPDATE
 *     SET issued_on = EXCLUDED.issued_on, expires_on = EXCLUDED.expires_on, recorded_by = EXCLUDED.recorded_by
 *   RETURNING *, (xmax = 0) AS created
 * ), audited AS (
 *   INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
 *   SELECT 'user', s.user_id::text, CASE WHEN s.created THEN 'qualification.recorded' ELSE 'qualification.replaced' END,
 *          :actorId::uuid,
 *          jsonb_build_object('qualification_id', s.id, 'kind', s.kind, 'aircraft_type_code', s.aircraft_type_code,
 *                             'issued_on', s.issued_on, 'expires_on', s.expires_on,
 *                             'before', (SELECT to_jsonb(b) FROM before b))
 *   FROM saved s
 * ), remembered AS (
 *   SELECT idempotency_remember(:actorId, :idempotencyKey, :requestPath, :requestHash, CASE WHEN s.created THEN 201 ELSE 200 END, to_jsonb(s) - 'created')
 *   FROM saved s
 * )
 * SELECT t.visible, t.may_record, k.yes AS type_known, s.*
 * FROM target t
 * CROSS JOIN type_known k
 * LEFT JOIN saved s ON true
 * CROSS JOIN (SELECT count(*) FROM remembered) AS stored
 * ```
 */
export const userQualificationsUpsertAudited = new PreparedQuery<UserQualificationsUpsertAuditedParams,UserQualificationsUpsertAuditedResult>(userQualificationsUpsertAuditedIR);


