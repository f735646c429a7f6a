import { cacheKeys } from "../../cache/keys";
import type { Cache } from "../../cache/store";

/**
 * Drops every cached availability range of a user: their entries are keyed by a generation
 * number, and this moves it on. Call it after the change (patterns, overrides, a booking of
 * theirs) has committed and before answering, so the next read computes afresh.
 */
export async function invalidateAvailability(cache: Cache, userId: string): Promise<void> {
  await cache.incr(cacheKeys.availabilityGeneration(userId));
}

/**
 * The generation a user's availability is cached under now, starting one when there is none;
 * null when the cache cannot say (down or disabled), in which case nothing should be cached.
 */
export async function availabilityGeneration(cache: Cache, userId: string): Promise<number | null> {
  const key = cacheKeys.availabilityGeneration(userId);
  return (await cache.get<number>(key)) ?? (await cache.incr(key));
}
