import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env";
import type { Cache } from "../cache/store";
import { cacheKeys, cacheTtl } from "../cache/keys";
import { ApiError, forbidden } from "../http/problem";
import { clientIp, queueSpend, refuseIfBlocked, settleSpend, spendFor, spendRateLimit, SPEND_REPLIES } from "../http/rate-limit";
import { withMeta } from "../openapi/meta";
import selectBySubject from "../../sql/queries/users/users_select_by_subject.sql";
import { bearerToken, unauthenticated, verifiedSubject } from "./jwt";
import { presentUser, type Role, type User } from "./user";

/**
 * Verifies the bearer token, spends one request of its user's rate limit and loads the user.
 * The limit, the cached user and the time the user last changed travel in one Redis pipeline;
 * only a miss (or a copy older than the last change) goes to Postgres. The role and the active
 * flag always come from the database row, never from the token, and a cached copy is at most
 * 60 s old, or younger than the user's last change made through the API.
 */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
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
  const replies = await cache.pipeline((p) => {
    queueSpend(p, spend);
    p.get(cacheKeys.userBySubject(subject));
    p.get(cacheKeys.userChangedAt(subject));
  });
  settleSpend(c, spend, replies);
  const user = (replies && fresh(replies[SPEND_REPLIES] as User | null, replies[SPEND_REPLIES + 1])) ?? (await loadUser(c, subject));
  if (!user) throw unauthenticated("The token's subject is not a known user.");
  if (!user.active) throw unauthenticated("This user has been deactivated.");
  c.set("user", user);
  await next();
};

/** A cached user, unless the user changed after the copy was loaded. */
function fresh(user: User | null, changedAt: unknown): User | null {
  if (!user) return null;
  return changedAt === null || changedAt === undefined || Date.parse(user.updated_at) >= Number(changedAt) ? user : null;
}

/** Loads the user from Postgres; the copy is cached after the response has gone out. */
async function loadUser(c: Context<AppEnv>, subject: string): Promise<User | null> {
  const [row] = await c.var.db.query(selectBySubject, [subject], { idempotent: true });
  if (!row) return null;
  const user = presentUser(row);
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
