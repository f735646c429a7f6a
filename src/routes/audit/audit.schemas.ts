import * as v from "valibot";
import { pageQuery } from "../../http/pagination";
import { jsonObject, named, pageOf, timestamp } from "../../openapi/responses";
import { instant } from "../bookings/bookings.schemas";

// Postgres text cannot hold NUL, so such a filter could never match anything stored.
const text = (max: number) =>
  v.pipe(v.string(), v.minLength(1), v.maxLength(max), v.check((t) => !t.includes("\u0000"), "must not contain NUL characters"));

export const listAudit = v.object({
  entity_type: v.optional(v.pipe(v.string(), v.regex(/^[a-z][a-z_]{0,63}$/, "must be an entity type such as booking"))),
  entity_id: v.optional(text(255)),
  action: v.optional(text(100)),
  from: v.optional(instant),
  to: v.optional(instant),
  ...pageQuery,
});

export const auditEntryResponse = named(
  "AuditEntry",
  v.object({
    id: v.string(),
    entity_type: v.string(),
    entity_id: v.string(),
    action: v.string(),
    user_id: v.nullable(v.string()),
    metadata: jsonObject,
    created_at: timestamp,
  }),
);

export const auditPage = pageOf(auditEntryResponse);
