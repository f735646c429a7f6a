import { Ratelimit } from "@upstash/ratelimit";
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env";
import { ApiError } from "./problem";

const WINDOW = "60 s";
/** Decisions already known to be "blocked" are kept in the isolate, sparing Redis a trip. */
const blockedHere = new Map<string, number>();

/**
 * Built per request around the request's own Redis client (a client must not outlive the request
 * that made it); only the isolate's memory of blocked callers is shared.
 */
function limiterFor(c: Context<AppEnv>): Ratelimit | null {
  const redis = c.var.cache.redis;
  if (!redis) return null;
  return new Ratelimit({
    redis,
    limiter: Ratelimit.slidingWindow(c.var.config.RATE_LIMIT_PER_MINUTE, WINDOW),
    prefix: "skyslot:v1:ratelimit",
    ephemeralCache: blockedHere,
    // A slow Redis must not hold requests up: past this the request is let through.
    timeout: 500,
    analytics: false,
  });
}

/**
 * Spends one request of `identity`'s budget and answers 429 once it is spent. Off when the cache
 * is not configured; when Redis fails the request passes (the database is the real guard).
 */
export async function spendRateLimit(c: Context<AppEnv>, identity: string): Promise<void> {
  const limiter = limiterFor(c);
  if (!limiter) return;
  let result: Awaited<ReturnType<Ratelimit["limit"]>>;
  try {
    result = await limiter.limit(identity);
  } catch (error) {
    c.var.log.warn("rate_limit_unavailable", { error: error instanceof Error ? error.message : String(error) });
    return;
  }
  c.executionCtx.waitUntil(result.pending);
  c.header("ratelimit-limit", String(result.limit));
  c.header("ratelimit-remaining", String(Math.max(result.remaining, 0)));
  if (!result.success) {
    const retryAfter = Math.max(1, Math.ceil((result.reset - Date.now()) / 1000));
    throw new ApiError("rate_limited", `Too many requests; try again in ${retryAfter} s.`, {
      headers: { "retry-after": String(retryAfter) },
    });
  }
}

/** Spends one request of the client IP's budget, whatever credentials the request carries. */
export const rateLimitByIp: MiddlewareHandler<AppEnv> = async (c, next) => {
  await spendRateLimit(c, `ip:${c.req.header("cf-connecting-ip") ?? c.req.header("x-real-ip") ?? "unknown"}`);
  await next();
};

/** Callers without a token are limited by client IP (signed-in users by `authenticate`). */
export const rateLimitAnonymous: MiddlewareHandler<AppEnv> = (c, next) =>
  c.req.header("authorization") ? next() : rateLimitByIp(c, next);
