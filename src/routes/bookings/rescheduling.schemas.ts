import * as v from "valibot";
import { bookingStatuses } from "../../bookings/status";
import { named, stringOrNull, timestamp, timestampOrNull, uuid, uuidOrNull } from "../../openapi/responses";
import { bookingResponse } from "./bookings.schemas";

const noRepeats = (ids: string[]) => new Set(ids).size === ids.length;

const optionIds = (min: number, max: number) =>
  v.pipe(
    v.array(v.pipe(v.string(), v.uuid("must be an option id"), v.toLowerCase())),
    v.minLength(min, `must list at least ${min} option${min === 1 ? "" : "s"}`),
    v.maxLength(max, `must list at most ${max} options`),
    v.check(noRepeats, "must not list an option twice"),
  );

/** PUT /v1/bookings/:id/preferences: best first; the unavailable ones must not be ranked too. */
export const preferences = v.pipe(
  v.strictObject({
    ranked_option_ids: optionIds(1, 3),
    unavailable_option_ids: v.optional(optionIds(0, 5), []),
  }),
  v.forward(
    v.check((p) => !p.unavailable_option_ids.some((id) => p.ranked_option_ids.includes(id)), "must not also be ranked"),
    ["unavailable_option_ids"],
  ),
);

/** One way the forecast breaks a level's minimums (src/domain/weather.ts, Violation). */
export const violationResponse = named(
  "WeatherViolation",
  v.object({
    airport: v.string(),
    period_from: v.string(),
    period_to: v.string(),
    change: v.string(),
    rule: v.picklist(["ceiling", "visibility", "wind", "gust", "thunderstorms", "icing", "crosswind"]),
    observed: v.union([v.number(), v.string()]),
    limit: v.union([v.number(), v.string()]),
    runway: v.optional(stringOrNull),
  }),
);

const weatherStatus = v.picklist(["OK", "VIOLATION", "UNKNOWN"]);

export const weatherCheckResponse = v.object({
  booking_id: uuid,
  weather_status: weatherStatus,
  violations: v.array(violationResponse),
  booking_status: v.picklist(bookingStatuses),
  checked_at: timestampOrNull,
});

export const rescheduleOptionResponse = named(
  "RescheduleOption",
  v.object({
    id: uuid,
    suggested_at: timestamp,
    ends_at: timestamp,
    confidence: v.number(),
    weather_status: weatherStatus,
    reasons: v.array(v.string()),
    aircraft_id: uuidOrNull,
  }),
);

export const rescheduleOfferResponse = v.object({
  booking_id: uuid,
  status: v.picklist(bookingStatuses),
  deadline: timestamp,
  options: v.array(rescheduleOptionResponse),
});

/** One party's preference; the ranking only for that party and admins (presentPreference). */
const preferenceStatus = v.nullable(
  v.object({
    submitted: v.boolean(),
    submitted_at: timestampOrNull,
    deadline: timestamp,
    reminder_sent_at: timestampOrNull,
    escalated_at: timestampOrNull,
    ranked_option_ids: v.optional(v.array(uuid)),
    unavailable_option_ids: v.optional(v.array(uuid)),
  }),
);

export const rescheduleOptionsResponse = v.object({
  booking_id: uuid,
  status: v.picklist(bookingStatuses),
  deadline: timestampOrNull,
  options: v.array(rescheduleOptionResponse),
  preferences: v.object({ student: preferenceStatus, instructor: preferenceStatus }),
});

export const preferencesResponse = v.object({
  booking_id: uuid,
  party: v.picklist(["STUDENT", "INSTRUCTOR"]),
  ranked_option_ids: v.array(uuid),
  unavailable_option_ids: v.array(uuid),
  submitted_at: timestamp,
  deadline: timestamp,
  outcome: v.string(),
  booking: v.nullable(bookingResponse),
});
