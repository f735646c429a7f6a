import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env";
import type { Cache } from "../cache/store";
import { cacheKeys, cacheTtl } from "../cache/keys";
import { prefetchKeys } from "../cache/prefetch";
import type { Bindings } from "../env";
import { ApiError, forbidden } from "../http/problem";
import { clientIp, queueSpend, refuseIfBlocked, settleSpend, spendAhead, spendFor, spendRateLimit, SPEND_REPLIES } from "../http/rate-limit";
import { withMeta } from "../openapi/meta";
import { usersSelectBySubject as selectBySubject } from "../../sql/queries/users/users_select_by_subject.queries";
import { bearerToken, unauthenticated, verifiedSubject } from "./jwt";
import { presentUser, type Role, type User } from "./user";
import { ViewerChanged, viewerChecked } from "./viewer-check";

/** Users this isolate signed in during the last minute, by subject. */
const recent = new Map<string, { user: User; at: number }>();
const MAX_RECENT = 10_000;
/**
 * Requests sent again because the user changed while they ran, by the execution context they
 * were sent with (the request object itself is rebuilt on the way, e.g. by the body limit): these
 * never start early.
 */
const replayed = new WeakSet<ExecutionContext>();
const READS = new Set(["GET", "HEAD"]);

export type Replay = (request: Request, env: Bindings, ctx: ExecutionContext) => Response | Promise<Response>;

/**
 * Verifies the bearer token, spends one request of its user's rate limit and loads the user.
 * The limit, the cached user, the time the user last changed and the cache keys the request is
 * about to read (known from its path) travel in one Redis pipeline; only a miss, or a copy older
 * than the last change, goes to Postgres. A request by a user this isolate saw in the last minute
 * starts on that copy while the pipeline is in flight, so its own statement overlaps the check:
 * - a read's answer goes out only once the check agrees, and the read is run again (`replay`) if
 *   the user changed meanwhile;
 * - a write's first statement carries the check itself (`viewerChecked`): it commits only if the
 *   copy is still the user's row, else it rolls back and the write is run again on the current
 *   user. A write starts this way only while the user's rate limit is known to have room.
 * The role and the active flag always come from the database row, never from the token, and no
 * copy older than 60 s, or than the user's last change made through the API, decides anything.
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

    const copy = isReplay(c) ? null : recentCopy(subject, spend.now);
    if (copy && READS.has(c.req.method) && (prefetch.length === 0 || !cache.enabled)) {
      // Without a cache the check is Postgres itself, asked alongside the route's own query.
      const check = cache.enabled ? asked.then((replies) => (settleSpend(c, spend, replies), confirmed(c, subject, replies, copy))) : loadUser(c, subject);
      // Awaited below, once the route is done (a refusal must not race the route's own answer).
      check.catch(() => undefined);
      c.set("user", copy);
      await next();
      return rerunIfChanged(c, replay, copy, await check, () => new Request(c.req.raw));
    }
    if (copy && !READS.has(c.req.method) && smallBody(c) && (!cache.enabled || spendAhead(spend))) {
      // Cloned before the route reads the body, in case the write must run again.
      const again = c.req.raw.clone();
      const db = c.var.db;
      const checked = viewerChecked(db, copy);
      c.set("db", checked.db);
      c.set("user", copy);
      await next();
      // What follows looks the user up afresh: without the check on the copy it is replacing.
      c.set("db", db);
      const replies = await asked;
      // The database proved the copy when the write ran: its answer stands, past the budget too.
      settleSpend(c, spend, replies, { refuse: !checked.confirmed });
      if (checked.confirmed) return;
      const user = c.error instanceof ViewerChanged ? await loadUser(c, subject) : await confirmed(c, subject, replies, copy);
      return rerunIfChanged(c, replay, copy, user, () => again);
    }

    // No copy to start on: the user's row is asked for beside the pipeline, so a user Redis no
    // longer holds costs no extra wait (a user Redis holds is taken from there, sooner).
    const lookup = copy ? null : loadUser(c, subject);
    lookup?.catch(() => undefined);
    const replies = await asked;
    settleSpend(c, spend, replies);
    if (replies) prefetch.forEach((key, i) => cache.remember(key, replies[SPEND_REPLIES + 2 + i]));
    const user = copy
      ? await confirmed(c, subject, replies, copy)
      : ((replies && fresh(replies[SPEND_REPLIES] as User | null, replies[SPEND_REPLIES + 1])) ?? (await lookup));
    assertSignedIn(user);
    c.set("user", user);
    await next();
  };
}

/**
 * After a request that started on `copy`: refuses it if the user is gone or deactivated, and
 * runs it again from the top (`again`, never on a copy) if the user changed meanwhile.
 */
async function rerunIfChanged(c: Context<AppEnv>, replay: Replay, copy: User, user: User | null, again: () => Request): Promise<void> {
  assertSignedIn(user);
  if (user.updated_at === copy.updated_at) return;
  const ctx = c.executionCtx as ExecutionContext;
  // Its own object (the runtime's methods bound to the runtime's context), so the mark is this replay's.
  const marked = {
    waitUntil: ctx.waitUntil.bind(ctx),
    passThroughOnException: ctx.passThroughOnException.bind(ctx),
    props: ctx.props,
  } as ExecutionContext;
  replayed.add(marked);
  c.res = await replay(again(), c.env, marked);
}

/** Only a known, active user signs in. */
function assertSignedIn(user: User | null): asserts user is User {
  if (!user) throw unauthenticated("The token's subject is not a known user.");
  if (!user.active) throw unauthenticated("This user has been deactivated.");
}

/**
 * A write whose body may be held twice (it is cloned in case the write must run again): one that
 * says it fits the API's 1 MiB limit. Streamed uploads (flight files, up to 50 MiB) wait for the
 * sign-in check instead.
 */
function smallBody(c: Context<AppEnv>): boolean {
  if (c.req.raw.body === null) return true;
  const length = Number(c.req.header("content-length"));
  return Number.isFinite(length) && length <= MAX_CLONED_BODY_BYTES;
}

const MAX_CLONED_BODY_BYTES = 1024 * 1024;

function isReplay(c: Context<AppEnv>): boolean {
  try {
    return replayed.has(c.executionCtx as ExecutionContext);
  } catch {
    // No execution context (a direct app.request): never a replay.
    return false;
  }
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
 * The user as the pipeline's answers show them, given the isolate's copy of them:
 * the copy while nothing newer is known, else the newer cached copy or the database row.
 */
async function confirmed(c: Context<AppEnv>, subject: string, replies: unknown[] | null, copy: User): Promise<User | null> {
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
