import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env";
import { cached } from "../cache/cached";
import { cacheKeys, cacheTtl } from "../cache/keys";
import { ApiError, forbidden } from "../http/problem";
import { spendRateLimit } from "../http/rate-limit";
import { withMeta } from "../openapi/meta";
import selectBySubject from "../../sql/queries/users/users_select_by_subject.sql";
import { bearerToken, unauthenticated, verifiedSubject } from "./jwt";
import { presentUser, type Role, type User } from "./user";

/**
 * Verifies the bearer token, spends one request of its user's rate limit and loads the user
 * (cache first, then Postgres). The role always comes from the database row, never from the
 * token. The limit and the cached user are asked for at the same time, so their two Redis round
 * trips overlap (the client pipelines reads and writes separately).
 */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const subject = await verifiedSubject(c.var.config, bearerToken(c.req.header("authorization")));
  const [, user] = await Promise.all([
    spendRateLimit(c, `user:${subject}`),
    cached<User>(c.var.cache, cacheKeys.userBySubject(subject), cacheTtl.userBySubject, async () => {
      const [row] = await c.var.db.query(selectBySubject, [subject], { idempotent: true });
      return row ? presentUser(row) : null;
    }),
  ]);
  if (!user) throw unauthenticated("The token's subject is not a known user.");
  c.set("user", user);
  await next();
};

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
