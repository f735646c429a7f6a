import * as v from "valibot";
import { airportCode } from "../../airports/resolve";
import { trainingLevels } from "../../auth/user";
import { lessonTypes, riskReasons } from "../../bookings/present";
import { bookingStatuses } from "../../bookings/status";
import { pageQuery } from "../../http/pagination";
import { named, numberOrNull, pageOf, timestamp, timestampOrNull, uuidOrNull } from "../../openapi/responses";

const uuid = v.pipe(v.string(), v.uuid("must be a UUID"));

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;

/** Whether the text is a real instant written as RFC 3339 (no February 30th, no hour 24). */
function isRfc3339(text: string): boolean {
  const m = RFC3339.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59;
}

/** An instant as RFC 3339 with an offset, e.g. 2026-05-01T14:00:00Z; kept as text for Postgres. */
export const instant = v.pipe(
  v.string(),
  v.maxLength(40),
  v.transform((text) => text.toUpperCase()),
  v.check(isRfc3339, "must be an RFC 3339 timestamp such as 2026-05-01T14:00:00Z"),
);

export const futureInstant = v.pipe(
  instant,
  v.check((text) => Date.parse(text) > Date.now(), "must be in the future"),
);

export const durationMinutes = v.pipe(
  v.number("must be a number"),
  v.integer("must be a whole number of minutes"),
  v.minValue(15, "must be at least 15 minutes"),
  v.maxValue(720, "must be at most 720 minutes"),
);

export const bookingId = v.object({ id: uuid });

export const createBooking = v.strictObject({
  student_id: uuid,
  instructor_id: uuid,
  aircraft_id: v.optional(v.nullable(uuid), null),
  departure_airport: airportCode,
  arrival_airport: airportCode,
  scheduled_at: futureInstant,
  duration_minutes: v.optional(durationMinutes, 60),
  lesson_type: v.optional(v.picklist(lessonTypes, `must be one of ${lessonTypes.join(", ")}`), "DUAL"),
  override_availability: v.optional(v.boolean("must be true or false"), false),
  override_rules: v.optional(v.boolean("must be true or false"), false),
});

export const updateBooking = v.pipe(
  v.strictObject({
    scheduled_at: v.optional(futureInstant),
    duration_minutes: v.optional(durationMinutes),
    aircraft_id: v.optional(v.nullable(uuid)),
    override_availability: v.optional(v.boolean("must be true or false"), false),
    override_rules: v.optional(v.boolean("must be true or false"), false),
  }),
  v.check(
    (b) => b.scheduled_at !== undefined || b.duration_minutes !== undefined || b.aircraft_id !== undefined,
    "send at least one of scheduled_at, duration_minutes, aircraft_id",
  ),
);

/** Why a flight was cancelled, as schools bill by it (docs/contract.md, cancellation policy). */
export const cancellationCategories = ["WEATHER", "MAINTENANCE", "ILLNESS", "STUDENT", "INSTRUCTOR", "OTHER"] as const;

export const cancelBooking = v.strictObject({
  category: v.optional(
    v.picklist(cancellationCategories, `must be one of ${cancellationCategories.join(", ")}`),
    "OTHER",
  ),
  reason: v.pipe(
    v.string("must be a string"),
    v.check((text) => text.trim().length > 0, "must not be empty"),
    // Postgres text cannot hold NUL.
    v.check((text) => !text.includes("\u0000"), "must not contain NUL characters"),
    v.maxLength(1000, "must be at most 1000 characters"),
  ),
});

export const listBookings = v.object({
  status: v.optional(v.picklist(bookingStatuses, `must be one of ${bookingStatuses.join(", ")}`)),
  from: v.optional(instant),
  to: v.optional(instant),
  student_id: v.optional(uuid),
  instructor_id: v.optional(uuid),
  aircraft_id: v.optional(uuid),
  ...pageQuery,
});

/** A booking as `presentBooking` shows it (src/bookings/present.ts). */
export const bookingResponse = named(
  "Booking",
  v.object({
    id: uuid,
    student_id: uuid,
    instructor_id: uuid,
    aircraft_id: uuidOrNull,
    departure_airport: v.string(),
    arrival_airport: v.string(),
    departure_latitude: v.number(),
    departure_longitude: v.number(),
    arrival_latitude: v.number(),
    arrival_longitude: v.number(),
    scheduled_at: timestamp,
    ends_at: timestamp,
    duration_minutes: v.number(),
    status: v.picklist(bookingStatuses),
    training_level: v.picklist(trainingLevels),
    original_booking_id: uuidOrNull,
    rescheduled_to: uuidOrNull,
    weather_status: v.nullable(v.picklist(["OK", "VIOLATION", "UNKNOWN"])),
    weather_checked_at: timestampOrNull,
    lesson_type: v.picklist(lessonTypes),
    risk_reasons: v.array(v.picklist(riskReasons)),
    // A rule in warn mode names its `rule`; a finding an admin overrode says `overridden`, and an
    // aircraft finding names its `kind` instead of a rule. Findings may carry figures (the duty window).
    warnings: v.array(
      v.looseObject({ detail: v.string(), rule: v.optional(v.string()), kind: v.optional(v.string()), overridden: v.optional(v.boolean()) }),
    ),
    dispatched_at: timestampOrNull,
    checked_in_at: timestampOrNull,
    hobbs_out: numberOrNull,
    hobbs_in: numberOrNull,
    tach_out: numberOrNull,
    tach_in: numberOrNull,
    flight_hours: numberOrNull,
    cancellation: v.nullable(v.object({ category: v.picklist(cancellationCategories), late: v.boolean(), no_fault: v.boolean() })),
    created_at: timestamp,
    updated_at: timestamp,
  }),
);

export const bookingPage = pageOf(bookingResponse);
