import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env";
import type { Commands } from "../cache/store";
import { ApiError } from "./problem";

const WINDOW_MS = 60_000;
const PREFIX = "skyslot:v1:ratelimit";
/** Callers already known to be over budget are refused from the isolate's memory, sparing Redis a trip. */
const blockedUntil = new Map<string, number>();
const MAX_BLOCKED_REMEMBERED = 10_000;
/**
 * What this isolate last heard of each caller's budget: requests left in the window, and how many
 * writes it let start since on that word alone (see `spendAhead`).
 */
const budgets = new Map<string, { left: number; ahead: number; until: number }>();

/**
 * One request spent from `identity`'s budget of `limit` a minute, as a sliding window over two
 * fixed minutes: this minute's count plus the previous minute's, weighted by how much of it
 * still lies within the last 60 s. Its three commands travel in whatever pipeline the request
 * sends first, so the limit never costs a round trip of its own.
 */
export interface Spend {
  identity: string;
  limit: number;
  now: number;
  current: string;
  previous: string;
  /** Let start before its count came back (`spendAhead`). */
  ahead?: boolean;
}

export function spendFor(identity: string, limit: number, now = Date.now()): Spend {
  const minute = Math.floor(now / WINDOW_MS);
  return { identity, limit, now, current: `${PREFIX}:${identity}:${minute}`, previous: `${PREFIX}:${identity}:${minute - 1}` };
}

/** Refuses at once a caller this isolate saw go over budget, until their window moves on. */
export function refuseIfBlocked(spend: Spend): void {
  const until = blockedUntil.get(spend.identity);
  if (until === undefined) return;
  if (until > spend.now) throw rateLimited(until - spend.now);
  blockedUntil.delete(spend.identity);
}

/**
 * Whether a request may start before its spend is counted: only while the caller's last count,
 * less the requests already started on it, leaves room. A write cannot be taken back once it
 * has run, so it never starts on a budget this isolate does not know to have room.
 */
export function spendAhead(spend: Spend): boolean {
  const budget = budgets.get(spend.identity);
  if (!budget || budget.until <= spend.now || budget.left - budget.ahead < 1) return false;
  budget.ahead += 1;
  spend.ahead = true;
  return true;
}

/** Queues the spend: count this request, keep the count two windows, read the previous window. */
export function queueSpend(pipeline: Commands, spend: Spend): void {
  pipeline.incr(spend.current);
  pipeline.pexpire(spend.current, 2 * WINDOW_MS);
  pipeline.get(spend.previous);
}

/** The number of replies `queueSpend` adds to a pipeline. */
export const SPEND_REPLIES = 3;

/**
 * Reads the spend's replies (null when Redis could not be asked: the request passes, the
 * database is the real guard), sets the RateLimit headers and answers 429 once over budget.
 * Returns how many requests the window holds, this one included.
 */
export function settleSpend(
  c: Context<AppEnv>,
  spend: Spend,
  replies: readonly unknown[] | null,
  { refuse = true }: { refuse?: boolean } = {},
): number | null {
  const budget = budgets.get(spend.identity);
  if (spend.ahead && budget) budget.ahead -= 1;
  if (!replies) return null;
  const elapsed = (spend.now % WINDOW_MS) / WINDOW_MS;
  const used = Math.ceil(Number(replies[0]) + Number(replies[2] ?? 0) * (1 - elapsed));
  c.header("ratelimit-limit", String(spend.limit));
  c.header("ratelimit-remaining", String(Math.max(spend.limit - used, 0)));
  if (budgets.size >= MAX_BLOCKED_REMEMBERED && !budget) budgets.clear();
  budgets.set(spend.identity, { left: spend.limit - used, ahead: budget?.ahead ?? 0, until: spend.now + WINDOW_MS });
  if (used > spend.limit) {
    const wait = WINDOW_MS - (spend.now % WINDOW_MS);
    if (blockedUntil.size >= MAX_BLOCKED_REMEMBERED) forgetExpired(spend.now);
    blockedUntil.set(spend.identity, spend.now + wait);
    // A request that already ran (a write started ahead) keeps its answer; the next ones wait.
    if (refuse) throw rateLimited(wait);
  }
  return used;
}

function forgetExpired(now: number): void {
  for (const [identity, until] of blockedUntil) if (until <= now) blockedUntil.delete(identity);
}

function rateLimited(waitMs: number): ApiError {
  const retryAfter = Math.max(1, Math.ceil(waitMs / 1000));
  return new ApiError("rate_limited", `Too many requests; try again in ${retryAfter} s.`, {
    headers: { "retry-after": String(retryAfter) },
  });
}

/**
 * Sends one request's spend of `identity`'s budget of `limit` a minute (one round trip, off when the
 * cache is not configured); the returned settle waits for it and answers 429 once it is spent.
 */
function sendSpend(c: Context<AppEnv>, identity: string, limit: number): () => Promise<number | null> {
  const spend = spendFor(identity, limit);
  refuseIfBlocked(spend);
  const replies = c.var.cache.pipeline((p) => queueSpend(p, spend));
  return async () => settleSpend(c, spend, await replies);
}

/** Spends one request of `identity`'s budget on its own; returns the window's count, or null. */
export async function spendRateLimit(c: Context<AppEnv>, identity: string, limit: number): Promise<number | null> {
  return sendSpend(c, identity, limit)();
}

/** The caller's address as Cloudflare reports it. */
export function clientIp(c: Context<AppEnv>): string {
  return c.req.header("cf-connecting-ip") ?? c.req.header("x-real-ip") ?? "unknown";
}

/**
 * Spends one request of the client IP's budget: for requests whose credential is not a token,
 * such as a calendar feed's secret address.
 */
export const rateLimitByIp: MiddlewareHandler<AppEnv> = async (c, next) => {
  const settle = sendSpend(c, `ip:${clientIp(c)}`, c.var.config.RATE_LIMIT_PER_MINUTE);
  if (c.req.method !== "GET" && c.req.method !== "HEAD") {
    await settle();
    return next();
  }
  // A read changes nothing: it runs beside the spend, and is answered only once the spend allows it.
  await next();
  await settle();
};
