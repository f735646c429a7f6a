/** Types generated for queries found in "sql/queries/users/users_insert_audited.sql" */
import { PreparedQuery } from '../../../src/db/typed';

/** 'UsersInsertAudited' parameters type */
export interface UsersInsertAuditedParams {
  actorId?: string | null | void;
  authSubject?: string | null | void;
  email?: string | null | void;
  firstName?: string | null | void;
  idempotencyKey?: string | null | void;
  lastName?: string | null | void;
  phoneNumber?: string | null | void;
  requestHash?: string | null | void;
  requestPath?: string | null | void;
  role?: string | null | void;
  timezone?: string | null | void;
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

const usersInsertAuditedIR: any = {"usedParamSet":{"authSubject":true,"email":true,"firstName":true,"lastName":true,"phoneNumber":true,"role":true,"trainingLevel":true,"timezone":true,"actorId":true,"idempotencyKey":true,"requestPath":true,"requestHash":true},"params":[{"name":"authSubject","required":false,"transform":{"type":"scalar"},"locs":[{"a":515,"b":526}]},{"name":"email","required":false,"transform":{"type":"scalar"},"locs":[{"a":529,"b":534}]},{"name":"firstName","required":false,"transform":{"type":"scalar"},"locs":[{"a":537,"b":546}]},{"name":"lastName","required":false,"transform":{"type":"scalar"},"locs":[{"a":549,"b":557}]},{"name":"phoneNumber","required":false,"transform":{"type":"scalar"},"locs":[{"a":560,"b":571}]},{"name":"role","required":false,"transform":{"type":"scalar"},"locs":[{"a":574,"b":578}]},{"name":"trainingLevel","required":false,"transform":{"type":"scalar"},"locs":[{"a":581,"b":594}]},{"name":"timezone","required":false,"transform":{"type":"scalar"},"locs":[{"a":597,"b":605}]},{"name":"actorId","required":false,"transform":{"type":"scalar"},"locs":[{"a":765,"b":772},{"a":957,"b":964}]},{"name":"idempotencyKey","required":false,"transform":{"type":"scalar"},"locs":[{"a":967,"b":981}]},{"name":"requestPath","required":false,"transform":{"type":"scalar"},"locs":[{"a":984,"b":995}]},{"name":"requestHash","required":false,"transform":{"type":"scalar"},"locs":[{"a":998,"b":1009}]}],"statement":"-- Creates a user and its audit entry in one statement: both or neither.\n-- :authSubject auth_subject, :email email, :firstName first_name, :lastName last_name, :phoneNumber phone_number, :role role,\n-- :trainingLevel training_level, :timezone timezone, :actorId acting user id,\n-- :idempotencyKey Idempotency-Key or null, :requestHash request hash, :requestPath request path\nWITH created AS (\n  INSERT INTO users (auth_subject, email, first_name, last_name, phone_number, role, training_level, timezone)\n  VALUES (:authSubject, :email, :firstName, :lastName, :phoneNumber, :role, :trainingLevel, :timezone)\n  RETURNING *\n), audited AS (\n  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)\n  SELECT 'user', created.id::text, 'user.created', :actorId::uuid,\n         jsonb_build_object('role', created.role, 'email', created.email, 'auth_subject', created.auth_subject)\n  FROM created\n), remembered AS (\n  SELECT idempotency_remember(:actorId, :idempotencyKey, :requestPath, :requestHash, 201, to_jsonb(created))\n  FROM created\n)\nSELECT id, auth_subject, email, first_name, last_name, phone_number, role, training_level, timezone, active,\n       created_at, updated_at\nFROM created CROSS JOIN (SELECT count(*) FROM remembered) AS stored"};

/**
 * Query generated from SQL:
 * ```
 * -- Creates a user and its audit entry in one statement: both or neither.
 * -- :authSubject auth_subject, :email email, :firstName first_name, :lastName last_name, :phoneNumber phone_number, :role role,
 * -- :trainingLevel training_level, :timezone timezone, :actorId acting user id,
 * -- :idempotencyKey Idempotency-Key or null, :requestHash request hash, :requestPath request path
 * WITH created AS (
 *   INSERT INTO users (auth_subject, email, first_name, last_name, phone_number, role, training_level, timezone)
 *   VALUES (:authSubject, :email, :firstName, :lastName, :phoneNumber, :role, :trainingLevel, :timezone)
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


