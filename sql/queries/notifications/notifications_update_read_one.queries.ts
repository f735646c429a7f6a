/** Types generated for queries found in "sql/queries/notifications/notifications_update_read_one.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'NotificationsUpdateReadOne' parameters type */
export interface NotificationsUpdateReadOneParams {
  notificationId: string;
  userId: string;
}

/** 'NotificationsUpdateReadOne' return type */
export interface NotificationsUpdateReadOneResult {
  body: string;
  booking_id: string | null;
  created_at: Date;
  data: Json;
  id: string;
  read_at: Date | null;
  title: string;
  type: string;
}

/** 'NotificationsUpdateReadOne' query type */
export interface NotificationsUpdateReadOneQuery {
  params: NotificationsUpdateReadOneParams;
  result: NotificationsUpdateReadOneResult;
}

const notificationsUpdateReadOneIR: any = {"usedParamSet":{"notificationId":true,"userId":true},"params":[{"name":"notificationId","required":true,"transform":{"type":"scalar"},"locs":[{"a":164,"b":179}]},{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":201,"b":208}]}],"statement":"-- Marks one of the viewer's notifications read; reading it again keeps the first read time.\nUPDATE notifications\nSET read_at = coalesce(read_at, now())\nWHERE id = :notificationId!::uuid AND user_id = :userId!::uuid\nRETURNING id, type, booking_id, title, body, data, read_at, created_at"};

/**
 * Query generated from SQL:
 * ```
 * -- Marks one of the viewer's notifications read; reading it again keeps the first read time.
 * UPDATE notifications
 * SET read_at = coalesce(read_at, now())
 * WHERE id = :notificationId!::uuid AND user_id = :userId!::uuid
 * RETURNING id, type, booking_id, title, body, data, read_at, created_at
 * ```
 */
export const notificationsUpdateReadOne = new PreparedQuery<NotificationsUpdateReadOneParams,NotificationsUpdateReadOneResult>(notificationsUpdateReadOneIR);


