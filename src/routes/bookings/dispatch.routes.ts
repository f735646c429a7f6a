import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../app-env";
import { presentBooking } from "../../bookings/present";
import { dispatchRefused } from "../../bookings/refusal";
import type { TrainingLevel } from "../../auth/user";
import { checkWeather, crosswindContextFrom, minimumsFrom, type WeatherCheck } from "../../domain/weather";
import { ApiError, forbidden, notFound, validationFailed, type FieldError } from "../../http/problem";
import { validate } from "../../http/validation";
import { jsonResponse } from "../../openapi/responses";
import { loadTafs, storeForecasts, WeatherUnavailable, type LoadedTafs } from "../../weather/provider";
import { presentSquawk, type SquawkRow } from "../aircraft/airworthiness.routes";
import { bookingId, bookingResponse } from "./bookings.schemas";
import { checkedInResponse, checkInBooking, dispatchBooking } from "./dispatch.schemas";
import { bookingsSelectForDispatch as selectForDispatch } from "../../../sql/queries/bookings/bookings_select_for_dispatch.queries";
import { bookingsUpdateDispatched as updateDispatched } from "../../../sql/queries/bookings/bookings_update_dispatched.queries";
import { bookingsUpdateCheckedIn as updateCheckedIn } from "../../../sql/queries/bookings/bookings_update_checked_in.queries";
import { lastRows, statement } from "../../db/client";

/** A dispatch may start an hour before the flight, as the aircraft is pre-flighted. */
const DISPATCH_LEAD_MS = 60 * 60_000;

const refused = (failures: { rule: string; detail: string }[], extra: Record<string, unknown> = {}) =>
  new ApiError("dispatch_refused", failures.map((f) => f.detail).join(" "), { extra: { failures, ...extra } });

export const dispatchRoutes = new Hono<AppEnv>()
  .post(
    "/:id/dispatch",
    describeRoute({
      summary: "Dispatch a flight: hand the aircraft over with its meters out",
      description:
        "The booking's instructor or an admin, from 60 minutes before scheduled_at to ends_at. Re-checks the aircraft and every booking rule, and the weather now (a VIOLATION refuses); an AT_RISK booking only with an admin's override_rules.",
      responses: { 200: jsonResponse(bookingResponse, "the DISPATCHED booking") },
    }),
    validate("param", bookingId),
    validate("json", dispatchBooking),
    async (c) => {
      const { id } = c.req.valid("param");
      const d = c.req.valid("json");
      const viewer = c.var.user;
      const [booking] = await c.var.db.query(selectForDispatch, { bookingId: id, viewerId: viewer.id, viewerRole: viewer.role }, { idempotent: true });
      if (!booking) throw notFound("Booking");
      if (viewer.role !== "ADMIN" && booking.instructor_id !== viewer.id) throw forbidden("Only the booking's instructor or an admin can dispatch it.");
      if (d.override_rules && viewer.role !== "ADMIN") throw forbidden("Only admins can override the booking rules.");
      const status = booking.status;
      if (status === "DISPATCHED") throw new ApiError("invalid_state", "The booking is already dispatched.");
      if (status !== "CONFIRMED" && status !== "AT_RISK") throw new ApiError("invalid_state", `A ${status} booking cannot be dispatched.`);
      if (booking.aircraft_id === null) throw new ApiError("invalid_state", "The booking has no aircraft to dispatch.");
      const now = Date.now();
      const startsAt = booking.scheduled_at;
      const endsAt = booking.ends_at;
      if (now < startsAt.getTime() - DISPATCH_LEAD_MS) {
        throw new ApiError("invalid_state", "Dispatch opens 60 minutes before the flight.");
      }
      if (now > endsAt.getTime()) throw new ApiError("invalid_state", "The flight's time is over; it can no longer be dispatched.");
      const errors: FieldError[] = [];
      if (d.hobbs_out < Number(booking.aircraft_hobbs)) errors.push({ path: "hobbs_out", message: `is below the aircraft's hobbs (${Number(booking.aircraft_hobbs)})` });
      if (d.tach_out < Number(booking.aircraft_tach)) errors.push({ path: "tach_out", message: `is below the aircraft's tach (${Number(booking.aircraft_tach)})` });
      if (errors.length > 0) throw validationFailed(errors);
      if (status === "AT_RISK" && !d.override_rules) {
        throw refused(
          booking.risk_reasons.map((reason) => ({
            rule: reason,
            detail: `The booking is AT_RISK (${reason}); only an admin's override_rules dispatches it.`,
          })),
        );
      }

      // The weather now, as a weather check reads it; without a forecast nothing is known (not a violation).
      const airports = [booking.departure_airport, booking.arrival_airport];
      let loaded: LoadedTafs = { tafs: new Map(), fetched: [], calls: 0 };
      try {
        loaded = await loadTafs(c.var, airports);
      } catch (error) {
        if (!(error instanceof WeatherUnavailable)) throw error;
        c.var.log.warn("weather_unavailable", { booking_id: id, error: error.message });
      }
      const weather: WeatherCheck = checkWeather(
        { startsAt, endsAt, airports },
        loaded.tafs,
        minimumsFrom(booking.minimums, booking.training_level as TrainingLevel),
        crosswindContextFrom(booking.runways, booking.aircraft_crosswind_limit_kt),
      );
      if (weather.weather_status === "VIOLATION") {
        throw refused(
          [{ rule: "weather", detail: `The forecast breaks the ${booking.training_level} minimums (${[...new Set(weather.violations.map((v) => v.rule))].join(", ")}).` }],
          { violations: weather.violations },
        );
      }
      const results = await c.var.db
        .batch([
          ...storeForecasts(loaded.fetched),
          statement(updateDispatched, {
            bookingId: id, actorId: viewer.id, hobbsOut: d.hobbs_out, tachOut: d.tach_out, overrideRules: d.override_rules,
            weatherStatus: weather.weather_status, weatherCheckedAt: new Date(), violations: JSON.stringify(weather.violations),
          }),
        ])
        .catch((error: unknown) => {
          throw error instanceof ApiError && ["aircraft_unavailable", "rule_failed", "duty_limit_exceeded"].includes(error.code)
            ? dispatchRefused(error)
            : error;
        });
      const row = lastRows(results)[0];
      if (!row) throw new ApiError("invalid_state", "The booking changed meanwhile (dispatched already, or its aircraft's meters moved).");
      return c.json(presentBooking(row), 200);
    },
  )

  .post(
    "/:id/check-in",
    describeRoute({
      summary: "Check a dispatched flight in: meters in, squawks filed, booking COMPLETED",
      description:
        "The booking's student, instructor or an admin. flight_hours = hobbs_in − hobbs_out; the aircraft's totals advance to the new readings and its maintenance items' remaining hours follow, all in one transaction.",
      responses: { 200: jsonResponse(checkedInResponse, "the COMPLETED booking with the squawks filed") },
    }),
    validate("param", bookingId),
    validate("json", checkInBooking),
    async (c) => {
      const { id } = c.req.valid("param");
      const b = c.req.valid("json");
      const viewer = c.var.user;
      const [row] = await c.var.db.query(updateCheckedIn, {
        bookingId: id, actorId: viewer.id, actorRole: viewer.role, hobbsIn: b.hobbs_in, tachIn: b.tach_in, squawks: JSON.stringify(b.squawks),
      });
      if (!row) throw notFound("Booking");
      if (row.id === null) {
        const status = row.seen_status;
        if (status === "COMPLETED") throw new ApiError("invalid_state", "The flight is already checked in.");
        if (status !== "DISPATCHED") throw new ApiError("invalid_state", `A ${status} booking was never dispatched; dispatch it before checking in.`);
        const errors: FieldError[] = [];
        if (!row.hobbs_forward) errors.push({ path: "hobbs_in", message: `is below hobbs_out (${Number(row.seen_hobbs_out)}) or the aircraft's hobbs` });
        if (!row.tach_forward) errors.push({ path: "tach_in", message: `is below tach_out (${Number(row.seen_tach_out)}) or the aircraft's tach` });
        if (row.hobbs_forward && !row.hobbs_within_day) errors.push({ path: "hobbs_in", message: "is more than 24 hours after hobbs_out" });
        if (row.tach_forward && !row.tach_within_day) errors.push({ path: "tach_in", message: "is more than 24 hours after tach_out" });
        if (errors.length > 0) throw validationFailed(errors);
        throw new ApiError("invalid_state", "The booking changed meanwhile; it is no longer dispatched.");
      }
      return c.json({ ...presentBooking(row), squawks: (row.squawks as unknown as SquawkRow[]).map(presentSquawk) }, 200);
    },
  );
