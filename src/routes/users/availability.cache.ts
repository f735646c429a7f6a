import { cacheKeys, cacheTtl } from "../../cache/keys";
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

/**
 * One user's availability for a range: the cached view when it was computed under the user's
 * current generation, else `load()` (cached for the next reader). Without a cache, just `load()`.
 */
export async function cachedAvailability<T>(
  cache: Cache,
  userId: string,
  range: { from: string; to: string },
  load: () => Promise<T | null>,
): Promise<T | null> {
  const generation = await availabilityGeneration(cache, userId);
  if (generation === null) return load();
  const key = cacheKeys.availability(userId, range.from, range.to);
  const hit = await cache.get<{ generation: number; view: T }>(key);
  if (hit?.generation === generation) return hit.view;
  const view = await load();
  if (view !== null) await cache.set(key, { generation, view }, cacheTtl.availability);
  return view;
}
