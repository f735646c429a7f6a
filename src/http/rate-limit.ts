import { Ratelimit } from "@upstash/ratelimit";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env";
import { ApiError } from "./problem";

const WINDOW = "60 s";
/** Decisions already known to be "blocked" are kept in the isolate, sparing Redis a trip. */
const blockedHere = new Map<string, number>();
const limiters = new Map<number, Ratelimit>();

function limiterFor(c: Parameters<MiddlewareHandler<AppEnv>>[0]): Ratelimit | null {
  const redis = c.var.cache.redis;
  if (!redis) return null;
  const perMinute = c.var.config.RATE_LIMIT_PER_MINUTE;
  let limiter = limiters.get(perMinute);
  if (!limiter) {
    limiter = new Ratelimit({
      redis,
      limiter: Ratelimit.slidingWindow(perMinute, WINDOW),
      prefix: "skyslot:v1:ratelimit",
      ephemeralCache: blockedHere,
      // A slow Redis must not hold requests up: past this the request is let through.
      timeout: 500,
      analytics: false,
    });
    limiters.set(perMinute, limiter);
  }
  return limiter;
}

/**
 * Per user when signed in (after `authenticate`), per client IP otherwise. Off when the cache
 * is not configured; when Redis fails the request passes (the database is the real guard).
 */
export function rateLimit(by: "user" | "ip"): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const limiter = limiterFor(c);
    if (!limiter) return next();
    const identity =
      by === "user" ? `user:${c.var.user.id}` : `ip:${c.req.header("cf-connecting-ip") ?? c.req.header("x-real-ip") ?? "unknown"}`;
    let result: Awaited<ReturnType<Ratelimit["limit"]>>;
    try {
      result = await limiter.limit(identity);
    } catch (error) {
      c.var.log.warn("rate_limit_unavailable", { error: error instanceof Error ? error.message : String(error) });
      return next();
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
    await next();
  };
}
