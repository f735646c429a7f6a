import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../app-env";
import { requireRole } from "../../auth/guards";
import type { Row } from "../../db/client";
import { decodeCursor, toPage } from "../../http/pagination";
import { isoTime } from "../../http/present";
import { validate } from "../../http/validation";
import { jsonResponse } from "../../openapi/responses";
import listFiltered from "../../../sql/queries/audit/audit_log_list_filtered.sql";
import { auditPage, listAudit } from "./audit.schemas";

function presentEntry(row: Row) {
  return {
    id: String(row.id),
    entity_type: String(row.entity_type),
    entity_id: String(row.entity_id),
    action: String(row.action),
    user_id: row.user_id === null ? null : String(row.user_id),
    metadata: row.metadata as Record<string, unknown>,
    created_at: isoTime(row.created_at),
  };
}

export const auditRoutes = new Hono<AppEnv>().get(
  "/",
  describeRoute({ summary: "The audit log, newest first", responses: { 200: jsonResponse(auditPage, "a page of entries") } }),
  requireRole("ADMIN"), validate("query", listAudit), async (c) => {
  const q = c.req.valid("query");
  const after = decodeCursor(q.cursor, 2);
  const rows = await c.var.db.query(
    listFiltered,
    [q.entity_type ?? null, q.entity_id ?? null, q.action ?? null, q.from ?? null, q.to ?? null,
      after?.[0] ?? null, after?.[1] ?? null, q.limit + 1],
    { idempotent: true },
  );
  return c.json(toPage(rows, q.limit, (r) => [String(r.cursor_at), String(r.id)], presentEntry), 200);
});
