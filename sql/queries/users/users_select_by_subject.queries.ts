/** Types generated for queries found in "sql/queries/users/users_select_by_subject.sql" */
import { PreparedQuery } from '../../../src/db/typed';

/** 'UsersSelectBySubject' parameters type */
export interface UsersSelectBySubjectParams {
  authSubject: string;
}

/** 'UsersSelectBySubject' return type */
export interface UsersSelectBySubjectResult {
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

/** 'UsersSelectBySubject' query type */
export interface UsersSelectBySubjectQuery {
  params: UsersSelectBySubjectParams;
  result: UsersSelectBySubjectResult;
}

const usersSelectBySubjectIR: any = {"usedParamSet":{"authSubject":true},"params":[{"name":"authSubject","required":true,"transform":{"type":"scalar"},"locs":[{"a":259,"b":271}]}],"statement":"-- The signed-in user, looked up by the token's subject on every authenticated request.\nSELECT id, auth_subject, email, first_name, last_name, phone_number, role, training_level, timezone, active,\n       created_at, updated_at\nFROM users\nWHERE auth_subject = :authSubject!"};

/**
 * Query generated from SQL:
 * ```
 * -- The signed-in user, looked up by the token's subject on every authenticated request.
 * SELECT id, auth_subject, email, first_name, last_name, phone_number, role, training_level, timezone, active,
 *        created_at, updated_at
 * FROM users
 * WHERE auth_subject = :authSubject!
 * ```
 */
export const usersSelectBySubject = new PreparedQuery<UsersSelectBySubjectParams,UsersSelectBySubjectResult>(usersSelectBySubjectIR);


