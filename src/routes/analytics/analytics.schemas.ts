import * as v from "valibot";

/** `GET /v1/analytics/delays` (DelayFigures in src/flights/analytics.ts). */
export const delayFiguresResponse = v.object({
  rows: v.array(
    v.object({
      key: v.union([v.string(), v.number()]),
      flights: v.number(),
      on_time_pct: v.number(),
      avg_delay_minutes: v.number(),
      median_delay_minutes: v.number(),
      p90_delay_minutes: v.number(),
    }),
  ),
  source: v.picklist(["rollup", "flights"]),
});
