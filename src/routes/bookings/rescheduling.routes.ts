import { Hono, type Context } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../app-env";
import { presentBooking, type BookingRow } from "../../bookings/present";
import { statement, type Row } from "../../db/client";
import { activeStatuses, isActive, type BookingStatus } from "../../bookings/status";
import { preferenceDeadline } from "../../domain/deadlines";
import { twilightsDuringStatement } from "../../bookings/twilight";
import { rankOptions, type Candidate } from "../../domain/ranking";
import type { TrainingLevel } from "../../auth/user";
import { checkWeather, crosswindContextFrom, forecastCertainty, minimumsFrom, type Taf } from "../../domain/weather";
import { idempotent, runCreating } from "../../http/idempotency";
import { isoTime } from "../../http/present";
import { ApiError, forbidden, notFound } from "../../http/problem";
import { validate } from "../../http/validation";
import { jsonResponse } from "../../openapi/responses";
import { loadTafs, WeatherUnavailable } from "../../weather/provider";
import { bookingsSelectForWeatherCheck as selectForCheck } from "../../../sql/queries/weather/bookings_select_for_weather_check.queries";
import {
  bookingsSelectRescheduleCandidates as selectCandidates, type BookingsSelectRescheduleCandidatesResult,
} from "../../../sql/queries/rescheduling/bookings_select_reschedule_candidates.queries";
import { bookingsSelectVisible as selectVisible } from "../../../sql/queries/bookings/bookings_select_visible.queries";
import { rescheduleOptionsReplaceAudited as replaceOptions } from "../../../sql/queries/rescheduling/reschedule_options_replace_audited.queries";
import { rescheduleOptionsSelectVisible as selectOptions } from "../../../sql/queries/rescheduling/reschedule_options_select_visible.queries";
import { preferenceRankingsSubmit as submitPreferences } from "../../../sql/queries/rescheduling/preference_rankings_submit.queries";
import { runWeatherCheck, type WeatherCheckRun } from "../../weather/check";
import { presentOffer, presentOption, presentPreference } from "./rescheduling.present";
import { closeCalls, OPTION_DAYS_MS, type JudgedSlot } from "./rescheduling.rules";
import { bookingId } from "./bookings.schemas";
import {
  preferences, preferencesResponse, rescheduleOfferResponse, rescheduleOptionsResponse, weatherCheckResponse,
} from "./rescheduling.schemas";

/**
 * The booking with its candidate slots, each already judged by the people and sky rules. A SOLO
 * flight is judged on daylight, which reads the departure airport's civil twilight for the
 * slots' days: the application computes those first and stores them in the same transaction.
 */
async function selectCandidatesJudged(c: Context<AppEnv>, id: string, now: Date): Promise<BookingsSelectRescheduleCandidatesResult[]> {
  const viewer = c.var.user;
  const params = { bookingId: id, viewerId: viewer.id, viewerRole: viewer.role, now };
  const [seen] = await c.var.db.query(selectVisible, { bookingId: id, viewerId: viewer.id, viewerRole: viewer.role }, { idempotent: true });
  if (!seen || seen.lesson_type !== "SOLO") return seen ? c.var.db.query(selectCandidates, params, { idempotent: true }) : [];
  const twilight = await twilightsDuringStatement(c, seen.departure_airport, now, new Date(now.getTime() + OPTION_DAYS_MS));
  const [, rows] = await c.var.db.batch([twilight, statement(selectCandidates, params)]);
  return rows;
}

const onlyInstructorOrAdmin = (what: string) => forbidden(`Only the booking's instructor or an admin can ${what}.`);

export const reschedulingRoutes = new Hono<AppEnv>()
  .post(
    "/:id/weather-check",
    describeRoute({
      summary: "Check a booking's weather now against its student's minimums",
      responses: { 200: jsonResponse(weatherCheckResponse, "the check, and the booking's status after it") },
    }),
    validate("param", bookingId),
    async (c) => {
      const { id } = c.req.valid("param");
      const viewer = c.var.user;
      const [booking] = await c.var.db.query(selectForCheck, { bookingId: id, viewerId: viewer.id, viewerRole: viewer.role }, { idempotent: true });
      if (!booking) throw notFound("Booking");
      if (viewer.role !== "ADMIN" && booking.instructor_id !== viewer.id) throw onlyInstructorOrAdmin("run a weather check");
      const status = booking.status as BookingStatus;
      if (!isActive(status)) throw new ApiError("invalid_state", `A ${status} booking has no flight left to check.`);

      const checkedAt = new Date();
      let run: WeatherCheckRun;
      try {
        run = await runWeatherCheck(c.var, [booking], { checkedAt, actorId: viewer.id, source: "check" });
      } catch (error) {
        if (!(error instanceof WeatherUnavailable)) throw error;
        // Without a forecast nothing is known: the booking is left exactly as it was.
        c.var.log.warn("weather_unavailable", { booking_id: id, error: error.message });
        return c.json({ booking_id: id, weather_status: "UNKNOWN", violations: [], booking_status: status, checked_at: null }, 200);
      }
      const [check] = run.results;
      const [applied] = run.applied;
      return c.json(
        {
          booking_id: id,
          weather_status: check!.weather_status,
          violations: check!.violations,
          booking_status: applied?.status ?? status,
          checked_at: applied ? checkedAt.toISOString() : null,
        },
        200,
      );
    },
  )

  .post(
    "/:id/reschedule-options",
    describeRoute({
      summary: "Offer ranked new times for a booking; both parties rank them before the deadline",
      responses: { 201: jsonResponse(rescheduleOfferResponse, "the options and the deadline") },
    }),
    idempotent(presentOffer), validate("param", bookingId),
    async (c) => {
      const { id } = c.req.valid("param");
      const viewer = c.var.user;
      const now = new Date();
      const [booking] = await selectCandidatesJudged(c, id, now);
      if (!booking) throw notFound("Booking");
      if (viewer.role !== "ADMIN" && booking.instructor_id !== viewer.id) throw onlyInstructorOrAdmin("offer new times");
      // Instructors reschedule flights the weather put at risk; admins may reschedule any active one.
      const allowed: readonly BookingStatus[] = viewer.role === "ADMIN" ? activeStatuses : ["AT_RISK"];
      const status = booking.status as BookingStatus;
      if (!allowed.includes(status)) {
        throw new ApiError("invalid_state", `Options can be offered for ${allowed.join(" or ")} bookings; this one is ${status}.`);
      }
      const scheduledAt = booking.scheduled_at;
      const deadline = preferenceDeadline(scheduledAt, now);
      if (deadline.getTime() <= now.getTime()) {
        throw new ApiError("invalid_state", "The flight is less than 30 minutes away: too late to ask for preferences.");
      }

      const airports = [booking.departure_airport, booking.arrival_airport];
      let tafs = new Map<string, Taf>();
      try {
        ({ tafs } = await loadTafs(c.var, airports));
      } catch (error) {
        if (!(error instanceof WeatherUnavailable)) throw error;
        // Options are still offered, each marked UNKNOWN and ranked on timing alone.
        c.var.log.warn("weather_unavailable", { booking_id: id, error: error.message });
      }
      const minimums = minimumsFrom(booking.minimums, booking.training_level as TrainingLevel);
      const crosswind = crosswindContextFrom(booking.runways, booking.aircraft_crosswind_limit_kt);
      // jsonb the statement builds: each candidate slot with the rules' findings.
      const slots = booking.slots as unknown as JudgedSlot[];
      const aircraftAt = new Map(slots.map((slot) => [new Date(slot.starts_at).toISOString(), slot.aircraft_id]));
      const candidates: Candidate[] = slots.map((slot) => {
        const window = { startsAt: new Date(slot.starts_at), endsAt: new Date(slot.ends_at), airports };
        const check = checkWeather(window, tafs, minimums, crosswind);
        return {
          ...window,
          weather: check.weather_status,
          certainty: forecastCertainty(window, tafs, check),
          notes: closeCalls(slot, Number(booking.duty_limit_minutes), check.crosswind),
        };
      });
      const ranked = rankOptions(candidates, { scheduledAt }, now);
      if (ranked.length === 0) {
        throw new ApiError(
          "conflict",
          "No time in the next 7 days has the student, the instructor and the aircraft free and available within the weather minimums.",
        );
      }
      const options = ranked.map((option, i) => ({ position: i + 1, ...option, aircraft_id: aircraftAt.get(option.suggested_at) ?? null }));
      const [row] = await runCreating(c, replaceOptions, {
        bookingId: id, statuses: [...allowed], options: JSON.stringify(options), deadline, actorId: viewer.id,
      });
      if (!row) throw new ApiError("invalid_state", "The booking changed while the options were being prepared; try again.");
      return c.json(presentOffer(row.body as Row), 201);
    },
  )

  .get(
    "/:id/reschedule-options",
    describeRoute({
      summary: "A booking's current reschedule options and each party's preference",
      responses: { 200: jsonResponse(rescheduleOptionsResponse, "the options and preferences") },
    }),
    validate("param", bookingId),
    async (c) => {
      const { id } = c.req.valid("param");
      const viewer = c.var.user;
      const [row] = await c.var.db.query(selectOptions, { bookingId: id, viewerId: viewer.id, viewerRole: viewer.role }, { idempotent: true });
      if (!row) throw notFound("Booking");
      const rows = row.preferences as Row[];
      const party = (name: string) => rows.find((p) => p.party === name);
      const student = party("STUDENT");
      return c.json(
        {
          booking_id: id,
          status: row.status,
          deadline: student ? isoTime(student.deadline) : null,
          options: (row.options as Row[]).map(presentOption),
          preferences: {
            student: presentPreference(student, viewer.role === "ADMIN" || viewer.id === row.student_id),
            instructor: presentPreference(party("INSTRUCTOR"), viewer.role === "ADMIN" || viewer.id === row.instructor_id),
          },
        },
        200,
      );
    },
  )

  .put(
    "/:id/preferences",
    describeRoute({
      summary: "Rank a booking's reschedule options (student or instructor)",
      responses: { 200: jsonResponse(preferencesResponse, "the preference and what it decided") },
    }),
    validate("param", bookingId), validate("json", preferences),
    async (c) => {
      const { id } = c.req.valid("param");
      const { ranked_option_ids, unavailable_option_ids } = c.req.valid("json");
      const [row] = await c.var.db.query(submitPreferences, {
        bookingId: id, userId: c.var.user.id, rankedOptionIds: ranked_option_ids, unavailableOptionIds: unavailable_option_ids,
      });
      const result = (row?.result ?? {}) as Row;
      switch (result.error) {
        case undefined:
          break;
        case "not_found":
          throw notFound("Booking");
        case "forbidden":
          throw forbidden("Only the booking's student and instructor rank its options.");
        case "invalid_state":
          throw new ApiError("invalid_state", `Preferences are taken while a booking is RESCHEDULING; this one is ${String(result.status)}.`);
        case "deadline_passed":
          throw new ApiError("deadline_passed", `Preferences were due by ${isoTime(result.deadline)}.`, {
            extra: { deadline: isoTime(result.deadline) },
          });
        case "unknown_options": {
          const unknown = new Set(result.option_ids as string[]);
          const errors = [
            ...ranked_option_ids.map((o, i) => ({ o, path: `ranked_option_ids.${i}` })),
            ...unavailable_option_ids.map((o, i) => ({ o, path: `unavailable_option_ids.${i}` })),
          ]
            .filter(({ o }) => unknown.has(o))
            .map(({ path }) => ({ path, message: "is not one of this booking's current options" }));
          throw new ApiError("validation_failed", "Some option ids are not options of this booking.", { errors });
        }
        default:
          throw new Error(`unexpected preference refusal ${String(result.error)}`);
      }
      const preference = result.preference as Row;
      const outcome = result.outcome === "UNCHANGED" ? "ESCALATED" : String(result.outcome);
      return c.json(
        {
          booking_id: id,
          party: preference.party,
          ranked_option_ids: preference.ranked_option_ids,
          unavailable_option_ids: preference.unavailable_option_ids,
          submitted_at: isoTime(preference.submitted_at),
          deadline: isoTime(preference.deadline),
          outcome,
          booking: result.booking ? presentBooking(result.booking as BookingRow) : null,
        },
        200,
      );
    },
  );
