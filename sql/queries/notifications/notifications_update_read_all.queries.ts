/** Types generated for queries found in "sql/queries/notifications/notifications_update_read_all.sql" */
import { PreparedQuery } from '../../../src/db/typed';

/** 'NotificationsUpdateReadAll' parameters type */
export interface NotificationsUpdateReadAllParams {
  userId: string;
}

/** 'NotificationsUpdateReadAll' return type */
export interface NotificationsUpdateReadAllResult {
  updated: number | null;
}

/** 'NotificationsUpdateReadAll' query type */
export interface NotificationsUpdateReadAllQuery {
  params: NotificationsUpdateReadAllParams;
  result: NotificationsUpdateReadAllResult;
}

const notificationsUpdateReadAllIR: any = {"usedParamSet":{"userId":true},"params":[{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":160,"b":167}]}],"statement":"-- Marks every unread notification of the viewer read and says how many that was.\nWITH marked AS (\n  UPDATE notifications SET read_at = now()\n  WHERE user_id = :userId!::uuid AND read_at IS NULL\n  RETURNING 1\n)\nSELECT count(*)::int AS updated FROM marked"};

/**
 * Query generated from SQL:
 * ```
 * -- Marks every unread notification of the viewer read and says how many that was.
 * WITH marked AS (
 *   UPDATE notifications SET read_at = now()
 *   WHERE user_id = :userId!::uuid AND read_at IS NULL
 *   RETURNING 1
 * )
 * SELECT count(*)::int AS updated FROM marked
 * ```
 */
export const notificationsUpdateReadAll = new PreparedQuery<NotificationsUpdateReadAllParams,NotificationsUpdateReadAllResult>(notificationsUpdateReadAllIR);


