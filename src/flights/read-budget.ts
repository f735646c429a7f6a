import { Ratelimit } from "@upstash/ratelimit";
import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { ApiError } from "../http/problem";

const WINDOW_MS = 60_000;
/** Without Redis each isolate keeps its own count: a looser bound, but still one. */
const localWindows = new Map<string, { start: number; used: number }>();
/** Decisions already known to be "blocked" are kept in the isolate, sparing Redis a trip. */
const blockedHere = new Map<string, number>();

function refuse(retryAfterSeconds: number): never {
  const retryAfter = Math.max(1, Math.ceil(retryAfterSeconds));
  throw new ApiError("rate_limited", `Too many expensive analytics reads; try again in ${retryAfter} s, or ask for whole months (answered from the rollup).`, {
    headers: { "retry-after": String(retryAfter) },
  });
}

function spendLocally(identity: string, limit: number, now: number): void {
  const window = localWindows.get(identity);
  if (!window || now - window.start >= WINDOW_MS) {
    // Expired windows of other callers go too, so the map stays as small as the active callers.
    for (const [key, w] of localWindows) if (now - w.start >= WINDOW_MS) localWindows.delete(key);
    localWindows.set(identity, { start: now, used: 1 });
    return;
  }
  if (window.used >= limit) refuse((window.start + WINDOW_MS - now) / 1000);
  window.used++;
}

/**
 * Spends one of the caller's expensive reads (an analytics answer that must scan the flights
 * table) and answers 429 with Retry-After once EXPENSIVE_READS_PER_MINUTE are spent. Counted in
 * Redis across isolates; in the isolate when Redis is not configured or does not answer.
 */
export async function spendExpensiveRead(c: Context<AppEnv>): Promise<void> {
  const identity = `user:${c.var.user.id}`;
  const limit = c.var.config.EXPENSIVE_READS_PER_MINUTE;
  const redis = c.var.cache.redis;
  if (redis) {
    const limiter = new Ratelimit({
      redis,
      limiter: Ratelimit.slidingWindow(limit, "60 s"),
      prefix: "skyslot:v1:expensive-reads",
      ephemeralCache: blockedHere,
      timeout: 500,
      analytics: false,
    });
    try {
      const result = await limiter.limit(identity);
      c.executionCtx.waitUntil(result.pending);
      if (!result.success) refuse((result.reset - Date.now()) / 1000);
      return;
    } catch (error) {
      if (error instanceof ApiError) throw error;
      c.var.log.warn("expensive_read_budget_unavailable", { error: error instanceof Error ? error.message : String(error) });
    }
  }
  spendLocally(identity, limit, Date.now());
}
