import * as v from "valibot";
import { jobNames } from "../../jobs/registry";
import { pageQuery } from "../../http/pagination";
import { jsonObject, named, numberOrNull, pageOf, stringOrNull, timestamp, timestampOrNull, uuid } from "../../openapi/responses";

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

export const jobRunResponse = named(
  "JobRun",
  v.object({
    id: uuid,
    job: v.picklist(jobNames),
    scheduled_for: timestamp,
    started_at: timestamp,
    finished_at: timestampOrNull,
    status: v.string(),
    stats: jsonObject,
    error: stringOrNull,
  }),
);

export const jobRunPage = pageOf(jobRunResponse);

const ratioOrNull = v.nullable(v.number());

export const statsResponse = v.object({
  database_size_bytes: v.number(),
  tables: v.array(v.object({ name: v.string(), rows: v.number(), rows_exact: v.boolean(), size_bytes: v.number() })),
  row_counts: v.record(v.string(), v.number()),
  cache_hit_ratio: v.object({ postgres: ratioOrNull, redis: ratioOrNull }),
  postgres_buffer_cache: v.nullable(v.object({ blocks_hit: v.number(), blocks_read: v.number() })),
  redis: v.object({ status: v.picklist(["up", "down", "disabled"]), keyspace_hits: numberOrNull, keyspace_misses: numberOrNull }),
  jobs: v.record(v.string(), v.object({ last_run: v.nullable(jobRunResponse) })),
});

export const integrityResponse = v.object({
  ok: v.boolean(),
  checks: v.array(v.object({ name: v.string(), ok: v.boolean(), count: v.number() })),
});

export const metricsResponse = v.object({
  period: v.picklist(["daily", "weekly", "monthly"]),
  from: stringOrNull,
  to: stringOrNull,
  data: v.array(
    v.object({ period: v.string(), period_start: v.string(), metric: v.string(), dimensions: jsonObject, value: v.number(), updated_at: timestamp }),
  ),
  truncated: v.boolean(),
});
