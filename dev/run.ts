// `npm run dev`: the local stack plus `wrangler dev`, with a token for every dev user.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";
import { REPO_ROOT } from "./migrate.ts";
import { portIsFree, processAlive } from "./postgres.ts";
import {
  DEV_DATA_DIR,
  DEV_GATEWAY_PORT,
  DEV_PG_PORT,
  readDevVars,
  setting,
  startStack,
  type Stack,
  type StackJwt,
  type WorkerEnvFile,
  workerEnvFile,
} from "./stack.ts";
import { DEV_TOKEN_LIFETIME, signDevToken } from "./tokens.ts";

const HEALTH_TIMEOUT_MS = 120_000;
const RUN_FILE = join(DEV_DATA_DIR, "run.json");
/** Settings the Worker reads that may come from the shell; `.dev.vars` wrangler reads as well. */
const PASS_THROUGH = ["WEATHER_API_URL", "JWKS_URL", "RATE_LIMIT_PER_MINUTE"];

const startedAt = performance.now();
const log = (line: string) => console.log(`[dev] ${line}`);

interface DevConfig {
  port: number;
  pgPort: number;
  gatewayPort: number;
  databaseUrl?: string;
  redisUrl?: string;
  /** Upstash credentials the developer set themselves: passed straight to the Worker. */
  upstash?: { url: string; token: string };
  jwt: Partial<StackJwt>;
  passThrough: Record<string, string>;
}

function portNumber(name: string, fallback: number, devVars: Record<string, string>): number {
  const raw = setting(name, devVars);
  const port = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${name} must be a port number, got "${raw}"`);
  return port;
}

async function readConfig(): Promise<DevConfig> {
  const devVars = await readDevVars();
  const get = (name: string) => setting(name, devVars);
  const upstashUrl = get("UPSTASH_REDIS_REST_URL");
  const upstashToken = get("UPSTASH_REDIS_REST_TOKEN");
  if ((upstashUrl === undefined) !== (upstashToken === undefined)) {
    throw new Error("set both UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN, or neither");
  }
  const jwt: Partial<StackJwt> = {};
  for (const [key, name] of [["secret", "JWT_SECRET"], ["issuer", "JWT_ISSUER"], ["audience", "JWT_AUDIENCE"]] as const) {
    const value = get(name);
    if (value !== undefined) jwt[key] = value;
  }
  const passThrough: Record<string, string> = {};
  for (const name of PASS_THROUGH) {
    const value = get(name);
    if (value !== undefined) passThrough[name] = value;
  }
  return {
    port: portNumber("PORT", 8787, devVars),
    pgPort: portNumber("DEV_PG_PORT", DEV_PG_PORT, devVars),
    gatewayPort: portNumber("DEV_GATEWAY_PORT", DEV_GATEWAY_PORT, devVars),
    databaseUrl: get("DATABASE_URL"),
    redisUrl: get("REDIS_URL"),
    upstash: upstashUrl && upstashToken ? { url: upstashUrl, token: upstashToken } : undefined,
    jwt,
    passThrough,
  };
}

// ---------------------------------------------------------------------------------------------
// wrangler
// ---------------------------------------------------------------------------------------------

function groupAlive(pgid: number): boolean {
  return processAlive(-pgid);
}

/**
 * A `npm run dev` killed with SIGKILL cannot stop wrangler, which lives in its own process group;
 * the next run finds that group in run.json and ends it, so port 8787 is free again.
 */
async function killLeftoverWrangler(): Promise<void> {
  if (!existsSync(RUN_FILE)) return;
  const { owner, wranglerPgid } = JSON.parse(readFileSync(RUN_FILE, "utf8")) as { owner?: number; wranglerPgid?: number };
  if (owner && processAlive(owner) && owner !== process.pid) {
    throw new Error(`npm run dev is already running (pid ${owner})`);
  }
  // Only a group still led by wrangler: a recycled pid must not get us to kill a stranger.
  const cmdline = wranglerPgid ? commandLine(wranglerPgid) : "";
  if (wranglerPgid && groupAlive(wranglerPgid) && /wrangler/.test(cmdline)) {
    log(`stopping wrangler left over from a crashed run (process group ${wranglerPgid})`);
    await killGroup(wranglerPgid);
  }
  await rm(RUN_FILE, { force: true });
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return ""; // gone, or no /proc (macOS): then we leave it alone
  }
}

async function killGroup(pgid: number): Promise<void> {
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pgid, sig);
    } catch {
      // The group is already gone.
    }
  };
  const leaderAlive = processAlive(pgid);
  signal("SIGTERM");
  // Leftovers of a wrangler that is already gone get less patience than wrangler itself.
  const deadline = Date.now() + (leaderAlive ? 5_000 : 1_000);
  while (groupAlive(pgid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  // wrangler stops workerd on SIGTERM; whatever outlives the grace period is killed outright.
  if (groupAlive(pgid)) signal("SIGKILL");
}

function spawnWrangler(port: number, envFile: WorkerEnvFile): ChildProcess {
  const bin = join(REPO_ROOT, "node_modules", ".bin", "wrangler");
  const args = ["dev", "--ip", "127.0.0.1", "--port", String(port), "--test-scheduled", "--show-interactive-dev-session=false", ...envFile.args];
  return spawn(bin, args, {
    cwd: REPO_ROOT,
    // Its own process group, so stopping it takes workerd along: one kill(-pgid) reaches them all.
    detached: true,
    // No stdin: a background process group reading the terminal would be stopped by SIGTTIN.
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false" },
  });
}

async function waitForHealth(url: string, wrangler: ChildProcess): Promise<{ ok: boolean; detail: string }> {
  const deadline = performance.now() + HEALTH_TIMEOUT_MS;
  let detail = "no answer";
  while (performance.now() < deadline) {
    if (wrangler.exitCode !== null || wrangler.signalCode !== null) return { ok: false, detail: "wrangler exited" };
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(3_000) });
      if (res.status === 200) return { ok: true, detail: "200" };
      detail = `HTTP ${res.status}: ${(await res.text()).slice(0, 300)}`;
    } catch (error) {
      detail = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { ok: false, detail };
}

// ---------------------------------------------------------------------------------------------
// Parent watch
// ---------------------------------------------------------------------------------------------

function parentOf(pid: number): number | null {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may contain spaces, so split after ")".
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    return Number.isInteger(ppid) ? ppid : null;
  } catch {
    return null;
  }
}

/**
 * `npm run dev` runs us as npm → sh → tsx → node. A SIGTERM to npm kills sh but never reaches tsx
 * or us, which would leave the whole stack running; so we watch every ancestor up to npm and stop
 * when one disappears. Without /proc (macOS) only the direct parent is watched.
 */
function watchAncestors(onGone: () => void): void {
  const chain = [process.ppid];
  for (let pid = process.ppid; chain.length < 6; ) {
    if (/\bnpm|npx\b/.test(commandLine(pid))) break;
    const parent = parentOf(pid);
    if (!parent || parent <= 1) break;
    chain.push(parent);
    pid = parent;
  }
  // No npm above us (run via tsx directly): only the direct parent matters.
  const watched = /\bnpm|npx\b/.test(commandLine(chain[chain.length - 1] ?? 0)) ? chain : [process.ppid];
  const timer = setInterval(() => {
    if (watched.some((pid) => !processAlive(pid))) {
      clearInterval(timer);
      onGone();
    }
  }, 1_000);
  timer.unref();
}

// ---------------------------------------------------------------------------------------------
// Banner
// ---------------------------------------------------------------------------------------------

interface DevUser {
  auth_subject: string;
  role: string;
  first_name: string;
  last_name: string;
}

async function devUsers(ownerUrl: string): Promise<DevUser[]> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<DevUser>(
      `SELECT auth_subject, role, first_name, last_name FROM users
       WHERE auth_subject LIKE 'dev-%'
       ORDER BY array_position(ARRAY['ADMIN','INSTRUCTOR','STUDENT'], role), auth_subject`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

function cacheStatus(config: DevConfig, stack: Stack): string {
  if (config.upstash) return `Upstash at ${config.upstash.url} (your UPSTASH_REDIS_REST_URL)`;
  const redis = config.redisUrl ?? "redis://127.0.0.1:6379";
  return stack.redisAvailable
    ? `up — Redis at ${redis}, bridged by the gateway at ${stack.gatewayUrl}`
    : `disabled — Redis not reachable at ${redis} (start it or set REDIS_URL)`;
}

async function printBanner(config: DevConfig, stack: Stack, url: string, health: { ok: boolean; detail: string }): Promise<void> {
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  const lines = [
    "",
    `skyslot API at ${url}  —  ${health.ok ? `ready in ${seconds} s` : `NOT healthy after ${seconds} s (${health.detail})`}`,
    `  database: ${config.databaseUrl ? "DATABASE_URL" : `embedded PostgreSQL, data in ${join(".data", "dev")}`}`,
    `  cache:    ${cacheStatus(config, stack)}`,
    `  crons:    curl "${url}/__scheduled?cron=*/5+*+*+*+*"`,
  ];
  const users = await devUsers(stack.ownerDatabaseUrl).catch(() => []);
  if (users.length) {
    lines.push("", `Dev users (HS256 tokens, valid ${DEV_TOKEN_LIFETIME}; new ones: npm run db -- token <subject>):`);
    for (const u of users) {
      const token = await signDevToken({ secret: stack.jwt.secret, subject: u.auth_subject, issuer: stack.jwt.issuer, audience: stack.jwt.audience });
      lines.push(`  ${u.role.padEnd(10)} ${`${u.first_name} ${u.last_name}`.padEnd(20)} ${u.auth_subject}`, `    ${token}`);
    }
    const admin = users.find((u) => u.role === "ADMIN") ?? users[0]!;
    const adminToken = await signDevToken({ secret: stack.jwt.secret, subject: admin.auth_subject, issuer: stack.jwt.issuer, audience: stack.jwt.audience });
    lines.push("", "Try:", `  curl -H "Authorization: Bearer ${adminToken}" ${url}/v1/users/me`);
  }
  lines.push("", "Ctrl-C stops everything.", "");
  console.log(lines.join("\n"));
}

// ---------------------------------------------------------------------------------------------
// Lifecycle
// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  let stack: Stack | undefined;
  let stackStarting: Promise<Stack> | undefined;
  let wrangler: ChildProcess | undefined;
  let envFile: WorkerEnvFile | undefined;
  let stopping = false;

  const shutdown = async (code: number, reason: string) => {
    if (stopping) return;
    stopping = true;
    log(`${reason}; stopping…`);
    if (wrangler?.pid) await killGroup(wrangler.pid);
    await envFile?.remove();
    const running = stack ?? (await stackStarting?.catch(() => undefined));
    await running?.stop();
    // Only ours to remove: a refused second `npm run dev` must not erase the first one's record.
    if (wrangler) await rm(RUN_FILE, { force: true });
    process.exit(code);
  };
  let firstSignalAt = 0;
  const onSignal = (signal: NodeJS.Signals, code: number) => {
    if (!stopping) {
      firstSignalAt = Date.now();
      void shutdown(code, `received ${signal}`);
      return;
    }
    // Ctrl-C reaches us twice (from the terminal, and relayed by npm/tsx): only a signal well after
    // the first is a user who is done waiting. Postgres still gets its SIGINT from the exit hook.
    if (Date.now() - firstSignalAt < 2_000) return;
    if (wrangler?.pid) {
      try {
        process.kill(-wrangler.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    process.exit(code);
  };
  process.on("SIGINT", () => onSignal("SIGINT", 130));
  process.on("SIGTERM", () => onSignal("SIGTERM", 143));
  process.on("SIGHUP", () => onSignal("SIGHUP", 129));
  watchAncestors(() => void shutdown(143, "npm exited"));

  try {
    const config = await readConfig();
    await killLeftoverWrangler();
    if (!(await portIsFree(config.port))) throw new Error(`port ${config.port} is in use; set PORT to use another`);

    stackStarting = startStack({
      dataDir: DEV_DATA_DIR,
      persistent: true,
      pgPort: config.pgPort,
      gatewayPort: config.gatewayPort,
      // Upstash credentials of one's own replace the bridged local Redis entirely.
      redisUrl: config.upstash ? null : config.redisUrl,
      databaseUrl: config.databaseUrl,
      seedDevUsers: true,
      jwt: config.jwt,
      log,
    });
    stack = await stackStarting;
    if (stopping) return;

    const bindings = { ...stack.workerBindings(), ...config.passThrough };
    if (config.upstash) {
      bindings.UPSTASH_REDIS_REST_URL = config.upstash.url;
      bindings.UPSTASH_REDIS_REST_TOKEN = config.upstash.token;
    }
    const url = `http://127.0.0.1:${config.port}`;
    log("starting wrangler dev…");
    envFile = await workerEnvFile(bindings);
    wrangler = spawnWrangler(config.port, envFile);
    await writeFile(RUN_FILE, JSON.stringify({ owner: process.pid, wranglerPgid: wrangler.pid }) + "\n");
    wrangler.on("exit", (code, signal) => void shutdown(code ?? (signal ? 1 : 0), `wrangler exited (${signal ?? `code ${code}`})`));
    wrangler.on("error", (error) => void shutdown(1, `wrangler failed to start: ${error.message}`));

    const health = await waitForHealth(url, wrangler);
    if (stopping) return;
    await printBanner(config, stack, url, health);
  } catch (error) {
    console.error(`[dev] ${(error as Error).message}`);
    await shutdown(1, "start failed");
  }
}

await main();
