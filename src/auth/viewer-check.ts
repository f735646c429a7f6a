import { NeonDbError } from "@neondatabase/serverless";
import { statement, statementOf, type Db, type QueryOptions } from "../db/client";
import type { PreparedQuery } from "../db/typed";
import { ApiError } from "../http/problem";
import { usersCheckViewerUnchanged as checkViewer } from "../../sql/queries/users/users_check_viewer_unchanged.queries";
import type { User } from "./user";

const VIEWER_CHANGED_SQLSTATE = "SK401";

/**
 * The signed-in user changed (role, active flag, anything) after the copy a write was decided on
 * was loaded; the write rolled back whole. Sign-in runs the request again on the current user, so
 * clients see this only if that fails too.
 */
export class ViewerChanged extends ApiError {
  constructor(cause: unknown) {
    super("service_unavailable", "Your account changed while this request ran; send it again.", { cause });
  }
}

export interface CheckedDb {
  db: Db;
  /** True once a statement carrying the check committed: the write was decided on the current user. */
  readonly confirmed: boolean;
}

/**
 * The request's database, where every statement until the first one that succeeds travels in one
 * transaction after `viewer_unchanged` (sql/migrations/023): the same round trip, and nothing is
 * written unless `user` is still the user's current row. Later statements go as they are: the
 * user was proven for this request.
 */
export function viewerChecked(db: Db, user: User): CheckedDb {
  let confirmed = false;
  const check = statement(checkViewer, { authSubject: user.auth_subject, changedAt: user.updated_at });
  const settle = <T>(sent: Promise<T>): Promise<T> =>
    sent.then(
      (result) => {
        confirmed = true;
        return result;
      },
      (error: unknown) => {
        const cause = error instanceof ApiError ? error.options.cause : error;
        throw cause instanceof NeonDbError && cause.code === VIEWER_CHANGED_SQLSTATE ? new ViewerChanged(cause) : error;
      },
    );
  return {
    get confirmed() {
      return confirmed;
    },
    db: {
      query(query: string | PreparedQuery<unknown, unknown>, params: unknown = [], options?: QueryOptions) {
        if (confirmed) return db.query(query as never, params as never, options);
        return settle(db.batch([check, statementOf(query, params)], options).then(([, rows]) => (rows ?? []) as never));
      },
      batch(statements, options) {
        if (confirmed) return db.batch(statements, options);
        return settle(db.batch([check, ...statements], options).then(([, ...rows]) => rows));
      },
    },
  };
}
