import { env } from "cloudflare:workers";
import type { Bindings } from "../../src/env";
import type { JobContext } from "../../src/jobs/registry";
import { testServices } from "../support/db";

/** What the runner hands a job, as the Worker's role, for calling a job function directly. */
export function jobContext(now: Date, bindings: Bindings = env): JobContext {
  return { ...testServices(bindings), now };
}

/** A distinct firing time near `base`, so runs of different tests never share a job_runs claim. */
export function firing(base = Date.now()): Date {
  return new Date(base + Math.floor(Math.random() * 1_000_000));
}
