// Shared pieces of the benchmarks: a throwaway local stack, the Worker on workerd,
// a closed-loop load generator, and the gateway's round-trip counters.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import http from "node:http";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "../dev/migrate";
import { freePort } from "../dev/postgres";
import type { GatewayTrip } from "../dev/gateway";
import { Miniflare } from "miniflare";
import { unstable_getMiniflareWorkerOptions } from "wrangler";
import { startStack, type Stack } from "../dev/stack";

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

let bundled: Promise<string> | undefined;

/**
 * The Worker exactly as `wrangler deploy` uploads it: the bundle of `wrangler deploy --dry-run`,
 * built once per run.
 */
function deployBundle(): Promise<string> {
  bundled ??= (async () => {
    const outdir = await mkdtemp(join(tmpdir(), "skyslot-bench-bundle-"));
    process.once("exit", () => rmSync(outdir, { recursive: true, force: true }));
    await new Promise<void>((resolve, reject) => {
      const child = spawn(join(REPO_ROOT, "node_modules", ".bin", "wrangler"), ["deploy", "--dry-run", "--env=", "--outdir", outdir], {
        cwd: REPO_ROOT,
        stdio: ["ignore", "ignore", "inherit"],
        env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
      });
      child.once("error", reject);
      child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`wrangler deploy --dry-run exited with ${code}`))));
    });
    return readFile(join(outdir, "index.js"), "utf8");
  })();
  return bundled;
}

/**
 * The Worker on workerd, the runtime production runs it on, through Miniflare (what `wrangler
 * dev` itself runs it on), with wrangler.toml's compatibility settings and vars and the given
 * bindings. Not under `wrangler dev`: its proxy Worker in front and its log relay to Node cost
 * more than half of a cached read's time on this machine, and production has neither. Without a
 * `cf-connecting-ip` header every caller is one address, which only unauthenticated limits read.
 */
export async function startWorker(bindings: Record<string, string>): Promise<RunningWorker> {
  const port = await freePort();
  const { workerOptions } = unstable_getMiniflareWorkerOptions(join(REPO_ROOT, "wrangler.toml"));
  const worker = new Miniflare({
    compatibilityDate: workerOptions.compatibilityDate,
    compatibilityFlags: workerOptions.compatibilityFlags,
    bindings: { ...workerOptions.bindings, ...bindings },
    modules: [{ type: "ESModule", path: "index.js", contents: await deployBundle() }],
    host: "127.0.0.1",
    port: 0,
    // Requests reach the Worker itself, not through Miniflare's own entry Worker in front of it
    // (it adds the `cf` object and dev routing, and ran in the same thread as every request).
    unsafeDirectSockets: [{ host: "127.0.0.1", port }],
    // The request log goes nowhere (production sends it to Workers Logs); errors still show.
    handleRuntimeStdio(stdout, stderr) {
      stdout.resume();
      stderr.pipe(process.stderr);
    },
  });
  await worker.ready;
  const url = (await worker.unsafeGetDirectURL()).href.replace(/\/$/, "");
  return { url, stop: () => worker.dispose() };
}

/** What `request` answers: the status, the headers (lower-case names) and the body as text. */
export interface Answer {
  status: number;
  header(name: string): string | null;
  text: string;
}

const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 256 });

/**
 * One request from the load generator, over kept-alive node:http connections. The generator
 * shares the two cores with the gateway it measures through, and undici's `fetch` costs it about
 * twice as much CPU per request, which shows up as the Worker's time.
 */
export function request(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = init.body === undefined ? undefined : Buffer.from(init.body);
    const headers = body ? { ...init.headers, "content-length": String(body.length) } : init.headers;
    const req = http.request(url, { method: init.method ?? "GET", headers, agent: keepAlive }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", reject);
      res.on("end", () => {
        const header = (name: string) => {
          const value = res.headers[name.toLowerCase()];
          return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
        };
        resolve({ status: res.statusCode ?? 0, header, text: Buffer.concat(chunks).toString("utf8") });
      });
    });
    req.on("error", reject);
    req.end(body);
  });
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
 * for `durationMs`, after `warmup` requests one at a time (so the Worker's code is compiled and
 * its per-isolate state filled before the clock starts). `send(i)` makes request number i and
 * says whether it succeeded.
 */
export async function load(
  send: (i: number) => Promise<boolean>,
  { concurrency, durationMs, warmup = 200 }: { concurrency: number; durationMs: number; warmup?: number },
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
