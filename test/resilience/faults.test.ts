import { env } from "cloudflare:workers";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { STATEMENT_TIMEOUT_MS } from "../../src/db/client";
import { ownerDb, redisUp } from "../support/db";
import { makeUser } from "../support/users";

/**
 * The app as a deployment whose Postgres and Redis sit behind the fault gateway. Its database
 * URL names the same server by another host name: the driver picks its gateway per host, so the
 * other test files in this isolate keep talking to the shared gateway whatever happens here.
 */
const RATE_LIMIT = 5;
const faultEnv = {
  ...env,
  DATABASE_URL: env.DATABASE_URL.replace("@127.0.0.1:", "@localhost:"),
  LOCAL_GATEWAY_URL: env.TEST_FAULT_GATEWAY_URL,
  UPSTASH_REDIS_REST_URL: env.TEST_FAULT_GATEWAY_URL,
  UPSTASH_REDIS_REST_TOKEN: env.TEST_FAULT_UPSTASH_TOKEN,
  // A limit no other file uses: limiters are kept per limit, each bound to the Redis it first saw.
  RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
};
const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} } as never;
const app = createApp();

interface Answer {
  status: number;
  headers: Headers;
  body: any;
  text: string;
  ms: number;
}

async function request(path: string, token?: string, init: RequestInit = {}): Promise<Answer> {
  const headers = new Headers(init.headers);
  if (token) headers.set("authorization", `Bearer ${token}`);
  const started = Date.now();
  const res = await app.request(path, { ...init, headers }, faultEnv, ctx);
  const text = await res.text();
  const ms = Date.now() - started;
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null, text, ms };
}

async function faults(state: { redis?: "up" | "down"; sql?: "up" | "down" | "hang" }): Promise<void> {
  const res = await fetch(`${env.TEST_FAULT_GATEWAY_URL}/_gateway/faults`, { method: "POST", body: JSON.stringify(state) });
  expect(res.status).toBe(200);
  await res.arrayBuffer();
}

/** A 503 as the contract words it, saying nothing about the driver or the database's address. */
function expectUnavailable(res: Answer) {
  expect(res.status, res.text).toBe(503);
  expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
  expect(res.body).toMatchObject({ code: "service_unavailable", status: 503 });
  expect(res.text).not.toMatch(/NeonDbError|postgres|HTTP status|ECONNREFUSED|connection refused|127\.0\.0\.1|localhost|\bat \S+:\d+/i);
}

afterEach(() => faults({ redis: "up", sql: "up" }));
afterAll(() => faults({ redis: "up", sql: "up" }));

describe("the fault gateway", () => {
  it("serves the app like the shared one while nothing is switched off", async () => {
    const health = await request("/health");
    expect(health.status).toBe(200);
    expect(health.body.checks.database.status).toBe("up");
    const student = await makeUser("STUDENT");
    expect((await request("/v1/users/me", student.token)).body.id).toBe(student.user.id);
  });
});

describe.skipIf(!redisUp)("Redis stops mid-run", () => {
  it("keeps answering from Postgres with the same data, takes writes, and reports degraded until Redis is back", async () => {
    const student = await makeUser("STUDENT");
    // Warm: the user and the airport are now served from Redis.
    const warmMe = await request("/v1/users/me", student.token);
    const warmAirport = await request("/v1/airports/KJFK", student.token);
    expect([warmMe.status, warmAirport.status]).toEqual([200, 200]);
    expect((await request("/health")).body.status).toBe("healthy");

    await faults({ redis: "down" });
    const coldMe = await request("/v1/users/me", student.token);
    const coldAirport = await request("/v1/airports/KJFK", student.token);
    expect(coldMe.status).toBe(200);
    expect(coldMe.body).toEqual(warmMe.body);
    expect(coldAirport.status).toBe(200);
    expect(coldAirport.body).toEqual(warmAirport.body);

    // Not from a cache: the database is what answers, so a change made there is seen at once.
    await ownerDb().query("UPDATE users SET last_name = 'Straight-From-Postgres' WHERE id = $1", [student.user.id]);
    expect((await request("/v1/users/me", student.token)).body.last_name).toBe("Straight-From-Postgres");

    const patched = await request(`/v1/users/${student.user.id}`, student.token, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ first_name: "Written-While-Redis-Down" }),
    });
    expect(patched.status, patched.text).toBe(200);
    const [stored] = await ownerDb().query<{ first_name: string }>("SELECT first_name FROM users WHERE id = $1", [student.user.id]);
    expect(stored!.first_name).toBe("Written-While-Redis-Down");

    const degraded = await request("/health");
    expect(degraded.status).toBe(200);
    expect(degraded.body).toMatchObject({ status: "degraded", checks: { database: { status: "up" }, cache: { status: "down" } } });

    await faults({ redis: "up" });
    const healthy = await request("/health");
    expect(healthy.status).toBe(200);
    expect(healthy.body).toMatchObject({ status: "healthy", checks: { cache: { status: "up" } } });
  });

  it("lets requests through when Redis cannot be asked about rate limits (fail open)", async () => {
    const [limited, free] = await Promise.all([makeUser("STUDENT"), makeUser("STUDENT")]);
    // With Redis up the limit bites, so passing below is Redis being down, not a loose limit.
    const up: number[] = [];
    for (let i = 0; i <= RATE_LIMIT; i++) up.push((await request("/v1/users/me", limited.token)).status);
    expect(up).toEqual([...Array<number>(RATE_LIMIT).fill(200), 429]);

    await faults({ redis: "down" });
    const down: number[] = [];
    for (let i = 0; i <= RATE_LIMIT * 2; i++) down.push((await request("/v1/users/me", free.token)).status);
    expect(down).toEqual(Array<number>(RATE_LIMIT * 2 + 1).fill(200));
  });
});

describe("the database becomes unreachable", () => {
  it("answers API calls 503 service_unavailable with Retry-After, quickly, and /health 503 unhealthy", async () => {
    const student = await makeUser("STUDENT");
    await faults({ sql: "down" });
    // The user lookup is the first statement of every call; a new user is in no cache.
    const read = await request("/v1/users/me", student.token);
    expectUnavailable(read);
    expect(read.ms).toBeLessThan(2_000);

    const write = await request("/v1/users", student.token, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ auth_subject: "x|y", email: "x@example.test", first_name: "X", last_name: "Y", role: "ADMIN" }),
    });
    expectUnavailable(write);
    expect(write.ms).toBeLessThan(2_000);

    const health = await request("/health");
    expect(health.status).toBe(503);
    expect(health.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(health.body).toMatchObject({ status: "unhealthy", checks: { database: { status: "down" } } });

    await faults({ sql: "up" });
    expect((await request("/v1/users/me", student.token)).status).toBe(200);
  });

  it("answers 503 within the statement timeout when the database hangs, never holding a request", async () => {
    const student = await makeUser("STUDENT");
    await faults({ sql: "hang" });
    const [api, health] = await Promise.all([request("/v1/users/me", student.token), request("/health")]);
    expectUnavailable(api);
    // It did wait for the database (no early give-up), but no longer than the timeout allows.
    expect(api.ms).toBeGreaterThanOrEqual(STATEMENT_TIMEOUT_MS - 1_000);
    expect(api.ms).toBeLessThan(12_000);
    expect(health.status).toBe(503);
    expect(health.body.status).toBe("unhealthy");
    expect(health.ms).toBeLessThan(5_000);
  });
});
