/** Types generated for queries found in "sql/queries/users/users_check_viewer_unchanged.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

/** 'UsersCheckViewerUnchanged' parameters type */
export interface UsersCheckViewerUnchangedParams {
  authSubject?: string | null | void;
  changedAt?: DateOrString | null | void;
}

/** 'UsersCheckViewerUnchanged' return type */
export interface UsersCheckViewerUnchangedResult {
  viewer_unchanged: undefined | null;
}

/** 'UsersCheckViewerUnchanged' query type */
export interface UsersCheckViewerUnchangedQuery {
  params: UsersCheckViewerUnchangedParams;
  result: UsersCheckViewerUnchangedResult;
}

const usersCheckViewerUnchangedIR: any = {"usedParamSet":{"authSubject":true,"changedAt":true},"params":[{"name":"authSubject","required":false,"transform":{"type":"scalar"},"locs":[{"a":222,"b":233}]},{"name":"changedAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":236,"b":245}]}],"statement":"-- Proves the signed-in user a write was decided on, in the write's own transaction: raises SK401\n-- unless the user with this subject is active and last changed at :changedAt (sql/migrations/023).\nSELECT viewer_unchanged(:authSubject, :changedAt::timestamptz)"};

/**
 * Query generated from SQL:
 * ```
 * -- Proves the signed-in user a write was decided on, in the write's own transaction: raises SK401
 * -- unless the user with this subject is active and last changed at :changedAt (sql/migrations/023).
 * SELECT viewer_unchanged(:authSubject, :changedAt::timestamptz)
 * ```
 */
export const usersCheckViewerUnchanged = new PreparedQuery<UsersCheckViewerUnchangedParams,UsersCheckViewerUnchangedResult>(usersCheckViewerUnchangedIR);


