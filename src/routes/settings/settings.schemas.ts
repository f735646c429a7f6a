import * as v from "valibot";
import { timestamp, timestampOrNull } from "../../openapi/responses";
import { trainingLevels } from "../../auth/user";
import { MinimumsByLevelSchema } from "../../domain/weather";

/** PUT /v1/settings/weather-minimums: every training level, every rule (null = no minimum). */
export const weatherMinimums = MinimumsByLevelSchema;

const ruleMode = v.picklist(["block", "warn", "off"], "must be block, warn or off");
const wholeNumber = (min: number, max: number) =>
  v.pipe(v.number("must be a number"), v.integer("must be a whole number"), v.minValue(min, `must be at least ${min}`), v.maxValue(max, `must be at most ${max}`));
/** A rule's changes: its mode and, for some, their parameters; what is left out stays. */
const rule = <P extends v.ObjectEntries>(params: P) => v.optional(v.strictObject({ mode: v.optional(ruleMode), ...params }));

/**
 * PUT /v1/settings/booking-rules: the rules of the contract's table (an unknown rule name is
 * refused), each with its mode and parameters, and the cancellation policy's late_cancel_hours.
 */
export const bookingRules = v.strictObject({
  rules: v.optional(
    v.strictObject({
      instructor_certificate: rule({}),
      solo_endorsement: rule({}),
      medical: rule({}),
      flight_review: rule({}),
      aircraft_checkout: rule({}),
      daylight: rule({
        levels: v.optional(
          v.pipe(
            v.array(v.picklist(trainingLevels, `must be one of ${trainingLevels.join(", ")}`)),
            v.check((levels) => new Set(levels).size === levels.length, "must not list a level twice"),
          ),
        ),
      }),
      instructor_duty: rule({ max_minutes: v.optional(wholeNumber(60, 1440)) }),
      booking_horizon: rule({ days: v.optional(wholeNumber(1, 3650)) }),
      student_active_bookings: rule({ max: v.optional(wholeNumber(1, 1000)) }),
    }),
  ),
  late_cancel_hours: v.optional(wholeNumber(0, 168)),
});

export const weatherMinimumsResponse = v.object({
  minimums: MinimumsByLevelSchema,
  updated_at: timestamp,
  updated_by: v.nullable(v.string()),
});

const ruleState = v.looseObject({ mode: ruleMode });

export const bookingRulesResponse = v.object({
  rules: v.object({
    instructor_certificate: ruleState,
    solo_endorsement: ruleState,
    medical: ruleState,
    flight_review: ruleState,
    aircraft_checkout: ruleState,
    daylight: v.looseObject({ mode: ruleMode, levels: v.array(v.picklist(trainingLevels)) }),
    instructor_duty: v.looseObject({ mode: ruleMode, max_minutes: v.number() }),
    booking_horizon: v.looseObject({ mode: ruleMode, days: v.number() }),
    student_active_bookings: v.looseObject({ mode: ruleMode, max: v.number() }),
  }),
  late_cancel_hours: v.number(),
  updated_at: timestampOrNull,
  updated_by: v.nullable(v.string()),
});
