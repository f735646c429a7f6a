import { NeonDbError } from "@neondatabase/serverless";
import { Hono, type Context } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../app-env";
import { presentBooking, type LessonType } from "../../bookings/present";
import { daylightFigures } from "../../bookings/twilight";
import { editableStatuses, statusesMovableTo } from "../../bookings/status";
import { idempotent, runCreating } from "../../http/idempotency";
import { decodeCursor, toPage } from "../../http/pagination";
import { ApiError, forbidden, notFound, validationFailed, type FieldError } from "../../http/problem";
import { validate } from "../../http/validation";
import { jsonResponse } from "../../openapi/responses";
import { changingAvailability, invalidateAvailability } from "../users/availability.cache";
import { bookingsInsertAudited as insertAudited } from "../../../sql/queries/bookings/bookings_insert_audited.queries";
import { bookingsListVisible as listVisible } from "../../../sql/queries/bookings/bookings_list_visible.queries";
import { bookingsSelectOverlapping as selectOverlapping } from "../../../sql/queries/bookings/bookings_select_overlapping.queries";
import { bookingsSelectVisible as selectVisible } from "../../../sql/queries/bookings/bookings_select_visible.queries";
import { bookingsUpdateAudited as updateAudited } from "../../../sql/queries/bookings/bookings_update_audited.queries";
import { bookingsUpdateCancelled as updateCancelled } from "../../../sql/queries/bookings/bookings_update_cancelled.queries";
import { bookingId, bookingPage, bookingResponse, cancelBooking, createBooking, listBookings, updateBooking } from "./bookings.schemas";

/**
 * A slot some resources want, to name the bookings in its way. For a booking being moved, what
 * is left out comes from the booking.
 */
interface Slot {
  studentId: string | null;
  instructorId: string | null;
  /** undefined: keep the moving booking's aircraft. */
  aircraftId: string | null | undefined;
  scheduledAt: string | null;
  durationMinutes: number | null;
  movingBookingId: string | null;
}

/**
 * An exclusion constraint refused the write: the constraint only names the resource, so look up
 * which active bookings hold the slot (one more statement, on this error path only).
 */
async function nameConflicts(c: Context<AppEnv>, error: unknown, slot: Slot): Promise<never> {
  if (!(error instanceof ApiError) || error.code !== "booking_conflict") throw error;
  const found = await c.var.db
    .query(
      selectOverlapping,
      {
        studentId: slot.studentId, instructorId: slot.instructorId, aircraftGiven: slot.aircraftId !== undefined,
        aircraftId: slot.aircraftId, scheduledAt: slot.scheduledAt, durationMinutes: slot.durationMinutes,
        movingBookingId: slot.movingBookingId,
      },
      { idempotent: true },
    )
    // The refusal stands even if naming the bookings fails; it just names fewer.
    .catch(() => []);
  if (found.length === 0) throw error;
  const resources = [...new Set(found.map((f) => f.resource))].join(", ");
  throw new ApiError("booking_conflict", `Already booked at that time: ${resources}.`, {
    extra: { conflicts: found.map((f) => ({ resource: f.resource, booking_id: f.booking_id })) },
    cause: error.options.cause,
  });
}

/**
 * Two writers racing for one slot can each wait for the other in the exclusion constraint
 * check; Postgres then aborts one of them whole. Running it again is safe and meets the
 * winner's booking as an ordinary conflict.
 */
async function retryingDeadlocks<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const deadlocked = error instanceof ApiError && error.options.cause instanceof NeonDbError && error.options.cause.code === "40P01";
      if (!deadlocked || attempt === 3) throw error;
    }
  }
}

const instructorUnavailable = () =>
  new ApiError("booking_conflict", "The instructor is not available at that time.", {
    extra: { conflicts: [{ resource: "instructor", booking_id: null }] },
  });

/** Availability is computed from bookings too, so both people's cached answers go stale. */
async function bookingWritten(c: Context<AppEnv>, row: { student_id: string; instructor_id: string }): Promise<void> {
  await Promise.all([
    invalidateAvailability(c.var.cache, row.student_id),
    invalidateAvailability(c.var.cache, row.instructor_id),
  ]);
}

export const bookingsRoutes = new Hono<AppEnv>()
  .post(
    "/",
    describeRoute({ summary: "Book a training flight", responses: { 201: jsonResponse(bookingResponse, "the booking") } }),
    idempotent(presentBooking), validate("json", createBooking),
    async (c) => {
      const b = c.req.valid("json");
      const viewer = c.var.user;
      if (viewer.role === "STUDENT" && b.student_id !== viewer.id) throw forbidden("Students can only book flights for themselves.");
      if (viewer.role === "INSTRUCTOR" && b.instructor_id !== viewer.id) {
        throw forbidden("Instructors can only book flights they teach.");
      }
      if (b.override_availability && viewer.role !== "ADMIN") throw forbidden("Only admins can override availability.");
      if (b.override_rules && viewer.role !== "ADMIN") throw forbidden("Only admins can override the booking rules.");
      if (b.lesson_type === "SOLO" && b.aircraft_id === null) {
        throw validationFailed([{ path: "aircraft_id", message: "is required for a SOLO flight" }]);
      }
      const slot: Slot = {
        studentId: b.student_id,
        instructorId: b.instructor_id,
        aircraftId: b.aircraft_id,
        scheduledAt: b.scheduled_at,
        durationMinutes: b.duration_minutes,
        movingBookingId: null,
      };
      const twilight = await daylightFigures(c, b.lesson_type, b.departure_airport, new Date(b.scheduled_at));
      // Both people are known before the write: their cached availability is dropped beside it.
      const rows = await changingAvailability(c, [b.student_id, b.instructor_id], () =>
        retryingDeadlocks(() =>
          runCreating(c, insertAudited, {
            studentId: b.student_id, instructorId: b.instructor_id, aircraftId: b.aircraft_id, departure: b.departure_airport,
            arrival: b.arrival_airport, scheduledAt: b.scheduled_at, durationMinutes: b.duration_minutes,
            overrideAvailability: b.override_availability, actorId: viewer.id, lessonType: b.lesson_type,
            overrideRules: b.override_rules, twilight,
          }),
        ),
      ).catch((error: unknown) => nameConflicts(c, error, slot));
      // The statement always answers one row: the checks, joined with the booking if it was made.
      const row = rows[0]!;
      if (row.id === null) {
        const errors: FieldError[] = [];
        if (!row.departure_found) errors.push({ path: "departure_airport", message: "is not a known airport" });
        if (!row.arrival_found) errors.push({ path: "arrival_airport", message: "is not a known airport" });
        if (!row.student_found) errors.push({ path: "student_id", message: "is not a student" });
        if (!row.instructor_found) errors.push({ path: "instructor_id", message: "is not an instructor" });
        if (!row.aircraft_found) errors.push({ path: "aircraft_id", message: "is not an aircraft of the fleet" });
        if (errors.length > 0) throw validationFailed(errors);
        throw instructorUnavailable();
      }
      return c.json(presentBooking(row), 201);
    },
  )

  .get(
    "/",
    describeRoute({ summary: "The bookings the caller may see, newest first", responses: { 200: jsonResponse(bookingPage, "a page of bookings") } }),
    validate("query", listBookings),
    async (c) => {
      const q = c.req.valid("query");
      const viewer = c.var.user;
      const after = decodeCursor(q.cursor, 2);
      const rows = await c.var.db.query(
        listVisible,
        {
          viewerId: viewer.id, viewerRole: viewer.role, status: q.status, from: q.from, to: q.to,
          studentId: q.student_id, instructorId: q.instructor_id, aircraftId: q.aircraft_id,
          cursorAt: after?.[0]?.toString(), cursorId: after?.[1]?.toString(), limit: q.limit + 1,
        },
        { idempotent: true },
      );
      return c.json(toPage(rows, q.limit, (r) => [String(r.cursor_at), r.id], presentBooking), 200);
    },
  )

  .get(
    "/:id",
    describeRoute({ summary: "One booking", responses: { 200: jsonResponse(bookingResponse, "the booking") } }),
    validate("param", bookingId),
    async (c) => {
      const { id } = c.req.valid("param");
      const viewer = c.var.user;
      const [row] = await c.var.db.query(selectVisible, { bookingId: id, viewerId: viewer.id, viewerRole: viewer.role }, { idempotent: true });
      if (!row) throw notFound("Booking");
      return c.json(presentBooking(row), 200);
    },
  )

  .post(
    "/:id/cancel",
    describeRoute({ summary: "Cancel a booking, with its category", responses: { 200: jsonResponse(bookingResponse, "the CANCELLED booking") } }),
    validate("param", bookingId), validate("json", cancelBooking),
    async (c) => {
      const { id } = c.req.valid("param");
      const { reason, category } = c.req.valid("json");
      const viewer = c.var.user;
      const [row] = await c.var.db.query(updateCancelled, {
        bookingId: id, actorId: viewer.id, actorRole: viewer.role, reason, statuses: statusesMovableTo("CANCELLED"), category,
      });
      if (!row) throw notFound("Booking");
      if (row.id === null) {
        throw new ApiError("invalid_state", `The booking is ${row.seen_status} and can no longer be cancelled.`);
      }
      await bookingWritten(c, row);
      return c.json(presentBooking(row), 200);
    },
  )

  .patch(
    "/:id",
    describeRoute({ summary: "Move a booking or change its aircraft", responses: { 200: jsonResponse(bookingResponse, "the booking") } }),
    validate("param", bookingId), validate("json", updateBooking),
    async (c) => {
      const { id } = c.req.valid("param");
      const changes = c.req.valid("json");
      const viewer = c.var.user;
      if (changes.override_availability && viewer.role !== "ADMIN") throw forbidden("Only admins can override availability.");
      if (changes.override_rules && viewer.role !== "ADMIN") throw forbidden("Only admins can override the booking rules.");
      // A SOLO flight moved to a new day is judged on that day's daylight at its departure airport,
      // which only the application can compute: one more statement, for a new time only.
      let twilight = "[]";
      if (changes.scheduled_at !== undefined) {
        const [seen] = await c.var.db.query(selectVisible, { bookingId: id, viewerId: viewer.id, viewerRole: viewer.role }, { idempotent: true });
        if (!seen) throw notFound("Booking");
        twilight = await daylightFigures(c, seen.lesson_type as LessonType, seen.departure_airport, new Date(changes.scheduled_at));
      }
      const [row] = await retryingDeadlocks(() =>
        c.var.db.query(updateAudited, {
          bookingId: id, actorId: viewer.id, actorRole: viewer.role, scheduledAt: changes.scheduled_at,
          durationMinutes: changes.duration_minutes, aircraftGiven: changes.aircraft_id !== undefined,
          aircraftId: changes.aircraft_id, overrideAvailability: changes.override_availability, statuses: [...editableStatuses],
          overrideRules: changes.override_rules, twilight,
        }),
      ).catch((error: unknown) =>
        nameConflicts(c, error, {
          studentId: null,
          instructorId: null,
          aircraftId: changes.aircraft_id,
          scheduledAt: changes.scheduled_at ?? null,
          durationMinutes: changes.duration_minutes ?? null,
          movingBookingId: id,
        }),
      );
      if (!row) throw notFound("Booking");
      if (row.id === null) {
        if (!row.may_edit) throw forbidden("Only the booking's instructor or an admin can change it.");
        if (!(editableStatuses as readonly string[]).includes(row.seen_status)) {
          throw new ApiError("invalid_state", `The booking is ${row.seen_status} and can no longer be changed.`);
        }
        if (!row.aircraft_found) throw validationFailed([{ path: "aircraft_id", message: "is not an aircraft of the fleet" }]);
        if (!row.instructor_available) throw instructorUnavailable();
        throw new ApiError("invalid_state", "The booking changed meanwhile and can no longer be changed.");
      }
      await bookingWritten(c, row);
      return c.json(presentBooking(row), 200);
    },
  );
