// `npm run bench`: every figure side by side from one run against the local stack (workerd through
// Miniflare, the local gateway, embedded Postgres, Redis), printed as one table and written
// to bench/results/<time>.json so runs can be compared.
import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { neon, neonConfig } from "@neondatabase/serverless";
import pg from "pg";
import { REPO_ROOT } from "../dev/migrate";
import { airportsSelectByCode } from "../sql/queries/airports/airports_select_by_code.queries";
import { bookingsInsertAudited } from "../sql/queries/bookings/bookings_insert_audited.queries";
import { availabilitySelectForRange } from "../sql/queries/availability/availability_select_for_range.queries";
import { bookingsListVisible } from "../sql/queries/bookings/bookings_list_visible.queries";
import { usersSelectBySubject } from "../sql/queries/users/users_select_by_subject.queries";
import { usersCheckViewerUnchanged } from "../sql/queries/users/users_check_viewer_unchanged.queries";
import { calendarFeedsSelectEvents } from "../sql/queries/calendar/calendar_feeds_select_events.queries";
import { signDevToken } from "../dev/tokens";
import { runFlightsBench } from "./flights";
import { countRoundTrips, load, percentile, printTable, request, round, startBenchStack, startWorker, type LoadResult } from "./harness";
import { runJobsBench } from "./jobs";

const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 8) * 1000;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
/** What the gateway holds each trip for while `waits` are counted. */
const WAIT_MS = 50;
/** Which parts to run: `BENCH_SUITES=http,jobs,flights` (all by default; flights loads 3 M rows). */
const SUITES = new Set((process.env.BENCH_SUITES ?? "http,jobs,flights").split(","));

interface Row extends Partial<LoadResult> {
  benchmark: string;
  db_round_trips?: number;
  cache_round_trips?: number;
  /** Round trips waited for one after another (the Worker's `x-skyslot-trips`), mean per request. */
  sequential_trips?: number;
  /**
   * The same, as the gateway saw the trips arrive and leave (from outside the Worker); a trip sent
   * after the answer counts too when it ends before the answer reaches the bench.
   */
  critical_path?: number;
  /** The same again, from how much later the answers come when every trip is held WAIT_MS. */
  waits?: number;
  note?: string;
}

/** The Worker's own count of the last response's trips (development only): "sequential=1, db=0, redis=1". */
let lastTrips: string | null = null;
const sequentialOf = (header: string | null) => Number(/sequential=(\d+)/.exec(header ?? "")?.[1] ?? NaN);

async function main(): Promise<void> {
  const rows: Row[] = [];
  const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
  if (SUITES.has("http")) await benchHttp(rows, log);
  if (SUITES.has("jobs")) await benchJobs(rows, log);
  if (SUITES.has("flights")) await benchFlights(rows, log);
  printTable(rows.map((r) => ({ ...r, p50_ms: r.p50_ms !== undefined ? round(r.p50_ms) : undefined })));
  const dir = join(REPO_ROOT, "bench", "results");
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  await writeFile(file, JSON.stringify({ at: new Date().toISOString(), concurrency: CONCURRENCY, duration_ms: DURATION_MS, rows }, null, 2));
  console.log(`\nwritten to ${file}`);
}

/** Requests through the Worker, each beside the same SQL sent straight to Postgres. */
async function benchHttp(rows: Row[], log: (line: string) => void): Promise<void> {
  const { stack, stop } = await startBenchStack();
  const owner = new pg.Pool({ connectionString: stack.ownerDatabaseUrl, max: CONCURRENCY });
  const app = new pg.Pool({ connectionString: stack.databaseUrl, max: CONCURRENCY });
  // An idle client cut off while the stack shuts down must not end the run before its table prints.
  for (const pool of [owner, app]) pool.on("error", (error) => log(`pool: ${error.message}`));
  const workers: { stop(): Promise<void> }[] = [];
  try {
    const cachedWorker = await startWorker({ ...stack.workerBindings(), RATE_LIMIT_PER_MINUTE: "100000000" });
    workers.push(cachedWorker);
    const { UPSTASH_REDIS_REST_URL: _u, UPSTASH_REDIS_REST_TOKEN: _t, ...withoutCache } = stack.workerBindings();
    const uncachedWorker = await startWorker(withoutCache);
    workers.push(uncachedWorker);
    log(`workers up (cache ${stack.redisAvailable ? "on" : "off: Redis unreachable"})`);

    // People: an admin, an instructor available every day all day, many students. Subjects carry
    // the run, so a user cached in the shared Redis by an earlier run never stands in for them.
    const run = Date.now().toString(36);
    const people = await owner.query<{ id: string; auth_subject: string; role: string }>(`
      INSERT INTO users (auth_subject, email, first_name, last_name, role, training_level, timezone)
      SELECT 'bench|' || $1 || '|' || r || '|' || g, 'bench-' || r || '-' || g || '@example.test', 'Bench', r, r,
             CASE WHEN r = 'STUDENT' THEN 'PRIVATE_PILOT' END, 'America/New_York'
      FROM (VALUES ('ADMIN', 1), ('INSTRUCTOR', 1)) v(r, n), generate_series(1, n) g
      UNION ALL
      SELECT 'bench|' || $1 || '|STUDENT|' || g, 'bench-student-' || g || '@example.test', 'Bench', 'Student', 'STUDENT', 'PRIVATE_PILOT', 'America/New_York'
      FROM generate_series(1, 400) g
      RETURNING id, auth_subject, role`, [run]);
    const admin = people.rows.find((p) => p.role === "ADMIN")!;
    const instructor = people.rows.find((p) => p.role === "INSTRUCTOR")!;
    const students = people.rows.filter((p) => p.role === "STUDENT");
    await owner.query(
      `INSERT INTO availability_patterns (user_id, day_of_week, start_time, end_time)
       SELECT $1, d, '06:00', '20:00' FROM generate_series(0, 6) d`,
      [instructor.id],
    );
    // 300 existing bookings spread over the coming months, for the list.
    await owner.query(
      `INSERT INTO bookings (student_id, instructor_id, departure_airport, arrival_airport, departure_latitude,
         departure_longitude, arrival_latitude, arrival_longitude, scheduled_at, duration_minutes, status, training_level)
       SELECT (SELECT id FROM users WHERE auth_subject = 'bench|' || $2 || '|STUDENT|' || (1 + g % 400)), $1, 'KJFK', 'KJFK',
              a.latitude, a.longitude, a.latitude, a.longitude,
              date_trunc('day', now()) + interval '30 days' + g * interval '3 hours', 60, 'CONFIRMED', 'PRIVATE_PILOT'
       FROM generate_series(1, 300) g, airports a WHERE a.icao = 'KJFK'`,
      [instructor.id, run],
    );
    const token = (subject: string) => signDevToken({ secret: stack.jwt.secret, subject, issuer: stack.jwt.issuer, audience: stack.jwt.audience });
    const adminToken = await token(admin.auth_subject);
    const instructorToken = await token(instructor.auth_subject);
    const get = (base: string, path: string, bearer: string) => async () =>
      (await request(`${base}${path}`, { headers: { authorization: `Bearer ${bearer}` } }).then(
        (r) => ((lastTrips = r.header("x-skyslot-trips")), r.status),
      )) === 200;

    async function measure(name: string, send: (i: number) => Promise<boolean>, note?: string): Promise<void> {
      log(name);
      const result = await load(send, { concurrency: CONCURRENCY, durationMs: DURATION_MS });
      let sequential = 0;
      const trips = await countRoundTrips(stack, 50, async (sent) => {
        for (let i = 0; i < 50; i++) {
          const started = performance.now();
          await send(1_000_000 + i);
          sent(started, performance.now());
          sequential += sequentialOf(lastTrips);
        }
      });
      rows.push({
        benchmark: name, ...result, db_round_trips: trips.sql, cache_round_trips: trips.redis,
        sequential_trips: round(sequential / 50), critical_path: trips.criticalPath, waits: await waitsFor(send), note,
      });
    }

    /**
     * Sequential waits seen from outside by their cost: the gateway holds every trip WAIT_MS, and
     * each trip a response waits for in turn makes it that much later. Trips the Worker sends
     * after answering (waitUntil) cost nothing here, unlike in the timestamped `critical_path`.
     */
    async function waitsFor(send: (i: number) => Promise<boolean>): Promise<number> {
      let next = 1_000_050;
      const median = async (latency: number) => {
        stack.gateway.setLatency(latency);
        const times: number[] = [];
        try {
          for (let i = 0; i < 15; i++) {
            const started = performance.now();
            await send(next++);
            times.push(performance.now() - started);
          }
        } finally {
          stack.gateway.setLatency(0);
        }
        return percentile(times.sort((a, b) => a - b), 50);
      };
      const base = await median(0);
      return round(((await median(WAIT_MS)) - base) / WAIT_MS, 1);
    }

    async function floor(name: string, text: string, params: (i: number) => unknown[], pool = app): Promise<void> {
      log(name);
      const result = await load(async (i) => (await pool.query(text, params(i)), true), { concurrency: CONCURRENCY, durationMs: DURATION_MS });
      rows.push({ benchmark: name, ...result, db_round_trips: 1, note: "pg over TCP, no HTTP" });
    }

    // The same statements as the Worker sends, over Neon's HTTP protocol from Node to the same
    // gateway: what the Worker's own work (auth, routing, shaping) costs on top of the transport.
    neonConfig.fetchEndpoint = `${stack.gatewayUrl}/sql`;
    const overHttp = neon(stack.databaseUrl);
    type Sent = { text: string; params: (i: number) => unknown[] };
    /** `at once`: sent side by side, as the Worker sends them; `transaction`: one batch, as a checked write. */
    async function neonFloor(name: string, worker: string, how: "at once" | "transaction", statements: Sent[]): Promise<void> {
      log(name);
      const send = async (i: number) => {
        if (how === "transaction") await overHttp.transaction(statements.map((s) => overHttp.query(s.text, s.params(i))));
        else await Promise.all(statements.map((s) => overHttp.query(s.text, s.params(i))));
        return true;
      };
      const result = await load(send, { concurrency: CONCURRENCY, durationMs: DURATION_MS });
      const measured = rows.find((r) => r.benchmark === worker);
      const ratio = measured?.rps && result.rps ? `; ${worker}: ${(measured.rps / result.rps).toFixed(2)}x this (target >= 0.5x)` : "";
      rows.push({ benchmark: name, ...result, db_round_trips: 1, note: `neon() from Node, ${statements.length} statement(s) ${how}${ratio}` });
    }
    /** The cached read's rate as a multiple of the uncached one's, on the uncached row. */
    function cachedVsUncached(cached: string, uncached: string): void {
      const [hit, miss] = [rows.find((r) => r.benchmark === cached), rows.find((r) => r.benchmark === uncached)];
      if (hit?.rps && miss?.rps) miss.note = `${miss.note}; cached: ${(hit.rps / miss.rps).toFixed(2)}x this (target >= 2x)`;
    }
    const selectUser = usersSelectBySubject;
    const checkViewer = usersCheckViewerUnchanged;
    const statementTimeout: Sent = { text: "SELECT set_config('statement_timeout', $1, true)", params: () => ["10000ms"] };

    await measure("GET /v1/airports/KJFK (cached)", get(cachedWorker.url, "/v1/airports/KJFK", adminToken));
    await measure("GET /v1/airports/KJFK (uncached)", get(uncachedWorker.url, "/v1/airports/KJFK", adminToken), "cache not configured");
    cachedVsUncached("GET /v1/airports/KJFK (cached)", "GET /v1/airports/KJFK (uncached)");
    await floor("  floor: airport by code", airportsSelectByCode.text, () => airportsSelectByCode.bind({ code: "KJFK" }));
    // Without a cache the Worker looks its user up beside the airport.
    await neonFloor("  floor: user + airport, Neon HTTP", "GET /v1/airports/KJFK (uncached)", "at once", [
      { text: selectUser.text, params: () => selectUser.bind({ authSubject: admin.auth_subject }) },
      { text: airportsSelectByCode.text, params: () => airportsSelectByCode.bind({ code: "KJFK" }) },
    ]);

    await measure(
      "GET /v1/bookings?instructor_id (instructor)",
      get(cachedWorker.url, `/v1/bookings?instructor_id=${instructor.id}&limit=50`, instructorToken),
    );
    const listParams = () =>
      bookingsListVisible.bind({ viewerId: instructor.id, viewerRole: "INSTRUCTOR", instructorId: instructor.id, limit: 51 });
    await floor("  floor: bookings list", bookingsListVisible.text, listParams);
    await neonFloor("  floor: bookings list, Neon HTTP", "GET /v1/bookings?instructor_id (instructor)", "at once", [
      { text: bookingsListVisible.text, params: listParams },
    ]);

    const from = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 31 * 86_400_000).toISOString().slice(0, 10);
    await measure(
      "GET /v1/users/:id/availability 31 days",
      get(cachedWorker.url, `/v1/users/${instructor.id}/availability?from=${from}&to=${to}`, adminToken),
    );
    await measure(
      "  same, uncached",
      get(uncachedWorker.url, `/v1/users/${instructor.id}/availability?from=${from}&to=${to}`, adminToken),
      "cache not configured",
    );
    cachedVsUncached("GET /v1/users/:id/availability 31 days", "  same, uncached");
    await floor("  floor: availability inputs", availabilitySelectForRange.text, () =>
      availabilitySelectForRange.bind({ userId: instructor.id, fromDay: from, toDay: to }),
    );

    // A calendar app polling the instructor's feed (300 flights): the whole feed, then a 304.
    const issued = JSON.parse(
      (await request(`${cachedWorker.url}/v1/users/${instructor.id}/calendar-feed`, {
        method: "POST",
        headers: { authorization: `Bearer ${instructorToken}` },
      })).text,
    ) as { url: string };
    const feedPath = new URL(issued.url).pathname;
    const feedHash = createHash("sha256").update(feedPath.slice("/v1/calendar/".length, -".ics".length)).digest("hex");
    const poll = (headers: Record<string, string>, status: number) => async () =>
      (await request(`${cachedWorker.url}${feedPath}`, { headers }).then(
        (r) => ((lastTrips = r.header("x-skyslot-trips")), r.status),
      )) === status;
    const feedEtag = (await request(`${cachedWorker.url}${feedPath}`)).header("etag") ?? "";
    await measure("GET /v1/calendar/:token.ics (300 flights)", poll({}, 200));
    await measure("  same, If-None-Match", poll({ "if-none-match": feedEtag }, 304), "304, no body");
    await floor("  floor: feed events", calendarFeedsSelectEvents.text, () => calendarFeedsSelectEvents.bind({ tokenHash: feedHash }));

    // Booking create with every booking rule off (the v1 figure), then with the rules on.
    const allRules = ["instructor_certificate", "solo_endorsement", "medical", "flight_review", "aircraft_checkout",
      "daylight", "instructor_duty", "booking_horizon", "student_active_bookings"];
    const setRules = (mode: "off" | null) =>
      owner.query("UPDATE settings SET value = booking_rules_over($1::jsonb) WHERE key = 'booking_rules'", [
        JSON.stringify(mode ? { rules: Object.fromEntries(allRules.map((r) => [r, { mode }])) } : {}),
      ]);
    let reportedFailure = false;
    const post = (body: Record<string, unknown>) =>
      request(`${cachedWorker.url}/v1/bookings`, {
        method: "POST",
        headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      }).then((r) => {
        const text = r.text;
        lastTrips = r.header("x-skyslot-trips");
        if (r.status !== 201 && !reportedFailure) {
          reportedFailure = true;
          log(`POST /v1/bookings answered ${r.status}: ${text.slice(0, 300)}`);
        }
        return r.status === 201;
      });

    // Each booking gets its own student and its own two-hour slot, far from the listed ones.
    const slotBase = Date.now() + 400 * 86_400_000;
    const book = (i: number) =>
      post({
        student_id: students[i % students.length]!.id,
        instructor_id: instructor.id,
        departure_airport: "KJFK",
        arrival_airport: "KBOS",
        scheduled_at: new Date(slotBase + i * 2 * 3_600_000).toISOString(),
        duration_minutes: 60,
        override_availability: true,
      });
    const insertBooking = bookingsInsertAudited.text;
    await setRules("off");
    try {
      await measure("POST /v1/bookings (rules off)", book, "admin, override_availability");
      // Slots of their own for each floor, far past the Worker's.
      const insertParams = (offsetHours: number) => (i: number) =>
        bookingsInsertAudited.bind({
          studentId: students[i % students.length]!.id, instructorId: instructor.id, departure: "KJFK", arrival: "KBOS",
          scheduledAt: new Date(slotBase + offsetHours * 3_600_000 + i * 2 * 3_600_000).toISOString(), durationMinutes: 60,
          overrideAvailability: true, actorId: admin.id, lessonType: "DUAL", overrideRules: false, twilight: "[]",
          requestPath: "/v1/bookings",
        });
      await floor("  floor: booking insert statement", insertBooking, insertParams(5_000_000));
      // The Worker's checked write: the statement timeout, the user's check and the insert, one transaction.
      const adminChangedAt = (await owner.query<{ updated_at: Date }>("SELECT updated_at FROM users WHERE id = $1", [admin.id])).rows[0]!.updated_at;
      await neonFloor("  floor: checked booking insert, Neon HTTP", "POST /v1/bookings (rules off)", "transaction", [
        statementTimeout,
        { text: checkViewer.text, params: () => checkViewer.bind({ authSubject: admin.auth_subject, changedAt: adminChangedAt }) },
        { text: insertBooking, params: insertParams(6_000_000) },
      ]);
    } finally {
      await setRules(null);
    }

    // Rules on (the defaults): a certified instructor's DUAL lessons three hours apart (eight in
    // any 24 h: exactly the duty limit), within the booking horizon.
    const [dutyInstructor] = (
      await owner.query<{ id: string }>(
        `WITH u AS (INSERT INTO users (auth_subject, email, first_name, last_name, role, timezone)
                    VALUES ('bench|' || $1 || '|INSTRUCTOR|rules', 'bench-instructor-rules@example.test', 'Bench', 'Rules', 'INSTRUCTOR', 'UTC')
                    RETURNING id),
              q AS (INSERT INTO user_qualifications (user_id, kind) SELECT id, 'CFI_CERTIFICATE' FROM u)
         SELECT id FROM u`,
        [run],
      )
    ).rows;
    // On the hour, from midnight UTC (00:00, 03:00, … 15:00, 18:00): never over the SOLO lessons
    // below, 16:00 to 17:00 with the same instructor and students.
    const midnight = new Date();
    const dualBase = Date.UTC(midnight.getUTCFullYear(), midnight.getUTCMonth(), midnight.getUTCDate() + 2);
    await measure(
      "POST /v1/bookings (rules on, DUAL)",
      (i) =>
        post({
          student_id: students[i % students.length]!.id,
          instructor_id: dutyInstructor!.id,
          departure_airport: "KJFK",
          arrival_airport: "KBOS",
          // Round-trip counting sends i ≥ 1,000,000: slots of their own past the load's.
          scheduled_at: new Date(dualBase + (i >= 1_000_000 ? 2_700 + (i - 1_000_000) : i % 2_600) * 3 * 3_600_000).toISOString(),
          duration_minutes: 60,
          override_availability: true,
        }),
      "certificate, duty limit, horizon, active bookings checked by the trigger",
    );

    // Rules on, SOLO: qualified students on fifty aircraft at 16:00 UTC (daylight at KJFK all
    // year), so the endorsement, medical, checkout and daylight rules all run; the twilight
    // figures come from the cached airport.
    const aircraft = (
      await owner.query<{ id: string }>(
        `INSERT INTO aircraft (tail_number, type_code, home_airport)
         SELECT 'NB' || g, 'C172', 'KJFK' FROM generate_series(1, 50) g RETURNING id`,
      )
    ).rows;
    await owner.query(
      `INSERT INTO user_qualifications (user_id, kind, aircraft_type_code)
       SELECT s, k.kind, k.type FROM unnest($1::uuid[]) s,
         (VALUES ('SOLO_ENDORSEMENT', NULL), ('MEDICAL', NULL), ('FLIGHT_REVIEW', NULL), ('AIRCRAFT_CHECKOUT', 'C172')) k (kind, type)`,
      [students.map((s) => s.id)],
    );
    const today = new Date();
    const soloBase = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 2, 16);
    await measure(
      "POST /v1/bookings (rules on, SOLO)",
      (i) =>
        post({
          student_id: students[i % students.length]!.id,
          instructor_id: dutyInstructor!.id,
          aircraft_id: aircraft[i % aircraft.length]!.id,
          lesson_type: "SOLO",
          departure_airport: "KJFK",
          arrival_airport: "KBOS",
          scheduled_at: new Date(soloBase + Math.floor((i % 15_000) / aircraft.length) * 86_400_000).toISOString(),
          duration_minutes: 60,
          override_availability: true,
        }),
      "people rules and daylight as well",
    );

    // The same booking on an aircraft the rules have most to check for: 50 maintenance items and
    // 200 future bookings whose hours count against them. Still one statement per request. An
    // admin's override lets the slots run past the booking horizon and the duty limit; every
    // finding is still computed (the trigger lets the overridable ones through afterwards).
    const [pilot] = (
      await owner.query<{ id: string }>(
        `INSERT INTO users (auth_subject, email, first_name, last_name, role) VALUES
           ('bench|' || $1 || '|INSTRUCTOR|aircraft', 'bench-' || $1 || '-instructor-aircraft@example.test', 'Bench', 'Aircraft', 'INSTRUCTOR')
         RETURNING id`,
        [run],
      )
    ).rows;
    const [plane] = (
      await owner.query<{ id: string }>(
        "INSERT INTO aircraft (tail_number, type_code, home_airport, hobbs_hours, tach_hours) VALUES ('NBENCH1', 'C172', 'KJFK', 6200, 5100) RETURNING id",
      )
    ).rows;
    await owner.query(
      `INSERT INTO maintenance_items (aircraft_id, name, interval_hours, interval_months, last_done_tach, last_done_on)
       SELECT $1, 'Item ' || g, CASE WHEN g % 2 = 0 THEN 60000 + g END, CASE WHEN g % 2 = 1 THEN 240 END,
              CASE WHEN g % 2 = 0 THEN 5100 END, CASE WHEN g % 2 = 1 THEN current_date END
       FROM generate_series(1, 50) g`,
      [plane!.id],
    );
    await owner.query(
      `INSERT INTO bookings (student_id, instructor_id, aircraft_id, departure_airport, arrival_airport, departure_latitude,
         departure_longitude, arrival_latitude, arrival_longitude, scheduled_at, duration_minutes, status, training_level,
         rules_overridden)
       SELECT (SELECT id FROM users WHERE auth_subject = 'bench|' || $3 || '|STUDENT|' || (1 + g % 400)), $1, $2, 'KJFK', 'KJFK',
              a.latitude, a.longitude, a.latitude, a.longitude,
              date_trunc('day', now()) + interval '5500 days' + g * interval '3 hours', 60, 'CONFIRMED', 'PRIVATE_PILOT', true
       FROM generate_series(1, 200) g, airports a WHERE a.icao = 'KJFK'`,
      [pilot!.id, plane!.id, run],
    );
    // Slots two hours apart, after every other booking of the run and within the items' 20 years:
    // the load's, the floor's and the round-trip count's (i from 1 000 000) each in a range of their own.
    const planeBase = Date.now() + 2_000 * 86_400_000;
    const planeSlot = (i: number) => new Date(planeBase + (i >= 1_000_000 ? 40_000 + i - 1_000_000 : i) * 2 * 3_600_000).toISOString();
    const bookPlane = (i: number) =>
      request(`${cachedWorker.url}/v1/bookings`, {
        method: "POST",
        headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
        body: JSON.stringify({
          student_id: students[i % students.length]!.id,
          instructor_id: pilot!.id,
          aircraft_id: plane!.id,
          departure_airport: "KJFK",
          arrival_airport: "KBOS",
          scheduled_at: planeSlot(i),
          duration_minutes: 60,
          override_availability: true,
          override_rules: true,
        }),
      }).then((r) => {
        const body = r.text;
        lastTrips = r.header("x-skyslot-trips");
        if (r.status !== 201 && !reportedFailure) {
          reportedFailure = true;
          log(`POST /v1/bookings (aircraft) answered ${r.status}: ${body.slice(0, 300)}`);
        }
        return r.status === 201;
      });
    await measure("POST /v1/bookings, aircraft with 50 items + 200 bookings", bookPlane, "the aircraft rule counts them all");
    await floor("  floor: same insert statement", insertBooking, (i) =>
      bookingsInsertAudited.bind({
        studentId: students[i % students.length]!.id, instructorId: pilot!.id, aircraftId: plane!.id, departure: "KJFK",
        arrival: "KBOS", scheduledAt: planeSlot(20_000 + i), durationMinutes: 60, overrideAvailability: true, actorId: admin.id,
        lessonType: "DUAL", overrideRules: true, twilight: "[]", requestPath: "/v1/bookings",
      }),
    );
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await owner.end();
    await app.end();
    await stop();
  }

}

async function benchJobs(rows: Row[], log: (line: string) => void): Promise<void> {
  const jobs = await runJobsBench(log);
  for (const job of [jobs.deadlines, jobs.cleanup]) {
    rows.push({
      benchmark: `job ${job.job}: ${job.rows} rows`,
      rps: Math.round(job.rows_per_second),
      note: `rows/s${job.job === "deadlines" ? " (target >= 50,000)" : ""}; ${job.statements} statements taking ${round(job.total_ms)} ms in ${round(job.wall_ms)} ms; longest ${round(job.longest_statement_ms)} ms (${job.longest_statement}; target <= 200)`,
    });
  }
}

async function benchFlights(rows: Row[], log: (line: string) => void): Promise<void> {
  const flights = await runFlightsBench(log);
  rows.push(
    {
      benchmark: `API ingestion: ${flights.api_ingestion.rows} rows`,
      rps: Math.round(flights.api_ingestion.rows_per_second),
      db_round_trips: flights.api_ingestion.round_trips,
      note: `rows/s = ${(flights.api_ingestion.rows_per_second / flights.plain_copy.rows_per_second).toFixed(3)}x plain COPY (target >= 0.2x); round trips for the whole file`,
    },
    {
      benchmark: `CLI import-flights: ${flights.cli_import.rows} rows`,
      rps: Math.round(flights.cli_import.rows_per_second),
      note: `rows/s = ${(1 / flights.cli_vs_copy_time_ratio).toFixed(3)}x plain COPY (target >= 0.5x); ${round(flights.cli_import.seconds)} s; ${flights.cli_import.inserted} inserted, ${flights.cli_import.duplicate} duplicate`,
    },
    { benchmark: `  floor: plain COPY: ${flights.plain_copy.rows} rows`, rps: Math.round(flights.plain_copy.rows_per_second), note: "rows/s" },
    ...flights.analytics_ms.map((a) => ({
      benchmark: `analytics ${a.query}`,
      p50_ms: a.warm_ms,
      note: `${flights.flights_in_table} flights; cold ${round(a.cold_ms)} ms (target < 100), warm ${round(a.warm_ms)} ms from ${a.source}; ${a.groups} groups`,
    })),
  );

}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
