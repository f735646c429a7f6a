import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import * as v from "valibot";
import type { AppEnv } from "../app-env";
import { STATEMENT_TIMEOUT_MS } from "../db/client";
import { jsonResponse, numberOrNull } from "../openapi/responses";

export const SERVICE_VERSION = "0.1.0";
/** A health probe answers within a few seconds even when the database hangs. */
const HEALTH_TIMEOUT_MS = 3_000;

const dependency = v.object({ status: v.picklist(["up", "down", "disabled"]), latency_ms: numberOrNull });
const healthResponse = v.object({
  status: v.picklist(["healthy", "degraded", "unhealthy"]),
  checks: v.object({ database: dependency, cache: dependency }),
  version: v.string(),
});

/** Liveness and dependency status, without auth: load balancers and `npm run dev` poll it. */
export const healthRoutes = new Hono<AppEnv>().get(
  "/",
  describeRoute({
    summary: "Liveness and the status of the database and the cache",
    responses: { 200: jsonResponse(healthResponse, "healthy or degraded"), 503: jsonResponse(healthResponse, "unhealthy: the database is down") },
  }),
  async (c) => {
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
