// Benchmarks of the cron jobs' SQL on a throwaway local stack: the deadlines job with 10,000 due
// preferences and the cleanup job with 1,000,000 old read notifications. Each statement is run
// exactly as the job runs it (same statements, same chunk sizes, as the application's role) and timed.
// Standalone: npx tsx bench/jobs.ts
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { startStack } from "../dev/stack.ts";
import type { PreparedQuery } from "../src/db/typed.ts";
import { CLOSE_CHUNK, closeDue, completeFinished, deadlineReminders, inChunks, oldNotifications, REMINDER_CHUNK, total, type ChunkedStatement, type Statements } from "../src/jobs/chunks.ts";
import { deadlineWalks } from "../src/jobs/deadlines.ts";
import { cleanupIdempotencyKeysOlderThan } from "../sql/queries/cleanup/cleanup_idempotency_keys_older_than.queries.ts";
import { cleanupMaintenanceDueJob } from "../sql/queries/cleanup/cleanup_maintenance_due_job.queries.ts";
import { cleanupMetricRollupsJob } from "../sql/queries/cleanup/cleanup_metric_rollups_job.queries.ts";
import { cleanupReschedulingJob } from "../sql/queries/cleanup/cleanup_rescheduling_job.queries.ts";
import { cleanupStandbyExpiredJob } from "../sql/queries/cleanup/cleanup_standby_expired_job.queries.ts";
import { cleanupSystemLogsOlderThan } from "../sql/queries/cleanup/cleanup_system_logs_older_than.queries.ts";
import { cleanupSystemLogsPartitionsJob } from "../sql/queries/cleanup/cleanup_system_logs_partitions_job.queries.ts";

export interface JobBench {
  job: string;
  rows: number;
  statements: number;
  /** The statements' own times, added up. */
  total_ms: number;
  /** From the first statement's start to the last one's end: less than total_ms where walks run side by side. */
  wall_ms: number;
  /** Rows over wall_ms. */
  rows_per_second: number;
  longest_statement_ms: number;
  longest_statement: string;
  /** Per statement: how many ran and the longest, so a slow step is named. */
  by_statement: Record<string, { count: number; longest_ms: number }>;
}

export interface JobsBenchResult {
  deadlines: JobBench;
  cleanup: JobBench;
}

class Timer {
  statements = 0;
  total = 0;
  longest = 0;
  longestName = "";
  byName: JobBench["by_statement"] = {};

  first = Number.POSITIVE_INFINITY;
  last = 0;

  async run<P, R>(client: pg.Client | pg.Pool, name: string, query: PreparedQuery<P, R>, params: P): Promise<R[]> {
    const started = performance.now();
    this.first = Math.min(this.first, started);
    const result = await client.query(query.text, query.bind(params));
    this.last = performance.now();
    const took = this.last - started;
    this.statements++;
    this.total += took;
    const seen = (this.byName[name] ??= { count: 0, longest_ms: 0 });
    seen.count++;
    seen.longest_ms = Math.max(seen.longest_ms, Math.round(took));
    if (took > this.longest) {
      this.longest = took;
      this.longestName = name;
    }
    return result.rows as R[];
  }

  /** The job's chunked walk, each chunk timed under `name` (with its chunk size). */
  async walk<P, R>(client: pg.Client, name: string, statement: ChunkedStatement<P, R>): Promise<R[]> {
    const timed: Statements = { query: (query, params) => this.run(client, `${name} (chunk of ${statement.chunk})`, query, params) };
    return inChunks(timed, statement, Number.POSITIVE_INFINITY);
  }

  report(job: string, rows: number): JobBench {
    const wall = this.last - this.first;
    return {
      job,
      rows,
      statements: this.statements,
      total_ms: Math.round(this.total),
      wall_ms: Math.round(wall),
      rows_per_second: Math.round(rows / (wall / 1000)),
      longest_statement_ms: Math.round(this.longest),
      longest_statement: this.longestName,
      by_statement: this.byName,
    };
  }
}

/** Students and instructors in pairs; each pair flies every 20th booking. */
const CREWS = 20;

/** 5,000 bookings past their deadline (10,000 preferences to close) and 5,000 due a reminder. */
export async function seedDeadlines(owner: pg.Client, now: Date): Promise<void> {
  await owner.query(`
    INSERT INTO users (auth_subject, email, first_name, last_name, role, training_level)
    SELECT 'bench|' || lower(r.role) || n, 'bench.' || lower(r.role) || n || '@example.test', 'Bench', initcap(r.role),
           r.role, CASE r.role WHEN 'STUDENT' THEN 'STUDENT_PILOT' END
    FROM (VALUES ('STUDENT'), ('INSTRUCTOR')) AS r (role), generate_series(0, ${CREWS - 1}) n
    UNION ALL VALUES
      ('bench|admin1', 'bench.admin1@example.test', 'Bench', 'Admin', 'ADMIN', NULL),
      ('bench|admin2', 'bench.admin2@example.test', 'Bench', 'Admin', 'ADMIN', NULL)`);
  // A booking every 50 minutes within the booking horizon, crews taking turns so no one overlaps
  // or passes the instructor duty limit; the first 5,000 are overdue, the next 5,000 due a reminder.
  await owner.query(
    `WITH people AS (
       SELECT n, (SELECT id FROM users WHERE auth_subject = 'bench|student' || n) AS student,
              (SELECT id FROM users WHERE auth_subject = 'bench|instructor' || n) AS instructor
       FROM generate_series(0, ${CREWS - 1}) n
     ), created AS (
       INSERT INTO bookings (student_id, instructor_id, departure_airport, arrival_airport, departure_latitude,
                             departure_longitude, arrival_latitude, arrival_longitude, scheduled_at, status, training_level)
       SELECT p.student, p.instructor, a.icao, a.icao, a.latitude, a.longitude, a.latitude, a.longitude,
              $1::timestamptz + interval '1 day' + make_interval(mins => 50 * g), 'RESCHEDULING', 'STUDENT_PILOT'
       FROM generate_series(1, 10000) g JOIN people p ON p.n = g % ${CREWS}, (SELECT * FROM airports ORDER BY icao LIMIT 1) a
       RETURNING id, scheduled_at
     ), numbered AS (
       SELECT id, scheduled_at, row_number() OVER (ORDER BY scheduled_at) AS n FROM created
     ), offered AS (
       INSERT INTO reschedule_options (booking_id, position, suggested_at, ends_at, confidence, weather_status)
       SELECT id, 1, scheduled_at + interval '30 days', scheduled_at + interval '30 days 1 hour', 0.7, 'OK' FROM numbered
     )
     INSERT INTO preference_rankings (booking_id, party, deadline)
     SELECT n.id, party, CASE WHEN n.n <= 5000 THEN $1::timestamptz - interval '1 minute'
                              ELSE $1::timestamptz + interval '1 hour' END
     FROM numbered n CROSS JOIN (VALUES ('STUDENT'), ('INSTRUCTOR')) AS p (party)`,
    [now.toISOString()],
  );
  await owner.query("ANALYZE bookings; ANALYZE preference_rankings; ANALYZE notifications");
}

/** The deadlines job's own walks (side by side, as it runs them), on two connections as the application's role. */
async function benchDeadlines(app: pg.Pool, now: Date): Promise<JobBench> {
  const timer = new Timer();
  const names = new Map<unknown, string>([
    [deadlineReminders("").query, `deadline reminders (chunk of ${REMINDER_CHUNK})`],
    [closeDue("").query, `close due (chunk of ${CLOSE_CHUNK})`],
  ]);
  const timed: Statements = { query: (query, params) => timer.run(app, names.get(query) ?? "statement", query, params) };
  const { reminded, closed } = await deadlineWalks(timed, now.toISOString());
  // Preferences handled: one reminder per pending preference, and both preferences of each closed booking.
  return timer.report("deadlines", total(reminded, "reminders_sent") + total(closed, "processed") * 2);
}

async function seedNotifications(owner: pg.Client, now: Date): Promise<void> {
  await owner.query(
    `INSERT INTO notifications (user_id, type, title, created_at, read_at)
     SELECT (SELECT id FROM users WHERE auth_subject = 'bench|student0'), 'CONFIRMATION', 'Flight booked',
            $1::timestamptz - interval '200 days' + make_interval(secs => g), $1::timestamptz - interval '150 days'
     FROM generate_series(1, 1000000) g`,
    [now.toISOString()],
  );
  await owner.query("ANALYZE notifications");
}

async function benchCleanup(app: pg.Client, now: Date): Promise<JobBench> {
  const timer = new Timer();
  const at = now.toISOString();
  const ago = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
  const completed = await timer.walk(app, "complete bookings", completeFinished(at));
  const deleted = await timer.walk(app, "delete notifications", oldNotifications(ago(90)));
  const rows = total(completed, "completed") + total(deleted, "deleted");
  await timer.run(app, "options and preferences", cleanupReschedulingJob, { cutoff: ago(30) });
  await timer.run(app, "idempotency keys", cleanupIdempotencyKeysOlderThan, { cutoff: at });
  await timer.run(app, "drop log partitions", cleanupSystemLogsOlderThan, { cutoff: ago(30) });
  await timer.run(app, "ensure log partitions", cleanupSystemLogsPartitionsJob, { now: at });
  await timer.run(app, "metric rollups", cleanupMetricRollupsJob, { now: at });
  await timer.run(app, "expire standby", cleanupStandbyExpiredJob, { now: at });
  await timer.run(app, "maintenance due", cleanupMaintenanceDueJob, { now: at });
  return timer.report("cleanup", rows);
}

export async function runJobsBench(log: (line: string) => void = () => {}): Promise<JobsBenchResult> {
  const dataDir = await mkdtemp(join(tmpdir(), "skyslot-bench-jobs-"));
  const stack = await startStack({ dataDir, persistent: false, redisUrl: null, log });
  const owner = new pg.Client({ connectionString: stack.ownerDatabaseUrl });
  const app = new pg.Client({ connectionString: stack.databaseUrl });
  const appPool = new pg.Pool({ connectionString: stack.databaseUrl, max: 2 });
  try {
    await owner.connect();
    await app.connect();
    const now = new Date();
    log("seeding 10,000 bookings and 20,000 preferences");
    await seedDeadlines(owner, now);
    const deadlines = await benchDeadlines(appPool, now);
    log("seeding 1,000,000 read notifications");
    await seedNotifications(owner, now);
    const cleanup = await benchCleanup(app, now);
    return { deadlines, cleanup };
  } finally {
    await app.end().catch(() => {});
    await appPool.end().catch(() => {});
    await owner.end().catch(() => {});
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const result = await runJobsBench((line) => console.error(line));
  console.log(JSON.stringify(result, null, 2));
}
