import * as v from "valibot";
import { airportCode } from "../../airports/resolve";
import { lessonTypes } from "../../bookings/present";
import { pageQuery } from "../../http/pagination";
import { named, numberOrNull, pageOf, stringOrNull, timestamp, timestampOrNull } from "../../openapi/responses";
import { durationMinutes, futureInstant, instant } from "../bookings/bookings.schemas";

const uuid = v.pipe(v.string(), v.uuid("must be a UUID"));

export const standbyStatuses = ["WAITING", "PROMOTED", "WITHDRAWN", "EXPIRED"] as const;
export type StandbyStatus = (typeof standbyStatuses)[number];

/** A standby window never spans more than two weeks. */
export const MAX_WINDOW_DAYS = 14;

const minutesBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;

export const standbyEntryId = v.object({ id: uuid });

export const createStandbyEntry = v.pipe(
  v.strictObject({
    student_id: uuid,
    departure_airport: airportCode,
    window_start: instant,
    window_end: futureInstant,
    duration_minutes: durationMinutes,
    instructor_id: v.optional(v.nullable(uuid), null),
    aircraft_type_code: v.optional(
      v.nullable(
        v.pipe(
          v.string(),
          v.toUpperCase(),
          v.regex(/^[A-Z][A-Z0-9]{1,3}$/, "must be an ICAO aircraft type designator such as C172"),
        ),
      ),
      null,
    ),
    lesson_type: v.optional(v.picklist(lessonTypes, `must be one of ${lessonTypes.join(", ")}`), "DUAL"),
  }),
  v.forward(
    v.check((e) => minutesBetween(e.window_start, e.window_end) > 0, "must be after window_start"),
    ["window_end"],
  ),
  v.forward(
    v.check(
      (e) => minutesBetween(e.window_start, e.window_end) <= MAX_WINDOW_DAYS * 24 * 60,
      `must be at most ${MAX_WINDOW_DAYS} days after window_start`,
    ),
    ["window_end"],
  ),
  v.forward(
    v.check((e) => e.duration_minutes <= minutesBetween(e.window_start, e.window_end), "must fit inside the window"),
    ["duration_minutes"],
  ),
  v.forward(
    v.check((e) => e.lesson_type !== "SOLO" || e.aircraft_type_code !== null, "is required for a SOLO flight"),
    ["aircraft_type_code"],
  ),
);

export const listStandbyEntries = v.object({
  student_id: v.optional(uuid),
  status: v.optional(v.picklist(standbyStatuses, `must be one of ${standbyStatuses.join(", ")}`)),
  ...pageQuery,
});

export const standbyEntryResponse = named(
  "StandbyEntry",
  v.object({
    id: uuid,
    student_id: uuid,
    departure_airport: v.string(),
    window_start: timestamp,
    window_end: timestamp,
    duration_minutes: v.number(),
    instructor_id: v.nullable(uuid),
    aircraft_type_code: stringOrNull,
    lesson_type: v.picklist(lessonTypes),
    status: v.picklist(standbyStatuses),
    position: numberOrNull,
    booking_id: v.nullable(uuid),
    promoted_at: timestampOrNull,
    created_by: v.nullable(uuid),
    created_at: timestamp,
    updated_at: timestamp,
  }),
);

export const standbyPage = pageOf(standbyEntryResponse);
