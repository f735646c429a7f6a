// Benchmarks of the cron jobs' SQL on a throwaway local stack: the deadlines job with 10,000 due
// preferences and the cleanup job with 1,000,000 old read notifications. Each statement is run
// exactly as the job runs it (same files, same chunk sizes, as the application's role) and timed.
// Standalone: npx tsx bench/jobs.ts
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { REPO_ROOT } from "../dev/migrate.ts";
import { startStack } from "../dev/stack.ts";

// The jobs' chunk sizes (src/jobs/deadlines.ts, src/jobs/cleanup.ts); those modules import .sql
// files as text, which only the Worker's bundler understands, so the values are repeated here.
const REMINDER_CHUNK = 1_000;
const CLOSE_CHUNK = 250;
const COMPLETE_CHUNK = 5_000;
const NOTIFICATION_CHUNK = 5_000;

const sql = (path: string) => readFileSync(join(REPO_ROOT, "sql", "queries", path), "utf8");

export interface JobBench {
  job: string;
  rows: number;
  statements: number;
  total_ms: number;
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

  async run<T extends pg.QueryResultRow>(client: pg.Client, name: string, text: string, params: unknown[]): Promise<T[]> {
    const started = performance.now();
    const result = await client.query<T>(text, params);
    const took = performance.now() - started;
    this.statements++;
    this.total += took;
    const seen = (this.byName[name] ??= { count: 0, longest_ms: 0 });
    seen.count++;
    seen.longest_ms = Math.max(seen.longest_ms, Math.round(took));
    if (took > this.longest) {
      this.longest = took;
      this.longestName = name;
    }
    return result.rows;
  }

  report(job: string, rows: number): JobBench {
    return {
      job,
      rows,
      statements: this.statements,
      total_ms: Math.round(this.total),
      rows_per_second: Math.round(rows / (this.total / 1000)),
      longest_statement_ms: Math.round(this.longest),
      longest_statement: this.longestName,
      by_statement: this.byName,
    };
  }
}

/** 5,000 bookings past their deadline (10,000 preferences to close) and 5,000 due a reminder. */
export async function seedDeadlines(owner: pg.Client, now: Date): Promise<void> {
  await owner.query(`
    INSERT INTO users (auth_subject, email, first_name, last_name, role, training_level) VALUES
      ('bench|student', 'bench.student@example.test', 'Bench', 'Student', 'STUDENT', 'STUDENT_PILOT'),
      ('bench|instructor', 'bench.instructor@example.test', 'Bench', 'Instructor', 'INSTRUCTOR', NULL),
      ('bench|admin1', 'bench.admin1@example.test', 'Bench', 'Admin', 'ADMIN', NULL),
      ('bench|admin2', 'bench.admin2@example.test', 'Bench', 'Admin', 'ADMIN', NULL)`);
  // One booking an hour so none overlap; the first 5,000 are overdue, the next 5,000 due a reminder.
  await owner.query(
    `WITH people AS (
       SELECT (SELECT id FROM users WHERE auth_subject = 'bench|student') AS student,
              (SELECT id FROM users WHERE auth_subject = 'bench|instructor') AS instructor
     ), created AS (
       INSERT INTO bookings (student_id, instructor_id, departure_airport, arrival_airport, departure_latitude,
                             departure_longitude, arrival_latitude, arrival_longitude, scheduled_at, status, training_level)
       SELECT p.student, p.instructor, a.icao, a.icao, a.latitude, a.longitude, a.latitude, a.longitude,
              $1::timestamptz + interval '1 day' + make_interval(hours => g), 'RESCHEDULING', 'STUDENT_PILOT'
       FROM people p, (SELECT * FROM airports ORDER BY icao LIMIT 1) a, generate_series(1, 10000) g
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

async function benchDeadlines(app: pg.Client, now: Date): Promise<JobBench> {
  const timer = new Timer();
  const at = now.toISOString();
  let reminded = 0;
  for (;;) {
    const [chunk] = await timer.run<{ reminders_sent: number; picked: number }>(app, `deadline reminders (chunk of ${REMINDER_CHUNK})`, sql("rescheduling/notifications_insert_deadline_reminders.sql"), [at, REMINDER_CHUNK]);
    reminded += chunk?.reminders_sent ?? 0;
    if ((chunk?.picked ?? 0) < REMINDER_CHUNK) break;
  }
  let closed = 0;
  for (;;) {
    const [chunk] = await timer.run<{ processed: number }>(app, `close due (chunk of ${CLOSE_CHUNK})`, sql("rescheduling/bookings_close_due_rescheduling.sql"), [at, CLOSE_CHUNK]);
    closed += chunk?.processed ?? 0;
    if ((chunk?.processed ?? 0) < CLOSE_CHUNK) break;
  }
  // Preferences handled: one reminder per pending preference, and both preferences of each closed booking.
  return timer.report("deadlines", reminded + closed * 2);
}

async function seedNotifications(owner: pg.Client, now: Date): Promise<void> {
  await owner.query(
    `INSERT INTO notifications (user_id, type, title, created_at, read_at)
     SELECT (SELECT id FROM users WHERE auth_subject = 'bench|student'), 'CONFIRMATION', 'Flight booked',
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
  let rows = 0;
  for (;;) {
    const [chunk] = await timer.run<{ completed: number }>(app, `complete bookings (chunk of ${COMPLETE_CHUNK})`, sql("cleanup/cleanup_bookings_completed_job.sql"), [at, COMPLETE_CHUNK]);
    rows += chunk?.completed ?? 0;
    if ((chunk?.completed ?? 0) < COMPLETE_CHUNK) break;
  }
  let after: unknown[] = [null, null];
  for (;;) {
    const [chunk] = await timer.run<{ deleted: number; last_read_at: unknown; last_id: unknown }>(app, `delete notifications (chunk of ${NOTIFICATION_CHUNK})`, sql("cleanup/cleanup_notifications_job.sql"), [ago(90), ...after, NOTIFICATION_CHUNK]);
    rows += chunk?.deleted ?? 0;
    if ((chunk?.deleted ?? 0) < NOTIFICATION_CHUNK) break;
    after = [chunk!.last_read_at, chunk!.last_id];
  }
  await timer.run(app, "options and preferences", sql("cleanup/cleanup_rescheduling_job.sql"), [ago(30)]);
  await timer.run(app, "idempotency keys", sql("cleanup/cleanup_idempotency_keys_older_than.sql"), [at]);
  await timer.run(app, "drop log partitions", sql("cleanup/cleanup_system_logs_older_than.sql"), [ago(30)]);
  await timer.run(app, "ensure log partitions", sql("cleanup/cleanup_system_logs_partitions_job.sql"), [at]);
  await timer.run(app, "metric rollups", sql("cleanup/cleanup_metric_rollups_job.sql"), [at]);
  return timer.report("cleanup", rows);
}

export async function runJobsBench(log: (line: string) => void = () => {}): Promise<JobsBenchResult> {
  const dataDir = await mkdtemp(join(tmpdir(), "skyslot-bench-jobs-"));
  const stack = await startStack({ dataDir, persistent: false, redisUrl: null, log });
  const owner = new pg.Client({ connectionString: stack.ownerDatabaseUrl });
  const app = new pg.Client({ connectionString: stack.databaseUrl });
  try {
    await owner.connect();
    await app.connect();
    const now = new Date();
    log("seeding 10,000 bookings and 20,000 preferences");
    await seedDeadlines(owner, now);
    const deadlines = await benchDeadlines(app, now);
    log("seeding 1,000,000 read notifications");
    await seedNotifications(owner, now);
    const cleanup = await benchCleanup(app, now);
    return { deadlines, cleanup };
  } finally {
    await app.end().catch(() => {});
    await owner.end().catch(() => {});
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const result = await runJobsBench((line) => console.error(line));
  console.log(JSON.stringify(result, null, 2));
}
