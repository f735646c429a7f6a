// Shared pieces of the benchmarks: a throwaway local stack, the Worker under `wrangler dev`,
// a closed-loop load generator, and the gateway's round-trip counters.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "../dev/migrate";
import { freePort } from "../dev/postgres";
import type { GatewayTrip } from "../dev/gateway";
import { startStack, workerEnvFile, type Stack } from "../dev/stack";

export interface BenchStack {
  stack: Stack;
  stop(): Promise<void>;
}

/** A fresh stack (embedded Postgres, gateway, Redis when reachable) in a temp dir, on free ports. */
export async function startBenchStack(log: (line: string) => void = () => {}): Promise<BenchStack> {
  const dataDir = await mkdtemp(join(tmpdir(), "skyslot-bench-"));
  const stack = await startStack({ dataDir, persistent: false, seedDevUsers: false, log });
  return {
    stack,
    async stop() {
      await stack.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface RunningWorker {
  url: string;
  stop(): Promise<void>;
}

/** The Worker as production runs it (workerd), under `wrangler dev`, with the given bindings. */
export async function startWorker(bindings: Record<string, string>): Promise<RunningWorker> {
  const [port, inspector] = [await freePort(), await freePort()];
  const persist = await mkdtemp(join(tmpdir(), "skyslot-bench-wrangler-"));
  const envFile = await workerEnvFile(bindings);
  const args = [
    "dev", "--ip", "127.0.0.1", "--port", String(port), "--inspector-port", String(inspector),
    "--persist-to", persist, "--show-interactive-dev-session=false", "--log-level", "error", ...envFile.args,
  ];
  const child: ChildProcess = spawn(join(REPO_ROOT, "node_modules", ".bin", "wrangler"), args, {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false" },
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
      await new Promise((r) => setTimeout(r, 500));
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    await rm(persist, { recursive: true, force: true });
    await envFile.remove();
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200 || res.status === 503) return { url, stop };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error("wrangler dev did not start");
}

export interface LoadResult {
  requests: number;
  failures: number;
  rps: number;
  p50_ms: number;
  p99_ms: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

/**
 * A closed loop: `concurrency` clients each send the next request as soon as the last answered,
 * for `durationMs`. `send(i)` makes request number i and says whether it succeeded.
 */
export async function load(
  send: (i: number) => Promise<boolean>,
  { concurrency, durationMs, warmup = 20 }: { concurrency: number; durationMs: number; warmup?: number },
): Promise<LoadResult> {
  let next = 0;
  for (let i = 0; i < warmup; i++) await send(next++);
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  const end = started + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        const ok = await send(next++).catch(() => false);
        latencies.push(performance.now() - t0);
        if (!ok) failures++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    failures,
    rps: Math.round(latencies.length / elapsed),
    p50_ms: round(percentile(latencies, 50)),
    p99_ms: round(percentile(latencies, 99)),
  };
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export interface RoundTrips {
  sql: number;
  redis: number;
  /** Trips waited for one after another, as the gateway saw them arrive and leave, mean per request. */
  criticalPath: number;
}

/**
 * Database and cache round trips counted at the gateway while `work` runs, per request. `work`
 * sends its requests one at a time and calls `sent(started, ended)` (`performance.now()`) for
 * each, so the gateway's timestamps tell which trips belong to which request.
 */
export async function countRoundTrips(
  stack: Stack,
  requests: number,
  work: (sent: (started: number, ended: number) => void) => Promise<void>,
): Promise<RoundTrips> {
  stack.gateway.resetStats();
  const windows: [number, number][] = [];
  await work((started, ended) => windows.push([started, ended]));
  const s = stack.gateway.stats();
  const trips = stack.gateway.trips();
  const depths = windows.map(([from, to]) => criticalPath(trips.filter((t) => t.arrived >= from && t.answered <= to)));
  return {
    sql: round((s.sqlQueries + s.sqlBatches + s.wsTunnels) / requests),
    redis: round(s.redisRequests / requests),
    criticalPath: round(depths.reduce((a, b) => a + b, 0) / Math.max(depths.length, 1)),
  };
}

/**
 * The longest chain of trips each of which arrived after the one before it was answered: the
 * waits a request could not overlap. Trips in flight together count once.
 */
export function criticalPath(trips: readonly GatewayTrip[]): number {
  const sorted = [...trips].sort((a, b) => a.arrived - b.arrived);
  const depth: number[] = [];
  sorted.forEach((trip, i) => {
    let before = 0;
    for (let j = 0; j < i; j++) if (sorted[j]!.answered <= trip.arrived) before = Math.max(before, depth[j]!);
    depth.push(before + 1);
  });
  return Math.max(0, ...depth);
}

/** Prints rows as an aligned text table. */
export function printTable(rows: Record<string, unknown>[]): void {
  if (rows.length === 0) return;
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: unknown) => (v === undefined || v === null ? "" : String(v));
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i]!)).join("  ");
  console.log(line(columns));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const row of rows) console.log(line(columns.map((c) => cell(row[c]))));
}
