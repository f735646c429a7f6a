import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../app-env";
import type { Row } from "../../db/client";
import { decodeCursor, toPage } from "../../http/pagination";
import { isoTime, isoTimeOrNull } from "../../http/present";
import { notFound } from "../../http/problem";
import { validate } from "../../http/validation";
import { jsonResponse } from "../../openapi/responses";
import listOwn from "../../../sql/queries/notifications/notifications_list_own.sql";
import updateReadAll from "../../../sql/queries/notifications/notifications_update_read_all.sql";
import updateReadOne from "../../../sql/queries/notifications/notifications_update_read_one.sql";
import { listNotifications, notificationId, notificationPage, notificationResponse, readAllResponse } from "./notifications.schemas";

function presentNotification(row: Row) {
  return {
    id: String(row.id),
    type: String(row.type),
    booking_id: row.booking_id === null ? null : String(row.booking_id),
    title: String(row.title),
    body: String(row.body),
    data: row.data as Record<string, unknown>,
    read_at: isoTimeOrNull(row.read_at),
    created_at: isoTime(row.created_at),
  };
}

/** Everyone's own inbox; nobody, admins included, reads another person's notifications. */
export const notificationsRoutes = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({ summary: "The caller's notifications, newest first", responses: { 200: jsonResponse(notificationPage, "a page of notifications") } }),
    validate("query", listNotifications), async (c) => {
    const { unread, limit, cursor } = c.req.valid("query");
    const after = decodeCursor(cursor, 2);
    const rows = await c.var.db.query(listOwn, [c.var.user.id, unread, after?.[0] ?? null, after?.[1] ?? null, limit + 1], {
      idempotent: true,
    });
    return c.json(toPage(rows, limit, (r) => [String(r.cursor_at), String(r.id)], presentNotification), 200);
  })

  .post(
    "/read-all",
    describeRoute({ summary: "Mark every notification of the caller read", responses: { 200: jsonResponse(readAllResponse, "how many changed") } }),
    async (c) => {
    const [row] = await c.var.db.query<{ updated: number }>(updateReadAll, [c.var.user.id], { idempotent: true });
    return c.json({ updated: row?.updated ?? 0 }, 200);
  })

  .post(
    "/:id/read",
    describeRoute({ summary: "Mark one notification read", responses: { 200: jsonResponse(notificationResponse, "the notification") } }),
    validate("param", notificationId), async (c) => {
    const { id } = c.req.valid("param");
    // Reading twice changes nothing, so a retry after a lost answer is safe.
    const [row] = await c.var.db.query(updateReadOne, [id, c.var.user.id], { idempotent: true });
    if (!row) throw notFound("Notification");
    return c.json(presentNotification(row), 200);
  });
