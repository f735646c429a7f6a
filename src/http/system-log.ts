import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import type { Db } from "../db/client";
import { createLogger, loggablePath } from "./log";
import { systemLogsInsertEvent as insertEvent } from "../../sql/queries/system_logs/system_logs_insert_event.queries";

export type SystemLogLevel = "debug" | "info" | "warn" | "error";

/** A structured event kept in `system_logs` (partitioned by day, dropped after 30 days). */
export interface SystemEvent {
  level: SystemLogLevel;
  event: string;
  message?: string | null;
  requestId?: string | null;
  userId?: string | null;
  data?: Record<string, unknown>;
}

/** Messages are diagnostics, not documents: long ones are cut so one event stays one small row. */
const MAX_MESSAGE = 2_000;

/**
 * Stores one event. Never throws: losing a log row must not fail the work it describes, so a
 * failed insert goes to the console log instead.
 */
export async function writeSystemLog(db: Db, event: SystemEvent): Promise<void> {
  try {
    await db.query(insertEvent, {
      level: event.level,
      event: event.event,
      message: event.message?.slice(0, MAX_MESSAGE),
      requestId: event.requestId,
      userId: event.userId,
      data: JSON.stringify(event.data ?? {}),
    });
  } catch (error) {
    createLogger({ request_id: event.requestId ?? null }).warn("system_log_write_failed", {
      event: event.event,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}

/**
 * Records an event for the current request after the response has gone out (`waitUntil`), so
 * it never adds a round trip to the request. Without a database (bad configuration) or an
 * execution context there is nowhere to write, and the console log is all there is.
 */
export function logSystemEvent(c: Context<AppEnv>, event: Omit<SystemEvent, "requestId">): void {
  const db = c.get("db");
  if (!db) return;
  let waitUntil: (promise: Promise<unknown>) => void;
  try {
    const ctx = c.executionCtx;
    waitUntil = ctx.waitUntil.bind(ctx);
  } catch {
    return;
  }
  waitUntil(writeSystemLog(db, { ...event, requestId: c.get("requestId") ?? null }));
}

/** Refusals seen this minute in this isolate, by event and caller; cleared when the minute turns. */
const refusals = new Map<string, number>();
let refusalsMinute = 0;

/**
 * Sampling of repeated refusals: of each caller's refusals in a minute, the 1st, 2nd, 4th, 8th, …
 * are written (each carrying the count so far), so a flood of bad requests costs a handful of
 * rows instead of one row each. Returns the count when this one is to be written.
 */
function sampled(event: string, caller: string): number | null {
  const minute = Math.floor(Date.now() / 60_000);
  if (minute !== refusalsMinute) {
    refusals.clear();
    refusalsMinute = minute;
  }
  const key = `${event}:${caller}`;
  const count = (refusals.get(key) ?? 0) + 1;
  refusals.set(key, count);
  return (count & (count - 1)) === 0 ? count : null;
}

/**
 * Security events: a refused token (when one was sent; a missing header is ordinary traffic)
 * and a signed-in user refused an action, sampled per caller (the user, else the address).
 */
export function logSecurityEvent(c: Context<AppEnv>, code: "unauthenticated" | "forbidden", detail: string): void {
  if (code === "unauthenticated" && !c.req.header("authorization")) return;
  const event = code === "unauthenticated" ? "auth_failed" : "forbidden";
  const userId = code === "forbidden" ? (c.get("user")?.id ?? null) : null;
  const ip = c.req.header("cf-connecting-ip") ?? null;
  const count = sampled(event, userId ?? ip ?? "unknown");
  if (count === null) return;
  logSystemEvent(c, {
    level: "warn",
    event,
    message: detail,
    userId,
    data: { method: c.req.method, path: loggablePath(c.req.path), ip, count_this_minute: count },
  });
}

/** An unexpected failure, findable by the request id the client was given. */
export function logUnexpectedError(c: Context<AppEnv>, error: Error): void {
  logSystemEvent(c, {
    level: "error",
    event: "unexpected_error",
    message: error.message,
    userId: c.get("user")?.id ?? null,
    data: { method: c.req.method, path: loggablePath(c.req.path), error_name: error.name, stack: error.stack?.slice(0, 4_000) ?? null },
  });
}
