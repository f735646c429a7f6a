import * as v from "valibot";

export const bookingId = v.object({ id: v.pipe(v.string(), v.uuid("must be a UUID")) });

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
