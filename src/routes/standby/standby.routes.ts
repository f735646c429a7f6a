import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../app-env";
import { twilightsDuringStatement } from "../../bookings/twilight";
import { idempotent, runCreating } from "../../http/idempotency";
import { decodeCursor, toPage } from "../../http/pagination";
import { ApiError, forbidden, notFound, validationFailed, type FieldError } from "../../http/problem";
import { validate } from "../../http/validation";
import { jsonResponse } from "../../openapi/responses";
import { standbyEntriesInsertAudited as insertAudited } from "../../../sql/queries/standby/standby_entries_insert_audited.queries";
import { standbyEntriesListVisible as listVisible } from "../../../sql/queries/standby/standby_entries_list_visible.queries";
import { standbyEntriesUpdateWithdrawn as updateWithdrawn } from "../../../sql/queries/standby/standby_entries_update_withdrawn.queries";
import { presentStandbyEntry } from "./standby.present";
import { createStandbyEntry, listStandbyEntries, standbyEntryId, standbyEntryResponse, standbyPage } from "./standby.schemas";

export const standbyRoutes = new Hono<AppEnv>()
  .post(
    "/",
    describeRoute({
      summary: "Put a student on the standby list for a window at an airport",
      description:
        "A student for themselves; instructors and admins for anyone. When a booking there is cancelled or " +
        "rescheduled away, or an aircraft of the type returns to service, the oldest waiting entry that fits every " +
        "booking rule is booked in the same transaction (PROMOTED, with `booking_id`, and `STANDBY_PROMOTED`).",
      responses: { 201: jsonResponse(standbyEntryResponse, "the entry, WAITING, with its position in the queue") },
    }),
    idempotent(presentStandbyEntry),
    validate("json", createStandbyEntry),
    async (c) => {
      const e = c.req.valid("json");
      const viewer = c.var.user;
      if (viewer.role === "STUDENT" && e.student_id !== viewer.id) throw forbidden("Students can only join the standby list themselves.");
      // A SOLO promotion is judged on daylight, from figures Postgres cannot compute itself.
      if (e.lesson_type === "SOLO") {
        const twilight = await twilightsDuringStatement(c, e.departure_airport, new Date(e.window_start), new Date(e.window_end));
        await c.var.db.query(twilight.text, twilight.params);
      }
      const rows = await runCreating(c, insertAudited, {
        studentId: e.student_id, departure: e.departure_airport, windowStart: e.window_start, windowEnd: e.window_end,
        durationMinutes: e.duration_minutes, instructorId: e.instructor_id, aircraftTypeCode: e.aircraft_type_code,
        lessonType: e.lesson_type, actorId: viewer.id,
      });
      // The statement always answers one row: the checks, joined with the entry if it was made.
      const row = rows[0]!;
      if (row.id === null) {
        const errors: FieldError[] = [];
        if (!row.departure_found) errors.push({ path: "departure_airport", message: "is not a known airport" });
        if (!row.student_found) errors.push({ path: "student_id", message: "is not a student" });
        if (!row.instructor_found) errors.push({ path: "instructor_id", message: "is not an instructor" });
        if (!row.type_found) errors.push({ path: "aircraft_type_code", message: "is not a known aircraft type" });
        throw validationFailed(errors);
      }
      return c.json(presentStandbyEntry(row), 201);
    },
  )

  .get(
    "/",
    describeRoute({ summary: "Standby entries in queue order (students: their own)", responses: { 200: jsonResponse(standbyPage, "a page of entries") } }),
    validate("query", listStandbyEntries),
    async (c) => {
      const q = c.req.valid("query");
      const viewer = c.var.user;
      if (viewer.role === "STUDENT" && q.student_id !== undefined && q.student_id !== viewer.id) {
        throw forbidden("Students can only see their own standby entries.");
      }
      const after = decodeCursor(q.cursor, 2);
      const rows = await c.var.db.query(
        listVisible,
        {
          viewerId: viewer.id, viewerRole: viewer.role, studentId: q.student_id, status: q.status,
          cursorAt: after?.[0]?.toString(), cursorId: after?.[1]?.toString(), limit: q.limit + 1,
        },
        { idempotent: true },
      );
      return c.json(toPage(rows, q.limit, (r) => [String(r.cursor_at), r.id], presentStandbyEntry), 200);
    },
  )

  .delete(
    "/:id",
    describeRoute({ summary: "Withdraw a waiting standby entry", responses: { 200: jsonResponse(standbyEntryResponse, "the entry, WITHDRAWN") } }),
    validate("param", standbyEntryId),
    async (c) => {
      const { id } = c.req.valid("param");
      const viewer = c.var.user;
      const [row] = await c.var.db.query(updateWithdrawn, { entryId: id, actorId: viewer.id, actorRole: viewer.role });
      if (!row) throw notFound("Standby entry");
      if (row.id === null) {
        const seen = row.seen_status;
        throw new ApiError(
          "invalid_state",
          seen === "WAITING"
            ? "The entry was promoted meanwhile and can no longer be withdrawn."
            : `The entry is ${seen} and can no longer be withdrawn.`,
        );
      }
      return c.json(presentStandbyEntry(row), 200);
    },
  );
