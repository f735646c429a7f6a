/** Types generated for queries found in "sql/queries/qualifications/user_qualifications_delete_audited.sql" */
import { PreparedQuery } from '../../../src/db/typed';

/** 'UserQualificationsDeleteAudited' parameters type */
export interface UserQualificationsDeleteAuditedParams {
  actorId: string;
  actorRole: string;
  qualificationId: string;
  userId: string;
}

/** 'UserQualificationsDeleteAudited' return type */
export interface UserQualificationsDeleteAuditedResult {
  id: string;
  may_remove: boolean | null;
  visible: boolean | null;
}

/** 'UserQualificationsDeleteAudited' query type */
export interface UserQualificationsDeleteAuditedQuery {
  params: UserQualificationsDeleteAuditedParams;
  result: UserQualificationsDeleteAuditedResult;
}

const userQualificationsDeleteAuditedIR: any = {"usedParamSet":{"actorRole":true,"actorId":true,"qualificationId":true,"userId":true},"params":[{"name":"actorRole","required":true,"transform":{"type":"scalar"},"locs":[{"a":280,"b":290},{"a":370,"b":379},{"a":576,"b":585}]},{"name":"actorId","required":true,"transform":{"type":"scalar"},"locs":[{"a":317,"b":325},{"a":744,"b":751},{"a":1215,"b":1222}]},{"name":"qualificationId","required":true,"transform":{"type":"scalar"},"locs":[{"a":892,"b":908}]},{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":932,"b":939}]}],"statement":"-- Removes one qualification of a user, audited, in one statement, by whoever may record it\n-- (see user_qualifications_upsert_audited.sql). The flags say why nothing was removed.\n-- :actorId acting user id, :actorRole acting role\nWITH found AS (\n  SELECT q.id, q.kind,\n         (:actorRole! = 'ADMIN' OR q.user_id = :actorId!::uuid OR taught.yes) AS visible,\n         (:actorRole = 'ADMIN' OR (q.kind IN ('SOLO_ENDORSEMENT', 'AIRCRAFT_CHECKOUT') AND taught.yes)) AS may_remove\n  FROM user_qualifications q\n  JOIN users u ON u.id = q.user_id\n  CROSS JOIN LATERAL (\n    SELECT :actorRole = 'INSTRUCTOR' AND u.role = 'STUDENT'\n           AND EXISTS (SELECT 1 FROM bookings b\n                       WHERE b.student_id = u.id AND b.instructor_id = :actorId::uuid\n                         AND b.status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING', 'DISPATCHED')) AS yes\n  ) AS taught\n  WHERE q.id = :qualificationId!::uuid AND q.user_id = :userId!::uuid\n), removed AS (\n  DELETE FROM user_qualifications q USING found f WHERE q.id = f.id AND f.may_remove\n  RETURNING q.*\n), audited AS (\n  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)\n  SELECT 'user', r.user_id::text, 'qualification.removed', :actorId::uuid,\n         jsonb_build_object('qualification_id', r.id, 'kind', r.kind, 'aircraft_type_code', r.aircraft_type_code,\n                            'issued_on', r.issued_on, 'expires_on', r.expires_on)\n  FROM removed r\n)\nSELECT f.visible, f.may_remove, r.id\nFROM found f\nLEFT JOIN removed r ON true"};

/**
 * Query generated from SQL:
 * ```
 * -- Removes one qualification of a user, audited, in one statement, by whoever may record it
 * -- (see user_qualifications_upsert_audited.sql). The flags say why nothing was removed.
 * -- :actorId acting user id, :actorRole acting role
 * WITH found AS (
 *   SELECT q.id, q.kind,
 *          (:actorRole! = 'ADMIN' OR q.user_id = :actorId!::uuid OR taught.yes) AS visible,
 *          (:actorRole = 'ADMIN' OR (q.kind IN ('SOLO_ENDORSEMENT', 'AIRCRAFT_CHECKOUT') AND taught.yes)) AS may_remove
 *   FROM user_qualifications q
 *   JOIN users u ON u.id = q.user_id
 *   CROSS JOIN LATERAL (
 *     SELECT :actorRole = 'INSTRUCTOR' AND u.role = 'STUDENT'
 *            AND EXISTS (SELECT 1 FROM bookings b
 *                        WHERE b.student_id = u.id AND b.instructor_id = :actorId::uuid
 *                          AND b.status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING', 'DISPATCHED')) AS yes
 *   ) AS taught
 *   WHERE q.id = :qualificationId!::uuid AND q.user_id = :userId!::uuid
 * ), removed AS (
 *   DELETE FROM user_qualifications q USING found f WHERE q.id = f.id AND f.may_remove
 *   RETURNING q.*
 * ), audited AS (
 *   INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
 *   SELECT 'user', r.user_id::text, 'qualification.removed', :actorId::uuid,
 *          jsonb_build_object('qualification_id', r.id, 'kind', r.kind, 'aircraft_type_code', r.aircraft_type_code,
 *                             'issued_on', r.issued_on, 'expires_on', r.expires_on)
 *   FROM removed r
 * )
 * SELECT f.visible, f.may_remove, r.id
 * FROM found f
 * LEFT JOIN removed r ON true
 * ```
 */
export const userQualificationsDeleteAudited = new PreparedQuery<UserQualificationsDeleteAuditedParams,UserQualificationsDeleteAuditedResult>(userQualificationsDeleteAuditedIR);


