/** Types generated for queries found in "sql/queries/notifications/notifications_list_own.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type NumberOrString = number | string;

/** 'NotificationsListOwn' parameters type */
export interface NotificationsListOwnParams {
  cursorAt?: DateOrString | null | void;
  cursorId?: string | null | void;
  limit: NumberOrString;
  unreadOnly: boolean;
  userId: string;
}

/** 'NotificationsListOwn' return type */
export interface NotificationsListOwnResult {
  body: string;
  booking_id: string | null;
  created_at: Date;
  cursor_at: string | null;
  data: Json;
  id: string;
  read_at: Date | null;
  title: string;
  type: string;
}

/** 'NotificationsListOwn' query type */
export interface NotificationsListOwnQuery {
  params: NotificationsListOwnParams;
  result: NotificationsListOwnResult;
}

const notificationsListOwnIR: any = {"usedParamSet":{"userId":true,"unreadOnly":true,"cursorAt":true,"cursorId":true,"limit":true},"params":[{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":334,"b":341}]},{"name":"unreadOnly","required":true,"transform":{"type":"scalar"},"locs":[{"a":360,"b":371}]},{"name":"cursorAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":411,"b":419},{"a":469,"b":477}]},{"name":"cursorId","required":false,"transform":{"type":"scalar"},"locs":[{"a":493,"b":501}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":555,"b":561}]}],"statement":"-- A page of the viewer's own notifications, newest first, optionally only unread ones.\n-- :cursorAt/:cursorId the cursor (created_at as text, id) or nulls, :limit page size + 1\nSELECT n.id, n.type, n.booking_id, n.title, n.body, n.data, n.read_at, n.created_at, n.created_at::text AS cursor_at\nFROM notifications n\nWHERE n.user_id = :userId!::uuid\n  AND (NOT :unreadOnly!::boolean OR n.read_at IS NULL)\n  AND (:cursorAt::timestamptz IS NULL OR (n.created_at, n.id) < (:cursorAt::timestamptz, :cursorId::uuid))\nORDER BY n.created_at DESC, n.id DESC\nLIMIT :limit!"};

/**
 * Query generated from SQL:
 * ```
 * -- A page of the viewer's own notifications, newest first, optionally only unread ones.
 * -- :cursorAt/:cursorId the cursor (created_at as text, id) or nulls, :limit page size + 1
 * SELECT n.id, n.type, n.booking_id, n.title, n.body, n.data, n.read_at, n.created_at, n.created_at::text AS cursor_at
 * FROM notifications n
 * WHERE n.user_id = :userId!::uuid
 *   AND (NOT :unreadOnly!::boolean OR n.read_at IS NULL)
 *   AND (:cursorAt::timestamptz IS NULL OR (n.created_at, n.id) < (:cursorAt::timestamptz, :cursorId::uuid))
 * ORDER BY n.created_at DESC, n.id DESC
 * LIMIT :limit!
 * ```
 */
export const notificationsListOwn = new PreparedQuery<NotificationsListOwnParams,NotificationsListOwnResult>(notificationsListOwnIR);


