import type { Context } from "hono";
import type { AppEnv } from "../../app-env";
import { cacheKeys, cacheTtl } from "../../cache/keys";
import type { Cache } from "../../cache/store";

/**
 * Drops every cached availability range of a user: their entries are keyed by a generation
 * number, and this moves it on. Call it after the change (patterns, overrides, a booking of
 * theirs) has committed and before answering, so the next read computes afresh. When the users
 * are known before the write, `changingAvailability` spares the answer that wait.
 */
export async function invalidateAvailability(cache: Cache, userId: string): Promise<void> {
  await cache.incr(cacheKeys.availabilityGeneration(userId));
}

/**
 * Runs `write`, a change to these users' availability, with its cache work off the critical path
 * and read-your-writes kept:
 * 1. beside the write (same wait), the users are marked as being written (a counter that expires
 *    on its own) and their generation moves on: from here every reader reads Postgres and stores
 *    nothing, and whatever a reader stored before is keyed by an older generation;
 * 2. the answer waits for both, so a client that has it can only meet the mark or what follows;
 * 3. after the answer the generation moves on again and the mark comes off, in that order; a
 *    reader that finds no mark then finds the new generation too, and loads after the commit.
 * Readers ask generation, then mark, then entry (`cachedAvailability`). If the mark could not be
 * set, the generation moves on before answering, as `invalidateAvailability` does.
 */
export async function changingAvailability<T>(c: Context<AppEnv>, userIds: readonly string[], write: () => Promise<T>): Promise<T> {
  const cache = c.var.cache;
  const users = [...new Set(userIds)];
  const marked = cache.pipeline((p) => {
    for (const id of users) {
      p.incr(cacheKeys.availabilityWriting(id));
      p.pexpire(cacheKeys.availabilityWriting(id), cacheTtl.availabilityWriting * 1000);
      p.incr(cacheKeys.availabilityGeneration(id));
    }
  });
  // The mark comes off only where it was put: a counter taken below zero would hide the next mark.
  const settle = (unmark: boolean) =>
    cache.pipeline((p) => {
      for (const id of users) {
        p.incr(cacheKeys.availabilityGeneration(id));
        if (unmark) p.decr(cacheKeys.availabilityWriting(id));
      }
    });
  const [mark, result] = await Promise.allSettled([marked, write()]);
  if (mark.status === "fulfilled" && mark.value !== null) c.executionCtx.waitUntil(settle(true));
  else await settle(false);
  if (result.status === "rejected") throw result.reason;
  return result.value;
}

/**
 * The generation a user's availability is cached under now, starting one when there is none;
 * null when the cache cannot say (down or disabled), in which case nothing should be cached.
 */
export async function availabilityGeneration(cache: Cache, userId: string): Promise<number | null> {
  const key = cacheKeys.availabilityGeneration(userId);
  return (await cache.get<number>(key)) ?? (await cache.incr(key));
}

/**
 * One user's availability for a range: the cached view when it was computed under the user's
 * current generation, else `load()` (cached for the next reader unless a change to the user is
 * being written). Without a cache, just `load()`.
 */
export async function cachedAvailability<T>(
  cache: Cache,
  userId: string,
  range: { from: string; to: string },
  load: () => Promise<T | null>,
): Promise<T | null> {
  const generation = await availabilityGeneration(cache, userId);
  if (generation === null) return load();
  if (Number(await cache.get<number>(cacheKeys.availabilityWriting(userId))) > 0) return load();
  const key = cacheKeys.availability(userId, range.from, range.to);
  const hit = await cache.get<{ generation: number; view: T }>(key);
  if (hit?.generation === generation) return hit.view;
  const view = await load();
  if (view !== null) await cache.set(key, { generation, view }, cacheTtl.availability);
  return view;
}
