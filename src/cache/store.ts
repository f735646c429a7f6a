import { Redis } from "@upstash/redis/cloudflare";
import type { AppConfig } from "../env";
import type { TripLog } from "../http/trips";

/** Cache calls give up quickly: a slow cache must never slow a request more than this. */
const CACHE_TIMEOUT_MS = 400;

/**
 * Upstash's REST API refuses requests over 1 MB (upstash.com/docs/redis/troubleshooting/
 * max_request_size_exceeded): such a value would fail to be stored on every request.
 */
export const MAX_CACHE_REQUEST_BYTES = 1_000_000;

/**
 * The SET command as Upstash receives it (the value as JSON text, the SDK's own serialization,
 * inside the JSON command), serialized once: the same text is measured against the limit and
 * sent, so a large value (an analytics answer of thousands of groups) is not serialized again.
 */
function setCommand(key: string, value: unknown, ttlSeconds: number): string {
  const serialized = typeof value === "string" ? value : JSON.stringify(value);
  return JSON.stringify(["set", key, serialized, "ex", ttlSeconds]);
}

const requestBytes = (body: string) => new TextEncoder().encode(body).length;

export type CacheStatus = "up" | "down" | "disabled";

/**
 * The request's cache. Every method fails open: when Redis is down or not configured, reads
 * miss and writes are dropped, and the caller falls back to Postgres.
 */
export interface Cache {
  readonly enabled: boolean;
  /** The client, for rate limiting; null when the cache is not configured. */
  readonly redis: Redis | null;
  get<T>(key: string): Promise<T | null>;
  /** Stores a value; `release` names a lock deleted in the same round trip (also when the value is too large to store). */
  set(key: string, value: unknown, ttlSeconds: number, release?: string): Promise<void>;
  del(...keys: string[]): Promise<void>;
  /** Takes a short-lived lock; true when this caller got it, or when there is no cache to ask. */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /**
   * Sends the commands `build` queues in one round trip and returns their replies in order;
   * null when Redis could not be asked (or is not configured).
   */
  pipeline(build: (pipeline: Commands) => void): Promise<unknown[] | null>;
  /** Adds one to a counter (creating it at 1); null when the cache could not be asked. */
  incr(key: string): Promise<number | null>;
  ping(): Promise<{ status: CacheStatus; latency_ms: number | null }>;
  /**
   * Holds a value read in an earlier pipeline of this request, so a later `get` of that key is
   * answered without a trip (`null`: known to be absent). Writing the key forgets it.
   */
  remember(key: string, value: unknown): void;
}

/** The commands the service sends in pipelines, queued in order. */
export interface Commands {
  get(key: string): void;
  set(key: string, value: unknown, options: { ex: number }): void;
  del(key: string): void;
  incr(key: string): void;
  decr(key: string): void;
  pexpire(key: string, milliseconds: number): void;
}

/**
 * A pipeline as Upstash's REST API takes it (`POST /pipeline`, one JSON array of commands), sent
 * with plain `fetch`: it runs on every signed-in request, and the SDK's own pipeline builder costs
 * more CPU than the rest of a cache hit's work. Values are written and read as the SDK does
 * (JSON text, parsed back when it parses), and the client's read-your-writes sync token goes along
 * (`upstash.com/docs/redis/howto/readyourwrites`), so both paths read each other's writes.
 */
async function sendPipeline(url: string, token: string, redis: Redis, build: (pipeline: Commands) => void): Promise<unknown[]> {
  const commands: (string | number)[][] = [];
  build({
    get: (key) => void commands.push(["get", key]),
    set: (key, value, { ex }) => void commands.push(["set", key, typeof value === "string" ? value : JSON.stringify(value), "ex", ex]),
    del: (key) => void commands.push(["del", key]),
    incr: (key) => void commands.push(["incr", key]),
    decr: (key) => void commands.push(["decr", key]),
    pexpire: (key, milliseconds) => void commands.push(["pexpire", key, milliseconds]),
  });
  return sendCommands(url, token, redis, JSON.stringify(commands));
}

/** Commands already serialized as one pipeline (`POST /pipeline`, a JSON array of commands); their replies. */
async function sendCommands(url: string, token: string, redis: Redis, body: string): Promise<unknown[]> {
  const replies = (await post(`${url.replace(/\/$/, "")}/pipeline`, token, redis, body)) as { result?: unknown; error?: string }[];
  return replies.map((reply) => {
    if (reply.error !== undefined) throw new Error(reply.error);
    return parsedValue(reply.result);
  });
}

/** One command already serialized (`POST /`, the command as a JSON array). */
async function sendCommand(url: string, token: string, redis: Redis, body: string): Promise<void> {
  const reply = (await post(url, token, redis, body)) as { error?: string };
  if (reply.error !== undefined) throw new Error(reply.error);
}

/** A POST to Upstash's REST API with the client's read-your-writes token, its parsed answer. */
async function post(url: string, token: string, redis: Redis, body: string): Promise<unknown> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  if (redis.readYourWritesSyncToken) headers["upstash-sync-token"] = redis.readYourWritesSyncToken;
  const response = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(CACHE_TIMEOUT_MS) });
  const synced = response.headers.get("upstash-sync-token");
  if (synced) redis.readYourWritesSyncToken = synced;
  if (!response.ok) throw new Error(`Upstash answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
  return response.json();
}

/** A reply as the SDK hands it over: text that is JSON comes back parsed. */
function parsedValue(result: unknown): unknown {
  if (typeof result !== "string") return result ?? null;
  try {
    return JSON.parse(result);
  } catch {
    return result;
  }
}

export interface CacheLog {
  warn(event: string, data: Record<string, unknown>): void;
}

/**
 * One Upstash client per endpoint and isolate: building one costs more CPU than a cache hit's
 * own work, and it holds no request's state (each call sets its own timeout).
 */
const clients = new Map<string, Redis>();

function redisClient(url: string, token: string): Redis {
  const key = `${url}\n${token}`;
  let redis = clients.get(key);
  if (!redis) {
    redis = new Redis({ url, token, retry: false, enableTelemetry: false, signal: () => AbortSignal.timeout(CACHE_TIMEOUT_MS) });
    clients.set(key, redis);
  }
  return redis;
}

export function createCache(config: AppConfig, log: CacheLog, trips?: TripLog): Cache {
  const url = config.UPSTASH_REDIS_REST_URL;
  const token = config.UPSTASH_REDIS_REST_TOKEN;
  if (!url || !token) return disabledCache;
  const known = new Map<string, unknown>();
  const redis = redisClient(url, token);

  async function attempt<T>(op: string, key: string, run: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await (trips ? trips.track("redis", run) : run());
    } catch (error) {
      log.warn("cache_error", { op, key, error: error instanceof Error ? error.message : String(error) });
      return fallback;
    }
  }

  return {
    enabled: true,
    redis,
    get: <T>(key: string) => (known.has(key) ? Promise.resolve(known.get(key) as T | null) : attempt("get", key, () => redis.get<T>(key), null)),
    async set(key, value, ttlSeconds, release) {
      known.delete(key);
      const set = setCommand(key, value, ttlSeconds);
      const unlock = release === undefined ? null : JSON.stringify(["del", release]);
      // With a lock to release, both commands travel as one pipeline: that is the request measured.
      const body = unlock ? `[${set},${unlock}]` : set;
      const bytes = requestBytes(body);
      if (bytes > MAX_CACHE_REQUEST_BYTES) {
        // Not sent: said once per attempt, by name, instead of a Redis error on every request.
        log.warn("cache_value_too_large", { key, bytes, limit: MAX_CACHE_REQUEST_BYTES });
        if (unlock) await attempt("del", release!, () => sendCommand(url, token, redis, unlock), undefined);
        return;
      }
      const send = () => (unlock ? sendCommands(url, token, redis, body).then(() => undefined) : sendCommand(url, token, redis, body));
      await attempt("set", key, send, undefined);
    },
    del: (...keys) => {
      for (const key of keys) known.delete(key);
      return keys.length === 0 ? Promise.resolve() : attempt("del", keys.join(","), async () => void (await redis.del(...keys)), undefined);
    },
    claim: (key, ttlMs) =>
      attempt("claim", key, async () => (await redis.set(key, 1, { nx: true, px: ttlMs })) === "OK", true),
    incr: (key) => {
      known.delete(key);
      return attempt<number | null>("incr", key, () => redis.incr(key), null);
    },
    remember: (key, value) => void known.set(key, value ?? null),
    pipeline: (build) => attempt<unknown[] | null>("pipeline", "", () => sendPipeline(url, token, redis, build), null),
    async ping() {
      const started = Date.now();
      try {
        await redis.ping();
        return { status: "up", latency_ms: Date.now() - started };
      } catch {
        return { status: "down", latency_ms: null };
      }
    },
  };
}

const disabledCache: Cache = {
  enabled: false,
  redis: null,
  get: async () => null,
  set: async () => undefined,
  del: async () => undefined,
  claim: async () => true,
  incr: async () => null,
  pipeline: async () => null,
  remember: () => undefined,
  ping: async () => ({ status: "disabled", latency_ms: null }),
};
