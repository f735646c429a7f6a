/** Types generated for queries found in "sql/queries/users/users_update_audited.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'UsersUpdateAudited' parameters type */
export interface UsersUpdateAuditedParams {
  actorId: string;
  changes: Json;
  userId: string;
}

/** 'UsersUpdateAudited' return type */
export interface UsersUpdateAuditedResult {
  /** false: every token of this user is refused (set by an admin; takes effect at once). */
  active: boolean;
  auth_subject: string;
  created_at: Date;
  email: string;
  first_name: string;
  id: string;
  last_name: string;
  phone_number: string | null;
  role: string;
  timezone: string;
  training_level: string | null;
  updated_at: Date;
}

/** 'UsersUpdateAudited' query type */
export interface UsersUpdateAuditedQuery {
  params: UsersUpdateAuditedParams;
  result: UsersUpdateAuditedResult;
}

const usersUpdateAuditedIR: any = {"usedParamSet":{"userId":true,"changes":true,"actorId":true},"params":[{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":229,"b":236}]},{"name":"changes","required":true,"transform":{"type":"scalar"},"locs":[{"a":317,"b":325},{"a":358,"b":365},{"a":442,"b":449},{"a":482,"b":489},{"a":571,"b":578},{"a":611,"b":618},{"a":699,"b":706},{"a":739,"b":746},{"a":830,"b":837},{"a":870,"b":877},{"a":953,"b":960},{"a":993,"b":1000},{"a":1086,"b":1093},{"a":1126,"b":1133},{"a":1213,"b":1220},{"a":1254,"b":1261},{"a":1510,"b":1517},{"a":1814,"b":1821},{"a":1855,"b":1862}]},{"name":"actorId","required":true,"transform":{"type":"scalar"},"locs":[{"a":1665,"b":1673}]}],"statement":"-- Applies a partial change (:changes, a JSON object holding only the fields sent) and audits it with\n-- the values before and after, in one statement.\n-- :actorId acting user id\nWITH before AS (\n  SELECT * FROM users WHERE id = :userId! FOR UPDATE\n), updated AS (\n  UPDATE users u SET\n    email          = CASE WHEN :changes!::jsonb ? 'email'          THEN :changes::jsonb->>'email'          ELSE u.email END,\n    first_name     = CASE WHEN :changes::jsonb ? 'first_name'     THEN :changes::jsonb->>'first_name'     ELSE u.first_name END,\n    last_name      = CASE WHEN :changes::jsonb ? 'last_name'      THEN :changes::jsonb->>'last_name'      ELSE u.last_name END,\n    phone_number   = CASE WHEN :changes::jsonb ? 'phone_number'   THEN :changes::jsonb->>'phone_number'   ELSE u.phone_number END,\n    role           = CASE WHEN :changes::jsonb ? 'role'           THEN :changes::jsonb->>'role'           ELSE u.role END,\n    training_level = CASE WHEN :changes::jsonb ? 'training_level' THEN :changes::jsonb->>'training_level' ELSE u.training_level END,\n    timezone       = CASE WHEN :changes::jsonb ? 'timezone'       THEN :changes::jsonb->>'timezone'       ELSE u.timezone END,\n    active         = CASE WHEN :changes::jsonb ? 'active'         THEN (:changes::jsonb->>'active')::boolean ELSE u.active END\n  FROM before\n  WHERE u.id = before.id\n  RETURNING u.*\n), audited AS (\n  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)\n  SELECT 'user', updated.id::text,\n         CASE WHEN :changes::jsonb ? 'active' THEN CASE WHEN updated.active THEN 'user.activated' ELSE 'user.deactivated' END\n              ELSE 'user.updated' END,\n         :actorId!::uuid,\n         jsonb_build_object(\n           'before', (SELECT jsonb_object_agg(k, to_jsonb(before) -> k) FROM before, jsonb_object_keys(:changes::jsonb) k),\n           'after', :changes::jsonb)\n  FROM updated\n)\nSELECT id, auth_subject, email, first_name, last_name, phone_number, role, training_level, timezone, active,\n       created_at, updated_at\nFROM updated"};

/**
 * Query generated from SQL:
 * ```
 * -- Applies a partial change (:changes, a JSON object holding only the fields sent) and audits it with
 * -- the values before and after, in one statement.
 * -- :actorId acting user id
 * WITH before AS (
 *   SELECT * FROM users WHERE id = :userId! FOR UPDATE
 * ), updated AS (
 *   UPDATE users u SET
 *     email          = CASE WHEN :changes!::jsonb ? 'email'          THEN :changes::jsonb->>'email'          ELSE u.email END,
 *     first_name     = CASE WHEN :changes::jsonb ? 'first_name'     THEN :changes::jsonb->>'first_name'     ELSE u.first_name END,
 *     last_name      = CASE WHEN :changes::jsonb ? 'last_name'      THEN :changes::jsonb->>'last_name'      ELSE u.last_name END,
 *     phone_number   = CASE WHEN :changes::jsonb ? 'phone_number'   THEN :changes::jsonb->>'phone_number'   ELSE u.phone_number END,
 *     role           = CASE WHEN :changes::jsonb ? 'role'           THEN :changes::jsonb->>'role'           ELSE u.role END,
 *     training_level = CASE WHEN :changes::jsonb ? 'training_level' THEN :changes::jsonb->>'training_level' ELSE u.training_level END,
 *     timezone       = CASE WHEN :changes::jsonb ? 'timezone'       THEN :changes::jsonb->>'timezone'       ELSE u.timezone END,
 *     active         = CASE WHEN :changes::jsonb ? 'active'         THEN (:changes::jsonb->>'active')::boolean ELSE u.active END
 *   FROM before
 *   WHERE u.id = before.id
 *   RETURNING u.*
 * ), audited AS (
 *   INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
 *   SELECT 'user', updated.id::text,
 *          CASE WHEN :changes::jsonb ? 'active' THEN CASE WHEN updated.active THEN 'user.activated' ELSE 'user.deactivated' END
 *               ELSE 'user.updated' END,
 *          :actorId!::uuid,
 *          jsonb_build_object(
 *            'before', (SELECT jsonb_object_agg(k, to_jsonb(before) -> k) FROM before, jsonb_object_keys(:changes::jsonb) k),
 *            'after', :changes::jsonb)
 *   FROM updated
 * )
 * SELECT id, auth_subject, email, first_name, last_name, phone_number, role, training_level, timezone, active,
 *        created_at, updated_at
 * FROM updated
 * ```
 */
export const usersUpdateAudited = new PreparedQuery<UsersUpdateAuditedParams,UsersUpdateAuditedResult>(usersUpdateAuditedIR);


