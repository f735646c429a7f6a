import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import * as v from "valibot";
import type { AppEnv } from "../../app-env";
import { isCalendarDate } from "../../domain/timezone";
import { idempotent, runCreating } from "../../http/idempotency";
import { isoTime } from "../../http/present";
import { decodeCursor, pageQuery, toPage } from "../../http/pagination";
import { forbidden, notFound, validationFailed } from "../../http/problem";
import { validate } from "../../http/validation";
import { emptyResponse, jsonResponse, pageOf } from "../../openapi/responses";
import { qualificationKinds, qualificationResponse } from "./users.schemas";
import { userQualificationsDeleteAudited as deleteAudited } from "../../../sql/queries/qualifications/user_qualifications_delete_audited.queries";
import {
  userQualificationsListVisible as listVisible, type UserQualificationsListVisibleResult,
} from "../../../sql/queries/qualifications/user_qualifications_list_visible.queries";
import { userQualificationsUpsertAudited as upsertAudited } from "../../../sql/queries/qualifications/user_qualifications_upsert_audited.queries";

const calendarDate = v.pipe(v.string(), v.check(isCalendarDate, "must be a date as YYYY-MM-DD"));

const qualificationBody = v.pipe(
  v.strictObject({
    kind: v.picklist(qualificationKinds, `must be one of ${qualificationKinds.join(", ")}`),
    aircraft_type_code: v.optional(
      v.nullable(v.pipe(v.string(), v.trim(), v.toUpperCase(), v.regex(/^[A-Z][A-Z0-9]{1,3}$/, "must be an ICAO aircraft type designator"))),
      null,
    ),
    issued_on: v.optional(v.nullable(calendarDate), null),
    expires_on: v.optional(v.nullable(calendarDate), null),
  }),
  v.forward(
    v.check((q) => (q.kind === "AIRCRAFT_CHECKOUT") === (q.aircraft_type_code !== null), "is required for AIRCRAFT_CHECKOUT and only for it"),
    ["aircraft_type_code"],
  ),
  v.forward(
    v.check((q) => q.issued_on === null || q.expires_on === null || q.expires_on >= q.issued_on, "must not be before issued_on"),
    ["expires_on"],
  ),
);

const userParam = v.object({ id: v.pipe(v.string(), v.uuid("must be a UUID")) });
const qualificationParams = v.object({
  id: v.pipe(v.string(), v.uuid("must be a UUID")),
  qualification_id: v.pipe(v.string(), v.uuid("must be a UUID")),
});

/** The driver gives a date as a Date at UTC midnight; a jsonb copy (idempotent replay) as text. */
const dateOrNull = (value: Date | string | null) =>
  value === null ? null : value instanceof Date ? value.toISOString().slice(0, 10) : value.slice(0, 10);

/** A `user_qualifications` row as the statements select it, or its jsonb copy. */
type QualificationRow = Omit<UserQualificationsListVisibleResult, "cursor_at" | "visible">;

export function presentQualification(row: QualificationRow) {
  return {
    id: row.id,
    user_id: row.user_id,
    kind: row.kind,
    aircraft_type_code: row.aircraft_type_code,
    issued_on: dateOrNull(row.issued_on),
    expires_on: dateOrNull(row.expires_on),
    recorded_by: row.recorded_by,
    created_at: isoTime(row.created_at),
    updated_at: isoTime(row.updated_at),
  };
}

/** Qualifications per user (contract v1.1, "Rules for people and sky"), under /v1/users. */
export const qualificationsRoutes = new Hono<AppEnv>()
  .post(
    "/:id/qualifications",
    describeRoute({
      summary: "Record a qualification of a user (or replace the one of the same kind and aircraft type)",
      description: "Admins record any kind; an instructor records SOLO_ENDORSEMENT and AIRCRAFT_CHECKOUT for the students they teach.",
      responses: {
        201: jsonResponse(qualificationResponse, "the recorded qualification"),
        200: jsonResponse(qualificationResponse, "the replaced qualification"),
      },
    }),
    idempotent(presentQualification),
    validate("param", userParam),
    validate("json", qualificationBody),
    async (c) => {
      const { id } = c.req.valid("param");
      const q = c.req.valid("json");
      const viewer = c.var.user;
      const [row] = await runCreating(c, upsertAudited, {
        userId: id, kind: q.kind, aircraftTypeCode: q.aircraft_type_code, issuedOn: q.issued_on, expiresOn: q.expires_on,
        actorId: viewer.id, actorRole: viewer.role,
      });
      if (!row || !row.visible) throw notFound("User");
      if (!row.may_record) {
        throw forbidden("Only admins record qualifications; instructors record solo endorsements and aircraft checkouts of their students.");
      }
      if (!row.type_known) throw validationFailed([{ path: "aircraft_type_code", message: "is not a known aircraft type" }]);
      return c.json(presentQualification(row), row.created ? 201 : 200);
    },
  )

  .get(
    "/:id/qualifications",
    describeRoute({ summary: "A user's qualifications, in the order first recorded", responses: { 200: jsonResponse(pageOf(qualificationResponse), "a page of qualifications") } }),
    validate("param", userParam),
    validate("query", v.object(pageQuery)),
    async (c) => {
      const { id } = c.req.valid("param");
      const { limit, cursor } = c.req.valid("query");
      const viewer = c.var.user;
      const after = decodeCursor(cursor, 2);
      const rows = await c.var.db.query(
        listVisible,
        {
          userId: id, viewerId: viewer.id, viewerRole: viewer.role,
          cursorAt: after?.[0]?.toString(), cursorId: after?.[1]?.toString(), limit: limit + 1,
        },
        { idempotent: true },
      );
      if (!rows[0]?.visible) throw notFound("User");
      const held = rows.filter((r) => r.id !== null);
      return c.json(toPage(held, limit, (r) => [String(r.cursor_at), r.id], presentQualification), 200);
    },
  )

  .delete(
    "/:id/qualifications/:qualification_id",
    describeRoute({ summary: "Remove a qualification of a user", responses: { 204: emptyResponse("removed") } }),
    validate("param", qualificationParams),
    async (c) => {
      const { id, qualification_id } = c.req.valid("param");
      const viewer = c.var.user;
      const [row] = await c.var.db.query(deleteAudited, { userId: id, qualificationId: qualification_id, actorId: viewer.id, actorRole: viewer.role });
      if (!row || !row.visible) throw notFound("Qualification");
      if (!row.may_remove) throw forbidden("Only whoever may record this qualification can remove it.");
      return c.body(null, 204);
    },
  );
