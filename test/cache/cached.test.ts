import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { cached } from "../../src/cache/cached";
import { createCache } from "../../src/cache/store";
import { loadConfig } from "../../src/env";
import { createLogger } from "../../src/http/log";
import { TripLog } from "../../src/http/trips";
import { redisUp } from "../support/db";

const log = createLogger({ test: "cache" });

describe.skipIf(!redisUp)("cache-aside against Redis", () => {
  const cache = () => createCache(loadConfig(env), log);

  it("loads once for many concurrent misses, then serves hits", async () => {
    const key = `skyslot:test:${crypto.randomUUID()}`;
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((r) => setTimeout(r, 50));
      return { icao: "KJFK", loaded: loads };
    };
    const results = await Promise.all(Array.from({ length: 25 }, () => cached(cache(), key, 30, load)));
    expect(loads).toBe(1);
    expect(results.every((r) => r?.loaded === 1)).toBe(true);
    expect(await cached(cache(), key, 30, load)).toEqual({ icao: "KJFK", loaded: 1 });
    expect(loads).toBe(1);
  });

  it("stores what it loaded and releases its lock in one round trip", async () => {
    const key = `skyslot:test:${crypto.randomUUID()}`;
    const trips = new TripLog();
    const c = createCache(loadConfig(env), log, trips);
    expect(await cached(c, key, 30, async () => ({ loaded: true }))).toEqual({ loaded: true });
    // The miss, the lock, then the value stored and the lock deleted together.
    expect(trips.redis).toBe(3);
    expect(await cache().get(`${key}:loading`)).toBeNull();
    expect(await cache().get(key)).toEqual({ loaded: true });
  });

  it("waits for a load another isolate holds the lock for", async () => {
    const key = `skyslot:test:${crypto.randomUUID()}`;
    const c = cache();
    await c.claim(`${key}:loading`, 3000);
    setTimeout(() => void c.set(key, "filled elsewhere", 30), 60);
    let loads = 0;
    const value = await cached(c, key, 30, async () => {
      loads++;
      return "loaded here";
    });
    expect(value).toBe("filled elsewhere");
    expect(loads).toBe(0);
  });

  it("does not send a value over Upstash's 1 MB request limit, and says so instead of failing on every request", async () => {
    const key = `skyslot:test:${crypto.randomUUID()}`;
    const warnings: { event: string; data: Record<string, unknown> }[] = [];
    const c = createCache(loadConfig(env), { warn: (event, data) => warnings.push({ event, data }) });
    const big = { rows: Array.from({ length: 20_000 }, (_, i) => ({ i, label: "x".repeat(40) })) };
    expect(await cached(c, key, 30, async () => big)).toEqual(big);
    expect(warnings).toEqual([{ event: "cache_value_too_large", data: expect.objectContaining({ key, limit: 1_000_000 }) }]);
    expect(await c.get(key)).toBeNull();
    // Its lock is released all the same, so the next miss loads at once instead of waiting.
    expect(await c.get(`${key}:loading`)).toBeNull();
    await c.set(key, { rows: big.rows.slice(0, 100) }, 30);
    expect(await c.get(key)).toEqual({ rows: big.rows.slice(0, 100) });
    await c.del(key);
  });

  it("does not cache a miss in the database", async () => {
    const key = `skyslot:test:${crypto.randomUUID()}`;
    let loads = 0;
    const load = async () => (loads++, null);
    expect(await cached(cache(), key, 30, load)).toBeNull();
    expect(await cached(cache(), key, 30, load)).toBeNull();
    expect(loads).toBe(2);
  });
});

describe("cache-aside without Redis", () => {
  it("loads from the source every time when the cache is down", async () => {
    const down = createCache(
      loadConfig({ ...env, UPSTASH_REDIS_REST_URL: "http://127.0.0.1:9", UPSTASH_REDIS_REST_TOKEN: "x" }),
      log,
    );
    let loads = 0;
    const load = async () => (loads++, "fresh");
    expect(await cached(down, "skyslot:test:down", 30, load)).toBe("fresh");
    expect(await cached(down, "skyslot:test:down", 30, load)).toBe("fresh");
    expect(loads).toBe(2);
  });
});
