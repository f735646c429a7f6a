import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../app-env";
import { decodeCursor, toPage } from "../../http/pagination";
import { isoTime, isoTimeOrNull } from "../../http/present";
import { notFound } from "../../http/problem";
import { validate } from "../../http/validation";
import { jsonResponse } from "../../openapi/responses";
import { notificationsListOwn as listOwn } from "../../../sql/queries/notifications/notifications_list_own.queries";
import { notificationsUpdateReadAll as updateReadAll } from "../../../sql/queries/notifications/notifications_update_read_all.queries";
import {
  notificationsUpdateReadOne as updateReadOne, type NotificationsUpdateReadOneResult,
} from "../../../sql/queries/notifications/notifications_update_read_one.queries";
import { listNotifications, notificationId, notificationPage, notificationResponse, readAllResponse } from "./notifications.schemas";

function presentNotification(row: NotificationsUpdateReadOneResult) {
  return {
    id: row.id,
    type: row.type,
    booking_id: row.booking_id,
    title: row.title,
    body: row.body,
    data: row.data,
    read_at: isoTimeOrNull(row.read_at),
    created_at: isoTime(row.created_at),
  };
}

/** Everyone's own inbox; nobody, admins included, reads another person's notifications. */
export const notificationsRoutes = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({ summary: "The caller's notifications, newest first", responses: { 200: jsonResponse(notificationPage, "a page of notifications") } }),
    validate("query", listNotifications),
    async (c) => {
      const { unread, limit, cursor } = c.req.valid("query");
      const after = decodeCursor(cursor, 2);
      const rows = await c.var.db.query(
        listOwn,
        { userId: c.var.user.id, unreadOnly: unread, cursorAt: after?.[0]?.toString(), cursorId: after?.[1]?.toString(), limit: limit + 1 },
        { idempotent: true },
      );
      return c.json(toPage(rows, limit, (r) => [String(r.cursor_at), r.id], presentNotification), 200);
    },
  )

  .post(
    "/read-all",
    describeRoute({ summary: "Mark every notification of the caller read", responses: { 200: jsonResponse(readAllResponse, "how many changed") } }),
    async (c) => {
      const [row] = await c.var.db.query(updateReadAll, { userId: c.var.user.id }, { idempotent: true });
      return c.json({ updated: row?.updated ?? 0 }, 200);
    },
  )

  .post(
    "/:id/read",
    describeRoute({ summary: "Mark one notification read", responses: { 200: jsonResponse(notificationResponse, "the notification") } }),
    validate("param", notificationId),
    async (c) => {
      const { id } = c.req.valid("param");
      // Reading twice changes nothing, so a retry after a lost answer is safe.
      const [row] = await c.var.db.query(updateReadOne, { notificationId: id, userId: c.var.user.id }, { idempotent: true });
      if (!row) throw notFound("Notification");
      return c.json(presentNotification(row), 200);
    },
  );
