import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env";
import type { Cache } from "../cache/store";
import { cacheKeys, cacheTtl } from "../cache/keys";
import { prefetchKeys } from "../cache/prefetch";
import type { Bindings } from "../env";
import { ApiError, forbidden } from "../http/problem";
import { clientIp, queueSpend, refuseIfBlocked, settleSpend, spendFor, spendRateLimit, SPEND_REPLIES, type Spend } from "../http/rate-limit";
import { withMeta } from "../openapi/meta";
import { usersSelectBySubject as selectBySubject } from "../../sql/queries/users/users_select_by_subject.queries";
import { bearerToken, unauthenticated, verifiedSubject } from "./jwt";
import { presentUser, type Role, type User } from "./user";

/** Users this isolate signed in during the last minute, by subject. */
const recent = new Map<string, { user: User; at: number }>();
const MAX_RECENT = 10_000;
/** Requests sent again because the user changed while they ran: these never start early. */
const replayed = new WeakSet<Request>();
const READS = new Set(["GET", "HEAD"]);

export type Replay = (request: Request, env: Bindings, ctx: ExecutionContext) => Response | Promise<Response>;

/**
 * Verifies the bearer token, spends one request of its user's rate limit and loads the user.
 * The limit, the cached user, the time the user last changed and the cache keys the request is
 * about to read (known from its path) travel in one Redis pipeline; only a miss, or a copy older
 * than the last change, goes to Postgres. A read by a user this isolate saw in the last minute
 * starts on that copy while the pipeline is in flight, so its own query overlaps the check; its
 * answer goes out only once the check agrees, and the request is run again (`replay`) if the user
 * changed meanwhile. The role and the active flag always come from the database row, never from
 * the token, and no copy older than 60 s, or than the user's last change made through the API,
 * decides anything.
 */
export function authenticate(replay: Replay): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { config, cache } = c.var;
    let subject: string;
    try {
      subject = await verifiedSubject(config, bearerToken(c.req.header("authorization")));
    } catch (error) {
      // Not signed in (no token, or a refused one): the caller's address pays, on a tight budget,
      // so guessing tokens is throttled like any other unauthenticated traffic.
      await spendRateLimit(c, `ip:${clientIp(c)}`, config.RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE);
      throw error;
    }
    const spend = spendFor(`user:${subject}`, config.RATE_LIMIT_PER_MINUTE);
    refuseIfBlocked(spend);
    const prefetch = prefetchKeys(c.req.method, c.req.path, c.req.query());
    const asked = cache.pipeline((p) => {
      queueSpend(p, spend);
      p.get(cacheKeys.userBySubject(subject));
      p.get(cacheKeys.userChangedAt(subject));
      for (const key of prefetch) p.get(key);
    });

    const copy = recentCopy(subject, spend.now);
    if (copy && (prefetch.length === 0 || !cache.enabled) && READS.has(c.req.method) && !replayed.has(c.req.raw)) {
      c.set("user", copy);
      // Without a cache the check is Postgres itself, asked alongside the route's own query.
      const check = cache.enabled ? asked.then((replies) => confirmed(c, subject, spend, replies, copy)) : loadUser(c, subject);
      // Awaited below, once the route is done (a refusal must not race the route's own answer).
      check.catch(() => undefined);
      await next();
      const user = await check;
      if (!user) throw unauthenticated("The token's subject is not a known user.");
      if (!user.active) throw unauthenticated("This user has been deactivated.");
      if (user.updated_at !== copy.updated_at) {
        const again = new Request(c.req.raw);
        replayed.add(again);
        c.res = await replay(again, c.env, c.executionCtx as ExecutionContext);
      }
      return;
    }

    const replies = await asked;
    settleSpend(c, spend, replies);
    if (replies) prefetch.forEach((key, i) => cache.remember(key, replies[SPEND_REPLIES + 2 + i]));
    const user = (replies && fresh(replies[SPEND_REPLIES] as User | null, replies[SPEND_REPLIES + 1])) ?? (await loadUser(c, subject));
    if (!user) throw unauthenticated("The token's subject is not a known user.");
    if (!user.active) throw unauthenticated("This user has been deactivated.");
    c.set("user", user);
    await next();
  };
}

/** This isolate's copy of a user, when it is less than the cached user's lifetime old. */
function recentCopy(subject: string, now: number): User | null {
  const seen = recent.get(subject);
  if (!seen) return null;
  if (now - seen.at < cacheTtl.userBySubject * 1000) return seen.user;
  recent.delete(subject);
  return null;
}

function remember(user: User, at: number): void {
  if (recent.size >= MAX_RECENT) recent.clear();
  recent.set(user.auth_subject, { user, at });
}

/**
 * The user as the pipeline's answers show them, given the isolate's copy a read started on:
 * the copy while nothing newer is known, else the newer cached copy or the database row.
 */
async function confirmed(c: Context<AppEnv>, subject: string, spend: Spend, replies: unknown[] | null, copy: User): Promise<User | null> {
  settleSpend(c, spend, replies);
  if (!replies) return loadUser(c, subject);
  const held = replies[SPEND_REPLIES] as User | null;
  const changedAt = replies[SPEND_REPLIES + 1];
  if (fresh(copy, changedAt) && (held === null || held.updated_at === copy.updated_at)) return copy;
  return fresh(held, changedAt) ?? loadUser(c, subject);
}

/** A cached user, unless the user changed after the copy was loaded. */
function fresh(user: User | null, changedAt: unknown): User | null {
  if (!user) return null;
  return changedAt === null || changedAt === undefined || Date.parse(user.updated_at) >= Number(changedAt) ? user : null;
}

/** Loads the user from Postgres; the copy is cached after the response has gone out. */
async function loadUser(c: Context<AppEnv>, subject: string): Promise<User | null> {
  const [row] = await c.var.db.query(selectBySubject, { authSubject: subject }, { idempotent: true });
  if (!row) return null;
  const user = presentUser(row);
  remember(user, Date.now());
  c.executionCtx.waitUntil(c.var.cache.set(cacheKeys.userBySubject(subject), user, cacheTtl.userBySubject));
  return user;
}

/**
 * After a change to a user: records when it happened (so any copy loaded before it, even one
 * written afterwards by a slower load, is ignored) and drops the cached copy, in one trip.
 */
export async function forgetUser(cache: Cache, user: User): Promise<void> {
  await cache.pipeline((p) => {
    p.set(cacheKeys.userChangedAt(user.auth_subject), Date.parse(user.updated_at), { ex: cacheTtl.userChangedAt });
    p.del(cacheKeys.userBySubject(user.auth_subject));
  });
}

/** Lets only the given roles through; everyone else signed in gets 403. */
export function requireRole(...allowed: Role[]): MiddlewareHandler<AppEnv> {
  return withMeta<MiddlewareHandler<AppEnv>>(
    async (c, next) => {
      if (!allowed.includes(c.var.user.role)) {
        throw forbidden(`This needs the ${allowed.join(" or ")} role.`);
      }
      await next();
    },
    { roles: allowed },
  );
}

/** Self or admin: for acting on a user's own data. */
export function assertSelfOrAdmin(user: User, userId: string): void {
  if (user.role !== "ADMIN" && user.id !== userId) {
    throw new ApiError("not_found", "User was not found.");
  }
}
