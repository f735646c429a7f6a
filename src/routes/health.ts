import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { STATEMENT_TIMEOUT_MS } from "../db/client";

export const SERVICE_VERSION = "0.1.0";
/** A health probe answers within a few seconds even when the database hangs. */
const HEALTH_TIMEOUT_MS = 3_000;

/** Liveness and dependency status, without auth: load balancers and `npm run dev` poll it. */
export const healthRoutes = new Hono<AppEnv>().get("/", async (c) => {
  const started = Date.now();
  const [database, cache] = await Promise.all([
    c.var.db
      .query("SELECT 1", [], { timeoutMs: HEALTH_TIMEOUT_MS })
      .then(() => ({ status: "up" as const, latency_ms: Date.now() - started }))
      .catch(() => ({ status: "down" as const, latency_ms: null })),
    c.var.cache.ping(),
  ]);
  const status = database.status === "down" ? "unhealthy" : cache.status === "down" ? "degraded" : "healthy";
  const body = { status, checks: { database, cache }, version: SERVICE_VERSION };
  if (status === "unhealthy") {
    c.header("retry-after", String(Math.ceil(STATEMENT_TIMEOUT_MS / 1000)));
    return c.json(body, 503);
  }
  return c.json(body, 200);
});
