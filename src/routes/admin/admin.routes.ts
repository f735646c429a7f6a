import { Hono, type Context } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../app-env";
import { requireRole } from "../../auth/guards";
import { jobNames, runJobNow, type JobName } from "../../jobs/registry";
import { decodeCursor, toPage } from "../../http/pagination";
import { isoTime, isoTimeOrNull } from "../../http/present";
import { ApiError, notFound } from "../../http/problem";
import { validate } from "../../http/validation";
import { jsonResponse } from "../../openapi/responses";
import { adminStatsSelect as selectStats } from "../../../sql/queries/admin/admin_stats_select.queries";
import { integrityChecksSelect as selectIntegrity } from "../../../sql/queries/admin/integrity_checks_select.queries";
import { jobRunsListRecent as listRuns, type JobRunsListRecentResult } from "../../../sql/queries/admin/job_runs_list_recent.queries";
import { metricRollupsListByPeriod as listRollups } from "../../../sql/queries/admin/metric_rollups_list_by_period.queries";
import {
  integrityResponse, jobName, jobRunPage, jobRunResponse, listJobRuns, metricsQuery, metricsResponse, statsResponse,
} from "./admin.schemas";

/** More rollups than this in one answer means the range is too wide to be useful at once. */
const MAX_ROLLUPS = 5_000;

interface TableStats {
  name: string;
  rows: number;
  exact: boolean;
  bytes: number;
}

interface RedisStats {
  status: "up" | "down" | "disabled";
  keyspace_hits: number | null;
  keyspace_misses: number | null;
}

/** A `job_runs` row, or its JSON copy the stats query builds (times as text). */
type RunRow = Omit<JobRunsListRecentResult, "cursor_at" | "stats"> & { stats: unknown };

/** A job run as the API shows it. */
function presentRun(row: RunRow) {
  return {
    id: row.id,
    job: row.job,
    scheduled_for: isoTime(row.scheduled_for),
    started_at: isoTime(row.started_at),
    finished_at: isoTimeOrNull(row.finished_at),
    status: row.status,
    stats: row.stats ?? {},
    error: row.error,
  };
}

const ratio = (hits: number, misses: number) => (hits + misses > 0 ? Math.round((hits / (hits + misses)) * 10_000) / 10_000 : null);

/** Redis's own hit counters (INFO stats); fetched alongside the database query, never after it. */
async function redisStats(c: Context<AppEnv>): Promise<RedisStats> {
  const redis = c.var.cache.redis;
  if (!redis) return { status: "disabled", keyspace_hits: null, keyspace_misses: null };
  try {
    const info = await redis.exec<string>(["INFO", "stats"]);
    const field = (name: string) => {
      const match = new RegExp(`^${name}:(\\d+)`, "m").exec(info);
      return match ? Number(match[1]) : null;
    };
    return { status: "up", keyspace_hits: field("keyspace_hits"), keyspace_misses: field("keyspace_misses") };
  } catch (error) {
    c.var.log.warn("cache_stats_unavailable", { error: error instanceof Error ? error.message : String(error) });
    return { status: "down", keyspace_hits: null, keyspace_misses: null };
  }
}

export const adminRoutes = new Hono<AppEnv>()
  .use("*", requireRole("ADMIN"))

  .get(
    "/stats",
    describeRoute({ summary: "Database size, row counts, cache hit ratios and each job's last run", responses: { 200: jsonResponse(statsResponse, "the figures") } }),
    async (c) => {
      const [[row], redis] = await Promise.all([c.var.db.query(selectStats, undefined, { idempotent: true }), redisStats(c)]);
      if (!row) throw new ApiError("internal_error", "The database returned no statistics.");
      // jsonb the statement builds in these shapes.
      const tables = (row.tables as unknown as TableStats[]).map((t) => ({ name: t.name, rows: Number(t.rows), rows_exact: t.exact, size_bytes: Number(t.bytes) }));
      const buffer = row.buffer_cache as { blocks_hit: number; blocks_read: number } | null;
      const lastRuns = new Map((row.last_runs as unknown as RunRow[]).map((r) => [r.job, presentRun(r)]));
      return c.json(
        {
          database_size_bytes: Number(row.database_bytes),
          tables,
          row_counts: Object.fromEntries(tables.map((t) => [t.name, t.rows])),
          cache_hit_ratio: {
            postgres: buffer ? ratio(Number(buffer.blocks_hit), Number(buffer.blocks_read)) : null,
            redis: redis.keyspace_hits !== null && redis.keyspace_misses !== null ? ratio(redis.keyspace_hits, redis.keyspace_misses) : null,
          },
          postgres_buffer_cache: buffer ? { blocks_hit: Number(buffer.blocks_hit), blocks_read: Number(buffer.blocks_read) } : null,
          redis,
          jobs: Object.fromEntries(jobNames.map((name) => [name, { last_run: lastRuns.get(name) ?? null }])),
        },
        200,
      );
    },
  )

  .get(
    "/integrity",
    describeRoute({ summary: "Integrity checks (orphans, overlapping bookings, stuck rescheduling, …)", responses: { 200: jsonResponse(integrityResponse, "each check and whether all passed") } }),
    async (c) => {
      const rows = await c.var.db.query(selectIntegrity, undefined, { idempotent: true });
      const checks = rows.map((r) => ({ name: r.name, ok: Number(r.count) === 0, count: Number(r.count) }));
      return c.json({ ok: checks.every((check) => check.ok), checks }, 200);
    },
  )

  .get(
    "/metrics",
    describeRoute({ summary: "Metric rollups per day, week or month", responses: { 200: jsonResponse(metricsResponse, "the rollups") } }),
    validate("query", metricsQuery),
    async (c) => {
      const { period, from, to } = c.req.valid("query");
      const rows = await c.var.db.query(listRollups, { period, fromDay: from, toDay: to, limit: MAX_ROLLUPS + 1 }, { idempotent: true });
      const truncated = rows.length > MAX_ROLLUPS;
      return c.json(
        {
          period,
          from: from ?? null,
          to: to ?? null,
          data: rows.slice(0, MAX_ROLLUPS).map((r) => ({
            period: r.period,
            period_start: String(r.period_start),
            metric: r.metric,
            dimensions: r.dimensions,
            value: Number(r.value),
            updated_at: isoTime(r.updated_at),
          })),
          truncated,
        },
        200,
      );
    },
  )

  .get(
    "/jobs",
    describeRoute({ summary: "Job runs, newest first", responses: { 200: jsonResponse(jobRunPage, "a page of runs") } }),
    validate("query", listJobRuns),
    async (c) => {
      const { name, limit, cursor } = c.req.valid("query");
      const after = decodeCursor(cursor, 2);
      const rows = await c.var.db.query(
        listRuns,
        { job: name, cursorAt: after?.[0]?.toString(), cursorId: after?.[1]?.toString(), limit: limit + 1 },
        { idempotent: true },
      );
      return c.json(toPage(rows, limit, (r) => [String(r.cursor_at), r.id], presentRun), 200);
    },
  )

  .post(
    "/jobs/:name/run",
    describeRoute({ summary: "Run a job now", responses: { 201: jsonResponse(jobRunResponse, "the finished run") } }),
    validate("param", jobName),
    async (c) => {
      const { name } = c.req.valid("param");
      if (!(jobNames as readonly string[]).includes(name)) throw notFound(`Job "${name}"`);
      const outcome = await runJobNow(name as JobName, c.env);
      if ("running" in outcome) {
        throw new ApiError("conflict", `A run of the ${name} job is already under way; see GET /v1/admin/jobs?name=${name}.`, {
          extra: { run_id: outcome.running },
        });
      }
      if ("retryAfterSeconds" in outcome) {
        const wait = outcome.retryAfterSeconds;
        throw new ApiError("rate_limited", `The ${name} job ran moments ago; try again in ${wait} s.`, {
          headers: { "retry-after": String(wait) },
        });
      }
      return c.json(presentRun(outcome.run), 201);
    },
  );
