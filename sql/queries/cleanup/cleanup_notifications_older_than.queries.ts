/** Types generated for queries found in "sql/queries/cleanup/cleanup_notifications_older_than.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

/** 'CleanupNotificationsOlderThan' parameters type */
export interface CleanupNotificationsOlderThanParams {
  cutoff: DateOrString;
}

/** 'CleanupNotificationsOlderThan' return type */
export interface CleanupNotificationsOlderThanResult {
  deleted: number | null;
}

/** 'CleanupNotificationsOlderThan' query type */
export interface CleanupNotificationsOlderThanQuery {
  params: CleanupNotificationsOlderThanParams;
  result: CleanupNotificationsOlderThanResult;
}

const cleanupNotificationsOlderThanIR: any = {"usedParamSet":{"cutoff":true},"params":[{"name":"cutoff","required":true,"transform":{"type":"scalar"},"locs":[{"a":178,"b":185}]}],"statement":"-- Deletes notifications read before the cutoff; unread ones are kept whatever their age.\nWITH deleted AS (\n  DELETE FROM notifications\n  WHERE read_at IS NOT NULL AND read_at < :cutoff!::timestamptz\n  RETURNING 1\n)\nSELECT count(*)::int AS deleted FROM deleted"};

/**
 * Query generated from SQL:
 * ```
 * -- Deletes notifications read before the cutoff; unread ones are kept whatever their age.
 * WITH deleted AS (
 *   DELETE FROM notifications
 *   WHERE read_at IS NOT NULL AND read_at < :cutoff!::timestamptz
 *   RETURNING 1
 * )
 * SELECT count(*)::int AS deleted FROM deleted
 * ```
 */
export const cleanupNotificationsOlderThan = new PreparedQuery<CleanupNotificationsOlderThanParams,CleanupNotificationsOlderThanResult>(cleanupNotificationsOlderThanIR);


