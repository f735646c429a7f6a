import * as v from "valibot";
import { jobNames } from "../../jobs/registry";
import { pageQuery } from "../../http/pagination";

export const isoDate = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD"),
  v.check((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "must be a real calendar date"),
);

export const listJobRuns = v.object({
  name: v.optional(v.picklist(jobNames, `must be one of ${jobNames.join(", ")}`)),
  ...pageQuery,
});

/** Any name is accepted here: an unknown job is a 404, not a validation error. */
export const jobName = v.object({ name: v.pipe(v.string(), v.maxLength(100)) });

export const metricsQuery = v.pipe(
  v.object({
    period: v.optional(v.picklist(["daily", "weekly", "monthly"], "must be daily, weekly or monthly"), "daily"),
    from: v.optional(isoDate),
    to: v.optional(isoDate),
  }),
  v.forward(
    v.check((q) => q.from === undefined || q.to === undefined || q.from <= q.to, "must not be before from"),
    ["to"],
  ),
);
