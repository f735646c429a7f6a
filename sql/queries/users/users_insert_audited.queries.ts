/** Types generated for queries found in "sql/queries/users/users_insert_audited.sql" */
import { PreparedQuery } from '../../../src/db/typed';

/** 'UsersInsertAudited' parameters type */
export interface UsersInsertAuditedParams {
  actorId?: string | null | void;
  authSubject: string;
  email: string;
  firstName: string;
  idempotencyKey?: string | null | void;
  lastName: string;
  phoneNumber?: string | null | void;
  requestHash?: string | null | void;
  requestPath?: string | null | void;
  role: string;
  timezone: string;
  trainingLevel?: string | null | void;
}

/** 'UsersInsertAudited' return type */
export interface UsersInsertAuditedResult {
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

/** 'UsersInsertAudited' query type */
export interface UsersInsertAuditedQuery {
  params: UsersInsertAuditedParams;
  result: UsersInsertAuditedResult;
}

const usersInsertAuditedIR: any = {"usedParamSet":{"authSubject":true,"email":true,"firstName":true,"lastName":true,"phoneNumber":true,"role":true,"trainingLevel":true,"timezone":true,"actorId":true,"idempotencyKey":true,"requestPath":true,"requestHash":true},"params":[{"name":"authSubject","required":true,"transform":{"type":"scalar"},"locs":[{"a":267,"b":279}]},{"name":"email","required":true,"transform":{"type":"scalar"},"locs":[{"a":282,"b":288}]},{"name":"firstName","required":true,"transform":{"type":"scalar"},"locs":[{"a":291,"b":301}]},{"name":"lastName","required":true,"transform":{"type":"scalar"},"locs":[{"a":304,"b":313}]},{"name":"phoneNumber","required":false,"transform":{"type":"scalar"},"locs":[{"a":316,"b":327}]},{"name":"role","required":true,"transform":{"type":"scalar"},"locs":[{"a":330,"b":335}]},{"name":"trainingLevel","required":false,"transform":{"type":"scalar"},"locs":[{"a":338,"b":351}]},{"name":"timezone","required":true,"transform":{"type":"scalar"},"locs":[{"a":354,"b":363}]},{"name":"actorId","required":false,"transform":{"type":"scalar"},"locs":[{"a":523,"b":530},{"a":715,"b":722}]},{"name":"idempotencyKey","required":false,"transform":{"type":"scalar"},"locs":[{"a":725,"b":739}]},{"name":"requestPath","required":false,"transform":{"type":"scalar"},"locs":[{"a":742,"b":753}]},{"name":"requestHash","required":false,"transform":{"type":"scalar"},"locs":[{"a":756,"b":767}]}],"statement":"-- Creates a user and its audit entry in one statement: both or neither.\n-- :actorId acting user id,\n-- :idempotencyKey or null\nWITH created AS (\n  INSERT INTO users (auth_subject, email, first_name, last_name, phone_number, role, training_level, timezone)\n  VALUES (:authSubject!, :email!, :firstName!, :lastName!, :phoneNumber, :role!, :trainingLevel, :timezone!)\n  RETURNING *\n), audited AS (\n  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)\n  SELECT 'user', created.id::text, 'user.created', :actorId::uuid,\n         jsonb_build_object('role', created.role, 'email', created.email, 'auth_subject', created.auth_subject)\n  FROM created\n), remembered AS (\n  SELECT idempotency_remember(:actorId, :idempotencyKey, :requestPath, :requestHash, 201, to_jsonb(created))\n  FROM created\n)\nSELECT id, auth_subject, email, first_name, last_name, phone_number, role, training_level, timezone, active,\n       created_at, updated_at\nFROM created CROSS JOIN (SELECT count(*) FROM remembered) AS stored"};

/**
 * Query generated from SQL:
 * ```
 * -- Creates a user and its audit entry in one statement: both or neither.
 * -- :actorId acting user id,
 * -- :idempotencyKey or null
 * WITH created AS (
 *   INSERT INTO users (auth_subject, email, first_name, last_name, phone_number, role, training_level, timezone)
 *   VALUES (:authSubject!, :email!, :firstName!, :lastName!, :phoneNumber, :role!, :trainingLevel, :timezone!)
 *   RETURNING *
 * ), audited AS (
 *   INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
 *   SELECT 'user', created.id::text, 'user.created', :actorId::uuid,
 *          jsonb_build_object('role', created.role, 'email', created.email, 'auth_subject', created.auth_subject)
 *   FROM created
 * ), remembered AS (
 *   SELECT idempotency_remember(:actorId, :idempotencyKey, :requestPath, :requestHash, 201, to_jsonb(created))
 *   FROM created
 * )
 * SELECT id, auth_subject, email, first_name, last_name, phone_number, role, training_level, timezone, active,
 *        created_at, updated_at
 * FROM created CROSS JOIN (SELECT count(*) FROM remembered) AS stored
 * ```
 */
export const usersInsertAudited = new PreparedQuery<UsersInsertAuditedParams,UsersInsertAuditedResult>(usersInsertAuditedIR);


