import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { ApiError } from "../http/problem";
import { spendRateLimit } from "../http/rate-limit";

const WINDOW_MS = 60_000;
/** Without Redis each isolate keeps its own count: a looser bound, but still one. */
const localWindows = new Map<string, { start: number; used: number }>();

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
 * Redis across isolates (the same sliding window as the request limit, under its own name); in
 * the isolate when Redis is not configured or does not answer.
 */
export async function spendExpensiveRead(c: Context<AppEnv>): Promise<void> {
  const identity = `expensive-reads:user:${c.var.user.id}`;
  const limit = c.var.config.EXPENSIVE_READS_PER_MINUTE;
  let counted: number | null;
  try {
    counted = await spendRateLimit(c, identity, limit);
  } catch (error) {
    if (error instanceof ApiError && error.code === "rate_limited") refuse(Number(error.options.headers?.["retry-after"] ?? 60));
    throw error;
  }
  if (counted === null) spendLocally(identity, limit, Date.now());
}
