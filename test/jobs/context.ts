import { env } from "cloudflare:workers";
import { createCache } from "../../src/cache/store";
import { createDb } from "../../src/db/client";
import { loadConfig, type Bindings } from "../../src/env";
import { createLogger } from "../../src/http/log";
import type { JobContext } from "../../src/jobs/registry";

/** What the runner hands a job, as the Worker's role, for calling a job function directly. */
export function jobContext(now: Date, bindings: Bindings = env): JobContext {
  const config = loadConfig(bindings);
  const log = createLogger({ test: true });
  return { now, db: createDb(config), cache: createCache(config, log), config, log };
}

/** A distinct firing time near `base`, so runs of different tests never share a job_runs claim. */
export function firing(base = Date.now()): Date {
  return new Date(base + Math.floor(Math.random() * 1_000_000));
}
