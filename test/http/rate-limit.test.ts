import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { redisUp } from "../support/db";
import { makeUser } from "../support/users";

const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} } as never;

describe.skipIf(!redisUp)("rate limits", () => {
  it("answers 429 with Retry-After once a user spends the budget, and only for that user", async () => {
    const bindings = { ...env, RATE_LIMIT_PER_MINUTE: "3" };
    const app = createApp();
    const [heavy, light] = await Promise.all([makeUser("STUDENT"), makeUser("STUDENT")]);
    const me = (token: string) => app.request("/v1/users/me", { headers: { authorization: `Bearer ${token}` } }, bindings, ctx);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await me(heavy.token)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await me(heavy.token);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(((await limited.json()) as { code: string }).code).toBe("rate_limited");
    expect((await me(light.token)).status).toBe(200);
  });

  it("limits anonymous callers by IP", async () => {
    const bindings = { ...env, RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE: "2" };
    const app = createApp();
    const ip = `203.0.113.${Math.floor(Math.random() * 250)}`;
    const anon = () => app.request("/v1/users/me", { headers: { "cf-connecting-ip": ip } }, bindings, ctx);
    expect([(await anon()).status, (await anon()).status, (await anon()).status]).toEqual([401, 401, 429]);
  });

  it("counts refused tokens against the caller's address: 30 made-up tokens meet 429 under the default budget", async () => {
    const bindings = { ...env, RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE: undefined };
    const app = createApp();
    // Redis is shared: an address of this test's own.
    const ip = `2001:db8::${crypto.randomUUID().slice(0, 4)}:${crypto.randomUUID().slice(0, 4)}`;
    const statuses: number[] = [];
    for (let i = 1; i <= 30; i++) {
      const res = await app.request("/v1/users/me", { headers: { authorization: `Bearer x${i}`, "cf-connecting-ip": ip } }, bindings, ctx);
      statuses.push(res.status);
    }
    // The default is 20 a minute.
    expect(statuses).toEqual([...Array<number>(20).fill(401), ...Array<number>(10).fill(429)]);
    // A signed-in user on the same address is not held up by it.
    const user = await makeUser("STUDENT");
    expect((await app.request("/v1/users/me", { headers: { authorization: `Bearer ${user.token}`, "cf-connecting-ip": ip } }, bindings, ctx)).status).toBe(200);
  });
});

describe("rate limits without Redis", () => {
  it("are off when the cache is not configured", async () => {
    const bindings = { ...env, RATE_LIMIT_PER_MINUTE: "1", UPSTASH_REDIS_REST_URL: undefined, UPSTASH_REDIS_REST_TOKEN: undefined };
    const app = createApp();
    const user = await makeUser("STUDENT");
    for (let i = 0; i < 3; i++) {
      const res = await app.request("/v1/users/me", { headers: { authorization: `Bearer ${user.token}` } }, bindings, ctx);
      expect(res.status).toBe(200);
    }
  });
});
