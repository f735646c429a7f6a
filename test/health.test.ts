import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { call, signToken } from "./support/api";
import { redisUp } from "./support/db";

const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} } as never;

/** The same app with some bindings changed, as another deployment would have them. */
function withBindings(changes: Record<string, string | undefined>) {
  return (path: string) => createApp().request(path, {}, { ...env, ...changes }, ctx);
}

describe("GET /health", () => {
  it("reports the database and the cache", async () => {
    const res = await call("/health");
    expect(res.status).toBe(200);
    expect(res.body.checks.database.status).toBe("up");
    expect(res.body.checks.database.latency_ms).toBeGreaterThanOrEqual(0);
    expect(res.body.version).toMatch(/^\d+\.\d+\.\d+$/);
    if (redisUp) {
      expect(res.body).toMatchObject({ status: "healthy", checks: { cache: { status: "up" } } });
      expect(res.body.checks.cache.latency_ms).toBeGreaterThanOrEqual(0);
    } else {
      console.warn("SKIPPED: Redis is not reachable, so the cache-up health check was not exercised");
      expect(res.body.checks.cache.status).toBe("disabled");
    }
  });

  it("says the cache is disabled when it is not configured, and stays healthy", async () => {
    const res = await withBindings({ UPSTASH_REDIS_REST_URL: undefined, UPSTASH_REDIS_REST_TOKEN: undefined })("/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "healthy", checks: { cache: { status: "disabled" } } });
  });

  it("is degraded, not down, when the cache does not answer", async () => {
    const res = await withBindings({ UPSTASH_REDIS_REST_URL: "http://127.0.0.1:9", UPSTASH_REDIS_REST_TOKEN: "x" })("/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "degraded", checks: { database: { status: "up" }, cache: { status: "down" } } });
  });

  it("is 503 unhealthy with Retry-After when the database is unreachable", async () => {
    const unreachable = env.DATABASE_URL.replace(/@127\.0\.0\.1:\d+/, "@127.0.0.1:9");
    const res = await withBindings({ DATABASE_URL: unreachable })("/health");
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await res.json()).toMatchObject({ status: "unhealthy", checks: { database: { status: "down" } } });
  });

  it("answers 503 service_unavailable for API calls while the database is unreachable", async () => {
    const unreachable = env.DATABASE_URL.replace(/@127\.0\.0\.1:\d+/, "@127.0.0.1:9");
    const token = await signToken("test|anyone");
    const res = await createApp().request(
      "/v1/users/me",
      { headers: { authorization: `Bearer ${token}` } },
      { ...env, DATABASE_URL: unreachable, UPSTASH_REDIS_REST_URL: undefined, UPSTASH_REDIS_REST_TOKEN: undefined },
      ctx,
    );
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
    const problem = (await res.json()) as Record<string, unknown>;
    expect(problem.code).toBe("service_unavailable");
    expect(JSON.stringify(problem)).not.toMatch(/ECONNREFUSED|connect|127\.0\.0\.1/);
  });
});
