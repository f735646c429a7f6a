import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../app-env";
import { requireRole } from "../../auth/guards";
import { decodeCursor, toPage } from "../../http/pagination";
import { isoTime } from "../../http/present";
import { validate } from "../../http/validation";
import { jsonResponse } from "../../openapi/responses";
import { auditLogListFiltered as listFiltered, type AuditLogListFilteredResult } from "../../../sql/queries/audit/audit_log_list_filtered.queries";
import { auditPage, listAudit } from "./audit.schemas";

function presentEntry(row: AuditLogListFilteredResult) {
  return {
    id: row.id,
    entity_type: row.entity_type,
    entity_id: row.entity_id,
    action: row.action,
    user_id: row.user_id,
    metadata: row.metadata,
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
    {
      entityType: q.entity_type, entityId: q.entity_id, action: q.action, from: q.from, to: q.to,
      cursorAt: after?.[0]?.toString(), cursorId: after?.[1]?.toString(), limit: q.limit + 1,
    },
    { idempotent: true },
  );
  return c.json(toPage(rows, q.limit, (r) => [String(r.cursor_at), r.id], presentEntry), 200);
});
