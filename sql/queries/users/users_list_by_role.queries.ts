/** Types generated for queries found in "sql/queries/users/users_list_by_role.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

export type NumberOrString = number | string;

/** 'UsersListByRole' parameters type */
export interface UsersListByRoleParams {
  cursorAt?: DateOrString | null | void;
  cursorId?: string | null | void;
  includeInactive: boolean;
  limit: NumberOrString;
  role?: string | null | void;
}

/** 'UsersListByRole' return type */
export interface UsersListByRoleResult {
  /** false: every token of this user is refused (set by an admin; takes effect at once). */
  active: boolean;
  auth_subject: string;
  created_at: Date;
  cursor_at: string | null;
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

/** 'UsersListByRole' query type */
export interface UsersListByRoleQuery {
  params: UsersListByRoleParams;
  result: UsersListByRoleResult;
}

const usersListByRoleIR: any = {"usedParamSet":{"role":true,"includeInactive":true,"cursorAt":true,"cursorId":true,"limit":true},"params":[{"name":"role","required":false,"transform":{"type":"scalar"},"locs":[{"a":471,"b":475},{"a":501,"b":505}]},{"name":"includeInactive","required":true,"transform":{"type":"scalar"},"locs":[{"a":515,"b":531}]},{"name":"cursorAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":560,"b":568},{"a":614,"b":622}]},{"name":"cursorId","required":false,"transform":{"type":"scalar"},"locs":[{"a":638,"b":646}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":686,"b":692}]}],"statement":"-- A page of users in creation order, optionally of one role; other people's lists hold only\n-- active users.\n-- :role or null, :cursorAt/:cursorId the cursor (created_at as text, id) or nulls, :limit page size + 1,\n-- :includeInactive whether inactive users are listed too (admins)\nSELECT id, auth_subject, email, first_name, last_name, phone_number, role, training_level, timezone, active,\n       created_at, updated_at, created_at::text AS cursor_at\nFROM users\nWHERE (:role::text IS NULL OR role = :role)\n  AND (:includeInactive!::boolean OR active)\n  AND (:cursorAt::timestamptz IS NULL OR (created_at, id) > (:cursorAt::timestamptz, :cursorId::uuid))\nORDER BY created_at, id\nLIMIT :limit!"};

/**
 * Query generated from SQL:
 * ```
 * -- A page of users in creation order, optionally of one role; other people's lists hold only
 * -- active users.
 * -- :role or null, :cursorAt/:cursorId the cursor (created_at as text, id) or nulls, :limit page size + 1,
 * -- :includeInactive whether inactive users are listed too (admins)
 * SELECT id, auth_subject, email, first_name, last_name, phone_number, role, training_level, timezone, active,
 *        created_at, updated_at, created_at::text AS cursor_at
 * FROM users
 * WHERE (:role::text IS NULL OR role = :role)
 *   AND (:includeInactive!::boolean OR active)
 *   AND (:cursorAt::timestamptz IS NULL OR (created_at, id) > (:cursorAt::timestamptz, :cursorId::uuid))
 * ORDER BY created_at, id
 * LIMIT :limit!
 * ```
 */
export const usersListByRole = new PreparedQuery<UsersListByRoleParams,UsersListByRoleResult>(usersListByRoleIR);


