import { loadConfig, type Bindings } from "../env";
import { createLogger, describeError } from "../http/log";
import { writeSystemLog } from "../http/system-log";
import { createServices, type Services } from "../services";
import { cleanupJob } from "./cleanup";
import { deadlinesJob } from "./deadlines";
import type { Job } from "./job";
import { weatherJob } from "./weather";
import claimRun from "../../sql/queries/jobs/job_runs_insert_claim.sql";
import claimManualRun from "../../sql/queries/jobs/job_runs_insert_manual_claim.sql";
import lockManualRuns from "../../sql/queries/jobs/job_runs_lock_manual.sql";
import finishRun from "../../sql/queries/jobs/job_runs_update_finished.sql";

export const jobNames = ["deadlines", "weather", "cleanup"] as const;
export type JobName = (typeof jobNames)[number];

/** The cron triggers of wrangler.toml and the job each one runs (docs/contract.md, Cron triggers). */
export const cronJobs: Readonly<Record<string, JobName>> = {
  "*/5 * * * *": "deadlines",
  "*/30 * * * *": "weather",
  "0 3 * * *": "cleanup",
};

/** Each cron job's implementation (src/jobs/<name>.ts). */
const jobs: Partial<Record<JobName, Job>> = {
  deadlines: deadlinesJob,
  weather: weatherJob,
  cleanup: cleanupJob,
};

export interface JobRun {
  id: string;
  job: JobName;
  scheduled_for: string;
  status: "RUNNING" | "SUCCEEDED" | "FAILED";
  stats: Record<string, number> | null;
  error: string | null;
}

/**
 * Runs one job for one scheduled time, recorded in job_runs. Returns null when another run
 * already claimed that time.
 */
export async function runJob(name: JobName, now: Date, env: Bindings): Promise<JobRun | null> {
  const services = createServices(loadConfig(env), createLogger({ job: name, scheduled_for: now.toISOString() }));
  const { db, log } = services;
  const [claim] = await db.query<{ id: string }>(claimRun, [name, now.toISOString()]);
  if (!claim) {
    log.info("job_skipped", { reason: "already claimed" });
    return null;
  }
  return execute(name, claim.id, now, services);
}

/** A manual run still RUNNING after this long is taken for dead (its Worker was stopped). */
const MANUAL_RUN_LEASE_SECONDS = 15 * 60;

export type ManualRun = { run: JobRun } | { running: string } | { retryAfterSeconds: number };

/**
 * Runs a job now at an admin's request: one manual run of a job at a time, and none until
 * `JOB_RUN_COOLDOWN_SECONDS` after the last one ended. Postgres decides, under an advisory lock
 * taken in the claim's own transaction, so concurrent requests cannot both start one.
 */
export async function runJobNow(name: JobName, env: Bindings): Promise<ManualRun> {
  const now = new Date();
  const services = createServices(loadConfig(env), createLogger({ job: name, scheduled_for: now.toISOString(), manual: true }));
  const { config, db } = services;
  const replies = await db.batch([
    { text: lockManualRuns, params: [name] },
    { text: claimManualRun, params: [name, now.toISOString(), config.JOB_RUN_COOLDOWN_SECONDS, MANUAL_RUN_LEASE_SECONDS] },
  ]);
  const claim = replies[1]?.[0];
  if (claim?.id) return { run: await execute(name, String(claim.id), now, services) };
  if (claim?.running_id) return { running: String(claim.running_id) };
  // Two claims in the same millisecond: the loser waits out a second.
  return { retryAfterSeconds: Number(claim?.retry_after_seconds ?? 1) };
}

async function execute(name: JobName, runId: string, now: Date, services: Services): Promise<JobRun> {
  const { db, log } = services;
  const job = jobs[name];
  let status: JobRun["status"] = "SUCCEEDED";
  let stats: Record<string, number> = {};
  let error: string | null = null;
  try {
    if (!job) throw new Error(`the ${name} job is not available in this version`);
    stats = await job({ ...services, now });
  } catch (failure) {
    status = "FAILED";
    error = failure instanceof Error ? failure.message : String(failure);
    log.error("job_failed", describeError(failure));
  }
  const [run] = await db.query<JobRun>(finishRun, [runId, status, JSON.stringify(stats), error]);
  if (status === "FAILED") await writeSystemLog(db, { level: "error", event: "job_failed", message: error, data: { job: name, run_id: runId, scheduled_for: now.toISOString() } });
  log.info("job_finished", { status, stats });
  if (!run) throw new Error(`the ${name} run ${runId} vanished before it was recorded`);
  return run;
}

/** The Worker's scheduled handler: one trigger, one job. */
export async function runScheduled(cron: string, scheduledTime: Date, env: Bindings): Promise<void> {
  const name = cronJobs[cron];
  if (!name) {
    createLogger().error("unknown_cron", { cron });
    return;
  }
  await runJob(name, scheduledTime, env);
}
