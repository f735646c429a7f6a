import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { call } from "../support/api";
import { redisUp } from "../support/db";
import { makeUser, type TestUser } from "../support/users";

let instructor: TestUser;

beforeAll(async () => {
  instructor = await makeUser("INSTRUCTOR");
});

/** The Worker's count of one response's round trips (development responses carry it). */
function trips(res: { headers: Headers }) {
  const header = res.headers.get("x-skyslot-trips") ?? "";
  return Object.fromEntries(header.split(", ").map((part) => part.split("=")).map(([k, n]) => [k, Number(n)]));
}

const from = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const to = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!redisUp)("round trips on the critical path", () => {
  it("a warm airport read is one Redis round trip and no database trip", async () => {
    await call("/v1/airports/KJFK", { token: instructor.token });
    const res = await call("/v1/airports/KJFK", { token: instructor.token });
    expect(res.status).toBe(200);
    expect(trips(res)).toEqual({ sequential: 1, db: 0, redis: 1 });
  });

  it("a warm availability read is one Redis round trip and no database trip", async () => {
    const path = `/v1/users/${instructor.user.id}/availability?from=${from}&to=${to}`;
    await call(path, { token: instructor.token });
    const res = await call(path, { token: instructor.token });
    expect(res.status).toBe(200);
    expect(trips(res)).toEqual({ sequential: 1, db: 0, redis: 1 });
  });

  it("a warm analytics read waits for two Redis trips: the sign-in pipeline brings the generation, then the answer", async () => {
    const path = "/v1/analytics/delays?group_by=origin&min_flights=1";
    await call(path, { token: instructor.token });
    // Another file's ingestion moves the generation on, which makes the next read a cold one.
    let res = await call(path, { token: instructor.token });
    for (let i = 0; i < 5 && trips(res).db > 0; i++) res = await call(path, { token: instructor.token });
    expect(res.status).toBe(200);
    expect(trips(res)).toEqual({ sequential: 2, db: 0, redis: 2 });
  });

  it("a read from the database by a user seen lately waits for one trip: the check and the query travel together", async () => {
    const path = `/v1/bookings?instructor_id=${instructor.user.id}&limit=5`;
    await call(path, { token: instructor.token });
    const res = await call(path, { token: instructor.token });
    expect(res.status).toBe(200);
    expect(trips(res)).toEqual({ sequential: 1, db: 1, redis: 1 });
  });

  it("a calendar feed waits for one trip: the caller's rate limit travels beside the feed's statement", async () => {
    const issued = await call(`/v1/users/${instructor.user.id}/calendar-feed`, { method: "POST", token: instructor.token });
    expect(issued.status, issued.text).toBe(201);
    const res = await call(new URL(issued.body.url).pathname);
    expect(res.status).toBe(200);
    expect(res.headers.get("ratelimit-remaining")).toMatch(/^\d+$/);
    expect(trips(res)).toEqual({ sequential: 1, db: 1, redis: 1 });
  });

  it("a user's first request asks Redis and Postgres for the user at once, then for the data", async () => {
    const fresh = await makeUser("STUDENT");
    const res = await call(`/v1/bookings?student_id=${fresh.user.id}&limit=5`, { token: fresh.token });
    expect(res.status).toBe(200);
    expect(trips(res)).toMatchObject({ sequential: 2, db: 2 });
  });
});

describe("paths the sign-in pipeline reads ahead for, when they are malformed", () => {
  it("answer as the route would, never 500", async () => {
    const bad = [
      "/v1/airports/%E0%A4%A",
      "/v1/airports/K%00FK",
      "/v1/airports/TOOLONG",
      `/v1/users/not-a-uuid/availability?from=${from}&to=${to}`,
      `/v1/users/${crypto.randomUUID()}/availability?from=2031-02-30&to=${to}`,
      `/v1/users/${crypto.randomUUID()}/availability?from=${to}&to=${from}`,
      `/v1/users/${crypto.randomUUID()}/availability`,
    ];
    for (const path of bad) {
      const res = await call(path, { token: instructor.token });
      expect([400, 404, 422], `${path}: ${res.status} ${res.text.slice(0, 200)}`).toContain(res.status);
    }
  });
});

describe("round trips without a cache", () => {
  it("a read by a user seen lately sends the user lookup beside the query", async () => {
    const bindings = { ...env, UPSTASH_REDIS_REST_URL: undefined, UPSTASH_REDIS_REST_TOKEN: undefined };
    const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} } as never;
    const app = createApp();
    const get = () => app.request("/v1/airports/KJFK", { headers: { authorization: `Bearer ${instructor.token}` } }, bindings, ctx);
    await get();
    const res = await get();
    expect(res.status).toBe(200);
    expect(trips(res)).toEqual({ sequential: 1, db: 2, redis: 0 });
  });
});
