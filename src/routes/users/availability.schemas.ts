import * as v from "valibot";
import { datesInRange } from "../../domain/availability";
import { isCalendarDate, isTimeOfDay, minutesOfDay } from "../../domain/timezone";
import { named, stringOrNull, timestamp } from "../../openapi/responses";

/** Longest range GET /availability answers, counting both end dates. */
export const MAX_RANGE_DAYS = 62;

const uuid = v.pipe(v.string(), v.uuid("must be a UUID"));
const date = v.pipe(v.string(), v.check(isCalendarDate, "must be a calendar date written YYYY-MM-DD"));
const timeOfDay = v.pipe(v.string(), v.check(isTimeOfDay, "must be a time of day written HH:MM (00:00 to 24:00)"));

/** The end of a window comes after its start (both wall-clock on the same date). */
const endsAfterStart = (w: { start_time: string | null; end_time: string | null }) =>
  w.start_time === null ||
  w.end_time === null ||
  // A malformed time already has its own error.
  !isTimeOfDay(w.start_time) ||
  !isTimeOfDay(w.end_time) ||
  minutesOfDay(w.end_time) > minutesOfDay(w.start_time);

/** Range checks only make sense once both ends are dates (each has its own error otherwise). */
const bothDates = (r: { from: string; to: string }) => isCalendarDate(r.from) && isCalendarDate(r.to);
const AFTER_START = "must be after start_time";

export const userIdParam = v.object({ id: uuid });
export const overrideParams = v.object({ id: uuid, override_id: uuid });

export const weeklyPatterns = v.pipe(
  v.array(
    v.pipe(
      v.strictObject({
        day_of_week: v.pipe(v.number(), v.integer("must be a whole number"), v.minValue(0), v.maxValue(6)),
        start_time: timeOfDay,
        end_time: timeOfDay,
      }),
      v.forward(v.check((w) => endsAfterStart(w), AFTER_START), ["end_time"]),
    ),
  ),
  v.maxLength(200, "at most 200 windows a week"),
);

export const createOverride = v.pipe(
  v.strictObject({
    date,
    start_time: v.optional(v.nullable(timeOfDay), null),
    end_time: v.optional(v.nullable(timeOfDay), null),
    is_blocked: v.optional(v.boolean(), true),
    reason: v.optional(v.nullable(v.pipe(v.string(), v.trim(), v.maxLength(500))), null),
  }),
  v.forward(
    v.check((o) => (o.start_time === null) === (o.end_time === null), "give both start_time and end_time, or neither for the whole day"),
    ["end_time"],
  ),
  v.forward(v.check((w) => endsAfterStart(w), AFTER_START), ["end_time"]),
);

export const availabilityRange = v.pipe(
  v.object({ from: date, to: date }),
  v.forward(v.check((r) => !bothDates(r) || r.to >= r.from, "must not be before from"), ["to"]),
  v.forward(
    v.check((r) => !bothDates(r) || datesInRange(r.from, r.to) <= MAX_RANGE_DAYS, `the range covers at most ${MAX_RANGE_DAYS} days, from and to included`),
    ["to"],
  ),
);

const weeklyWindowResponse = v.object({ id: uuid, day_of_week: v.number(), start_time: v.string(), end_time: v.string() });

export const patternsResponse = v.object({ user_id: uuid, timezone: v.string(), patterns: v.array(weeklyWindowResponse) });
/** The PUT answers the new windows without the zone. */
export const replacedPatternsResponse = v.object({ user_id: uuid, patterns: v.array(weeklyWindowResponse) });

export const overrideResponse = named(
  "AvailabilityOverride",
  v.object({
    id: uuid,
    user_id: uuid,
    date: v.string(),
    start_time: stringOrNull,
    end_time: stringOrNull,
    is_blocked: v.boolean(),
    reason: stringOrNull,
    created_at: timestamp,
    updated_at: timestamp,
  }),
);

export const freeSlotsResponse = v.object({
  user_id: uuid,
  timezone: v.string(),
  from: v.string(),
  to: v.string(),
  slots: v.array(v.object({ start: timestamp, end: timestamp })),
});
