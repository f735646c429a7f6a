import type { Cache } from "./store";

/** Loads already under way in this isolate, by key: concurrent misses share one. */
const loading = new Map<string, Promise<unknown>>();

const LOCK_MS = 3_000;
const WAIT_STEP_MS = 25;
const WAIT_STEPS = 8;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Cache-aside with stampede protection: a hit is served from Redis; on a miss one caller (per
 * isolate, and across isolates through a short Redis lock) loads from Postgres and fills the
 * cache while the others wait briefly for that value. Nothing is cached for `null` (not found).
 * With the cache down or disabled, every call simply loads.
 */
export async function cached<T>(cache: Cache, key: string, ttlSeconds: number, load: () => Promise<T | null>): Promise<T | null> {
  const hit = await cache.get<T>(key);
  if (hit !== null) return hit;
  if (!cache.enabled) return load();
  const running = loading.get(key) as Promise<T | null> | undefined;
  if (running) return running;
  const work = fill(cache, key, ttlSeconds, load).finally(() => loading.delete(key));
  loading.set(key, work);
  return work;
}

async function fill<T>(cache: Cache, key: string, ttlSeconds: number, load: () => Promise<T | null>): Promise<T | null> {
  const lock = `${key}:loading`;
  if (!(await cache.claim(lock, LOCK_MS))) {
    // Another isolate is loading this key: give it a moment before going to the database too.
    for (let step = 0; step < WAIT_STEPS; step++) {
      await sleep(WAIT_STEP_MS);
      const filled = await cache.get<T>(key);
      if (filled !== null) return filled;
    }
  }
  let value: T | null;
  try {
    value = await load();
  } catch (error) {
    await cache.del(lock);
    throw error;
  }
  // Stored and unlocked in one trip.
  if (value !== null) await cache.set(key, value, ttlSeconds, lock);
  else await cache.del(lock);
  return value;
}
