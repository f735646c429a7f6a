import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../src/app";
import { call, expectProblem } from "../../support/api";
import { ownerDb, redisUp } from "../../support/db";
import { makeUser, type TestUser } from "../../support/users";

let admin: TestUser;
let instructor: TestUser;
let student: TestUser;

beforeAll(async () => {
  [admin, instructor, student] = await Promise.all([makeUser("ADMIN"), makeUser("INSTRUCTOR"), makeUser("STUDENT")]);
});

const adminPaths = [
  ["GET", "/v1/admin/stats"],
  ["GET", "/v1/admin/integrity"],
  ["GET", "/v1/admin/metrics?period=daily"],
  ["GET", "/v1/admin/jobs"],
  ["POST", "/v1/admin/jobs/cleanup/run"],
] as const;

describe("admin endpoints are for admins only", () => {
  it("refuses students and instructors with 403 and anonymous callers with 401", async () => {
    for (const [method, path] of adminPaths) {
      expectProblem(await call(path, { method, token: student.token }), 403, "forbidden");
      expectProblem(await call(path, { method, token: instructor.token }), 403, "forbidden");
      expectProblem(await call(path, { method }), 401, "unauthenticated");
    }
  });
});

describe("GET /v1/admin/stats", () => {
  it("reports row counts, sizes, the database size, hit ratios and the last run per job", async () => {
    const before = await call("/v1/admin/stats", { token: admin.token });
    expect(before.status).toBe(200);
    const users = before.body.tables.find((t: { name: string }) => t.name === "users");
    expect(users).toMatchObject({ rows_exact: true });
    expect(users.rows).toBeGreaterThanOrEqual(3);
    expect(users.size_bytes).toBeGreaterThan(0);
    expect(before.body.row_counts.users).toBe(users.rows);
    const names = before.body.tables.map((t: { name: string }) => t.name);
    expect(names).toEqual(expect.arrayContaining(["bookings", "audit_log", "system_logs", "job_runs", "metric_rollups", "flights"]));
    expect(names).not.toContain("pgmigrations");
    expect(names.some((n: string) => n.startsWith("system_logs_"))).toBe(false);
    expect(before.body.database_size_bytes).toBeGreaterThan(1_000_000);
    expect(before.body.cache_hit_ratio.postgres).toBeGreaterThan(0);
    expect(before.body.cache_hit_ratio.postgres).toBeLessThanOrEqual(1);
    expect(Object.keys(before.body.jobs).sort()).toEqual(["cleanup", "deadlines", "weather"]);

    // A new user shows up in the exact count.
    await makeUser("STUDENT");
    const after = await call("/v1/admin/stats", { token: admin.token });
    expect(after.body.row_counts.users).toBeGreaterThan(users.rows);
  });

  it.skipIf(!redisUp)("includes Redis's hit counters when the cache is configured", async () => {
    const res = await call("/v1/admin/stats", { token: admin.token });
    expect(res.body.redis.status).toBe("up");
    expect(res.body.redis.keyspace_hits).toBeGreaterThanOrEqual(0);
    expect(res.body.redis.keyspace_misses).toBeGreaterThanOrEqual(0);
  });

  it("shows the last run of a job", async () => {
    const scheduled = new Date(Date.now() + 365 * 86_400_000).toISOString();
    const [run] = await ownerDb().query(
      `INSERT INTO job_runs (job, scheduled_for, started_at, finished_at, status, stats)
       VALUES ('weather', $1, now() + interval '1 year', now() + interval '1 year', 'SUCCEEDED', '{"checked": 7}')
       RETURNING id`,
      [scheduled],
    );
    try {
      const res = await call("/v1/admin/stats", { token: admin.token });
      expect(res.body.jobs.weather.last_run).toMatchObject({ id: run!.id, status: "SUCCEEDED", stats: { checked: 7 }, scheduled_for: scheduled });
    } finally {
      await ownerDb().query("DELETE FROM job_runs WHERE id = $1", [run!.id]);
    }
  });
});

describe("GET /v1/admin/integrity", () => {
  it("lists every check and counts a preference whose booking has no options", async () => {
    const first = await call("/v1/admin/integrity", { token: admin.token });
    expect(first.status).toBe(200);
    const names = first.body.checks.map((c: { name: string }) => c.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "overlapping_active_bookings",
        "bookings_stuck_in_rescheduling",
        "preferences_without_options",
        "options_of_resolved_bookings",
        "preferences_naming_unknown_options",
      ]),
    );
    for (const check of first.body.checks) expect(check.ok).toBe(check.count === 0);
    expect(first.body.ok).toBe(first.body.checks.every((c: { ok: boolean }) => c.ok));

    // A cancelled booking far in the future (no job touches it) with a preference but no options.
    const db = ownerDb();
    const [booking] = await db.query(
      `INSERT INTO bookings (student_id, instructor_id, departure_airport, arrival_airport, departure_latitude,
                             departure_longitude, arrival_latitude, arrival_longitude, scheduled_at, ends_at,
                             status, training_level)
       VALUES ($1, $2, 'KJFK', 'KJFK', 40.6, -73.8, 40.6, -73.8, now() + interval '3 years', now() + interval '3 years',
               'CANCELLED', 'STUDENT_PILOT')
       RETURNING id`,
      [student.user.id, instructor.user.id],
    );
    await db.query(
      `INSERT INTO preference_rankings (booking_id, party, deadline) VALUES ($1, 'STUDENT', now() + interval '3 years')`,
      [booking!.id],
    );
    try {
      const res = await call("/v1/admin/integrity", { token: admin.token });
      const check = res.body.checks.find((c: { name: string }) => c.name === "preferences_without_options");
      expect(check.ok).toBe(false);
      expect(check.count).toBeGreaterThanOrEqual(1);
      expect(res.body.ok).toBe(false);
    } finally {
      await db.batch([
        { text: "DELETE FROM preference_rankings WHERE booking_id = $1", params: [booking!.id] },
        { text: "DELETE FROM bookings WHERE id = $1", params: [booking!.id] },
      ]);
    }
  });
});

describe("GET /v1/admin/metrics", () => {
  it("returns stored rollups of one period within the range, oldest first", async () => {
    const metric = `test_metric_${crypto.randomUUID().slice(0, 8)}`;
    const db = ownerDb();
    await db.query(
      `INSERT INTO metric_rollups (period, period_start, metric, dimensions, value) VALUES
         ('daily', '2031-03-02', $1, '{"airport": "KJFK"}', 12.5),
         ('daily', '2031-03-01', $1, '{}', 3),
         ('daily', '2031-04-01', $1, '{}', 99),
         ('monthly', '2031-03-01', $1, '{}', 40)`,
      [metric],
    );
    try {
      const res = await call("/v1/admin/metrics?period=daily&from=2031-03-01&to=2031-03-31", { token: admin.token });
      expect(res.status).toBe(200);
      const mine = res.body.data.filter((r: { metric: string }) => r.metric === metric);
      expect(mine).toEqual([
        expect.objectContaining({ period: "daily", period_start: "2031-03-01", value: 3, dimensions: {} }),
        expect.objectContaining({ period: "daily", period_start: "2031-03-02", value: 12.5, dimensions: { airport: "KJFK" } }),
      ]);
      const monthly = await call("/v1/admin/metrics?period=monthly&from=2031-03-01&to=2031-03-01", { token: admin.token });
      expect(monthly.body.data.filter((r: { metric: string }) => r.metric === metric)).toEqual([
        expect.objectContaining({ period: "monthly", period_start: "2031-03-01", value: 40 }),
      ]);
    } finally {
      await db.query("DELETE FROM metric_rollups WHERE metric = $1", [metric]);
    }
  });

  it("refuses a bad period or range with 422", async () => {
    expectProblem(await call("/v1/admin/metrics?period=hourly", { token: admin.token }), 422, "validation_failed");
    expectProblem(await call("/v1/admin/metrics?from=2031-02-30", { token: admin.token }), 422, "validation_failed");
    expectProblem(await call("/v1/admin/metrics?from=2031-03-05&to=2031-03-01", { token: admin.token }), 422, "validation_failed");
    expectProblem(await call("/v1/admin/metrics?from=yesterday", { token: admin.token }), 422, "validation_failed");
  });
});

describe("admin jobs", () => {
  it("runs a job now and lists its run first; an unknown job is 404", async () => {
    const res = await call("/v1/admin/jobs/cleanup/run", { method: "POST", token: admin.token });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ job: "cleanup", status: expect.stringMatching(/^(SUCCEEDED|FAILED)$/) });
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.finished_at).toMatch(/Z$/);
    expect(Date.now() - Date.parse(res.body.scheduled_for)).toBeLessThan(60_000);

    const list = await call("/v1/admin/jobs?name=cleanup&limit=200", { token: admin.token });
    expect(list.status).toBe(200);
    expect(list.body.data.map((r: { id: string }) => r.id)).toContain(res.body.id);
    for (const run of list.body.data) expect(run.job).toBe("cleanup");
    expect(Object.keys(list.body.data[0]).sort()).toEqual(
      ["error", "finished_at", "id", "job", "scheduled_for", "started_at", "stats", "status"],
    );

    expectProblem(await call("/v1/admin/jobs/nope/run", { method: "POST", token: admin.token }), 404, "not_found");
    expectProblem(await call("/v1/admin/jobs?name=nope", { token: admin.token }), 422, "validation_failed");
  });

  const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} } as never;
  const runNow = (bindings: Record<string, unknown>) =>
    createApp().request("/v1/admin/jobs/cleanup/run", { method: "POST", headers: { authorization: `Bearer ${admin.token}` } }, bindings, ctx);
  const noCooldown = { ...env, JOB_RUN_COOLDOWN_SECONDS: "0" };

  it("runs one manual run of a job at a time: concurrent asks never overlap, the others get 409", async () => {
    const answers = await Promise.all([runNow(noCooldown), runNow(noCooldown), runNow(noCooldown)]);
    const bodies = await Promise.all(answers.map((res) => res.json() as Promise<Record<string, unknown>>));
    const runs = bodies.filter((_, i) => answers[i]!.status === 201);
    expect(runs.length).toBeGreaterThanOrEqual(1);
    for (const [i, res] of answers.entries()) {
      if (res.status === 201) continue;
      expect(res.status).toBe(409);
      expect(bodies[i]).toMatchObject({ code: "conflict", run_id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    }
    const spans = runs.map((r) => [Date.parse(String(r.started_at)), Date.parse(String(r.finished_at))] as const).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]);
  });

  it("answers 409 naming the run still under way", async () => {
    const db = ownerDb();
    const [running] = await db.query<{ id: string }>(
      `INSERT INTO job_runs (job, scheduled_for, status, manual) VALUES ('cleanup', now() + make_interval(days => 36500, secs => $1), 'RUNNING', true) RETURNING id`,
      [Math.random() * 86_400],
    );
    try {
      const res = await runNow(noCooldown);
      expect(res.status).toBe(409);
      expect(await res.json()).toMatchObject({ code: "conflict", run_id: running!.id });
    } finally {
      await db.query("DELETE FROM job_runs WHERE id = $1", [running!.id]);
    }
  });

  it("waits out a cooldown after a manual run ends: 429 with Retry-After", async () => {
    expect((await runNow(noCooldown)).status).toBe(201);
    const res = await runNow({ ...env, JOB_RUN_COOLDOWN_SECONDS: "30" });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(res.headers.get("retry-after"))).toBeLessThanOrEqual(30);
    expect(await res.json()).toMatchObject({ code: "rate_limited" });
  });

  it("pages newest first without gaps or repeats", async () => {
    const base = Date.UTC(2035, 0, 1);
    const db = ownerDb();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const at = new Date(base + i * 60_000 + Math.floor(Math.random() * 1000) * 86_400_000).toISOString();
      const [row] = await db.query(
        `INSERT INTO job_runs (job, scheduled_for, started_at, status) VALUES ('deadlines', $1, $2::timestamptz + interval '40 years', 'FAILED') RETURNING id`,
        [at, new Date(base + i * 60_000).toISOString()],
      );
      ids.push(String(row!.id));
    }
    try {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { data: { id: string }[]; next_cursor: string | null } } = await call(
          `/v1/admin/jobs?name=deadlines&limit=2${cursor ? `&cursor=${cursor}` : ""}`,
          { token: admin.token },
        );
        seen.push(...page.body.data.map((r) => r.id));
        cursor = page.body.next_cursor;
      } while (cursor && seen.length < 6);
      // The five runs start 40 years out, so they are the newest: newest first.
      expect(seen.slice(0, 5)).toEqual([...ids].reverse());
      expectProblem(await call("/v1/admin/jobs?cursor=bm90LWEtY3Vyc29y", { token: admin.token }), 422, "validation_failed");
    } finally {
      await db.query("DELETE FROM job_runs WHERE id = ANY($1::uuid[])", [ids]);
    }
  });
});
