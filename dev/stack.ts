// The local stack: embedded PostgreSQL + migrations + reference data + the gateway, as one unit.
// Used by `npm run dev`, by the test run (vitest global setup) and by the benchmarks.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { tmpdir, userInfo } from "node:os";
import pg from "pg";
import { startGateway, type Gateway } from "./gateway.ts";
import { migrateUp, REPO_ROOT } from "./migrate.ts";
import { DATABASE_NAME, onceOnly, startPostgres, type Postgres } from "./postgres.ts";
import { seedDevUsers, seedReference } from "./seed.ts";
import { DEV_JWT_AUDIENCE, DEV_JWT_ISSUER } from "./tokens.ts";

export interface StackOptions {
  dataDir: string;
  persistent: boolean;
  /** 0 or undefined = a free port. */
  pgPort?: number;
  /** 0 or undefined = a free port. */
  gatewayPort?: number;
  /** Default: REDIS_URL or redis://127.0.0.1:6379; null = no Redis. */
  redisUrl?: string | null;
  /** Where the gateway keeps this stack's Redis keys (GatewayOptions.redisKeyPrefix); none by default. */
  redisKeyPrefix?: string;
  /** An external database: no embedded PostgreSQL; migrations run against it as given. */
  databaseUrl?: string;
  seedDevUsers?: boolean;
  /** Overrides for the generated signing secret and the dev issuer/audience. */
  jwt?: Partial<StackJwt>;
  log?: (l: string) => void;
}

export interface StackJwt {
  secret: string;
  issuer: string;
  audience: string;
}

export interface Stack {
  /** App login role `skyslot` (member of skyslot_app), password auth, database `skyslot`. */
  databaseUrl: string;
  /** Superuser, for migrations and fixtures. */
  ownerDatabaseUrl: string;
  gateway: Gateway;
  gatewayUrl: string;
  /** Redis answered PING through the gateway. */
  redisAvailable: boolean;
  /** The gateway's Upstash endpoint, when Redis is reachable. */
  upstash: { url: string; token: string } | null;
  jwt: StackJwt;
  workerBindings(): Record<string, string>;
  stop(): Promise<void>;
}

export const APP_ROLE = "skyslot";
export const APP_GROUP_ROLE = "skyslot_app";
export const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";
export const STACK_FILE = "stack.json";

// ---------------------------------------------------------------------------------------------
// Secrets
// ---------------------------------------------------------------------------------------------

export interface StackSecrets {
  ownerPassword: string;
  appPassword: string;
  jwtSecret: string;
  upstashToken: string;
}

function randomSecret(bytes: number): string {
  return randomBytes(bytes).toString("hex"); // hex: safe inside URLs and SQL literals alike
}

function generateSecrets(): StackSecrets {
  return {
    ownerPassword: randomSecret(16),
    appPassword: randomSecret(16),
    jwtSecret: randomSecret(32), // the Worker demands at least 32 characters
    upstashToken: randomSecret(16),
  };
}

export function readStackSecrets(dataDir: string): StackSecrets | null {
  const path = join(dataDir, STACK_FILE);
  if (!existsSync(path)) return null;
  const parsed = JSON.parse(readFileSync(path, "utf8")) as Partial<StackSecrets>;
  const { ownerPassword, appPassword, jwtSecret, upstashToken } = parsed;
  if (!ownerPassword || !appPassword || !jwtSecret || !upstashToken) throw new Error(`${path} is incomplete; delete ${dataDir} to start over`);
  return { ownerPassword, appPassword, jwtSecret, upstashToken };
}

/** Generated once per persistent data folder, so tokens printed on an earlier run stay valid. */
export async function loadOrCreateSecrets(dataDir: string, persistent: boolean): Promise<StackSecrets> {
  if (!persistent) return generateSecrets();
  const existing = readStackSecrets(dataDir);
  if (existing) return existing;
  if (existsSync(join(dataDir, "pg", "PG_VERSION"))) {
    throw new Error(`${join(dataDir, STACK_FILE)} is missing but a database exists, so its password is lost; delete ${dataDir} to start over`);
  }
  const secrets = generateSecrets();
  await writeFile(join(dataDir, STACK_FILE), JSON.stringify({ ...secrets, createdAt: new Date().toISOString() }, null, 2) + "\n", { mode: 0o600 });
  return secrets;
}

// ---------------------------------------------------------------------------------------------
// Steps
// ---------------------------------------------------------------------------------------------

function timer(log: (l: string) => void): <T>(label: string, step: () => Promise<T>) => Promise<T> {
  return async (label, step) => {
    const t0 = performance.now();
    const result = await step();
    log(`${label} in ${Math.round(performance.now() - t0)} ms`);
    return result;
  };
}

export async function prepareDataDir(dataDir: string): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o755 });
  // As root, postgres runs as the `postgres` user and must be able to reach its folder below ours
  // (temp folders are created 0700).
  if (userInfo().uid === 0) await chmod(dataDir, 0o755);
}

export function withCredentials(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * The Worker's login role: a member of the group role that holds DML rights, never an owner.
 * The password is re-set every start so the role always matches stack.json.
 */
async function ensureAppRole(client: pg.Client, password: string): Promise<void> {
  const group = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [APP_GROUP_ROLE]);
  if (!group.rowCount) throw new Error(`role ${APP_GROUP_ROLE} is missing; the first migration should create it`);
  const role = client.escapeIdentifier(APP_ROLE);
  const secret = client.escapeLiteral(password);
  const existing = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [APP_ROLE]);
  try {
    if (!existing.rowCount) await client.query(`CREATE ROLE ${role} LOGIN PASSWORD ${secret} IN ROLE ${client.escapeIdentifier(APP_GROUP_ROLE)}`);
  } catch (error) {
    // Roles are cluster-wide: a parallel start on the same cluster may have just created it.
    if ((error as { code?: string }).code !== "42710") throw error;
  }
  await client.query(`ALTER ROLE ${role} WITH LOGIN PASSWORD ${secret}`);
  await client.query(`GRANT ${client.escapeIdentifier(APP_GROUP_ROLE)} TO ${role}`);
  await client.query(`ALTER ROLE ${role} SET statement_timeout = '10s'`);
  await client.query(`GRANT CONNECT ON DATABASE ${client.escapeIdentifier(DATABASE_NAME)} TO ${role}`);
}

function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname;
  return host === "127.0.0.1" || host === "localhost" || host === "[::1]" || host === "::1";
}

/**
 * The gateway connects to Redis in the background and refuses commands until connected, so a
 * PING straight after start says "no"; give loopback Redis a moment before calling it down.
 */
async function waitForRedis(gateway: Gateway, withinMs: number): Promise<boolean> {
  const deadline = performance.now() + withinMs;
  for (;;) {
    if (await gateway.redisAvailable()) return true;
    if (performance.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
}

function resolveRedisUrl(opt: string | null | undefined): string | null {
  if (opt === null) return null;
  return opt ?? process.env.REDIS_URL ?? DEFAULT_REDIS_URL;
}

// ---------------------------------------------------------------------------------------------
// Stack
// ---------------------------------------------------------------------------------------------

export async function startStack(opts: StackOptions): Promise<Stack> {
  const log = opts.log ?? (() => {});
  const timed = timer(log);
  const started = performance.now();
  const cleanups: Array<() => Promise<void>> = [];
  const stop = onceOnly(async () => {
    const t0 = performance.now();
    // Reverse order: the gateway goes before the database it talks to.
    for (const cleanup of cleanups.reverse()) await cleanup().catch((e: unknown) => log(`stop: ${String(e)}`));
    log(`stack stopped in ${Math.round(performance.now() - t0)} ms`);
  });

  try {
    await prepareDataDir(opts.dataDir);
    const secrets = await loadOrCreateSecrets(opts.dataDir, opts.persistent);

    let ownerDatabaseUrl: string;
    let databaseUrl: string;
    if (opts.databaseUrl) {
      ownerDatabaseUrl = databaseUrl = opts.databaseUrl;
      log("using the database from DATABASE_URL (no embedded PostgreSQL)");
    } else {
      const server: Postgres = await timed("postgres ready", () =>
        startPostgres({ dataDir: join(opts.dataDir, "pg"), port: opts.pgPort, persistent: opts.persistent, password: secrets.ownerPassword, log }),
      );
      cleanups.push(server.stop);
      ownerDatabaseUrl = server.ownerUrl;
      databaseUrl = withCredentials(server.ownerUrl, APP_ROLE, secrets.appPassword);
    }

    const applied = await timed("migrations checked", () => migrateUp(ownerDatabaseUrl, { log }));
    if (applied.length) log(`applied ${applied.length} migration(s): ${applied.join(", ")}`);

    await withClient(ownerDatabaseUrl, async (client) => {
      if (!opts.databaseUrl) await timed("app role ready", () => ensureAppRole(client, secrets.appPassword));
      await timed("reference data seeded", () => seedReference(client));
      if (opts.seedDevUsers) await timed("dev users seeded", () => seedDevUsers(client));
    });

    const redisUrl = resolveRedisUrl(opts.redisUrl);
    const gateway = await timed("gateway ready", () =>
      startGateway({
        port: opts.gatewayPort ?? 0,
        host: "127.0.0.1",
        redisUrl,
        redisKeyPrefix: opts.redisKeyPrefix,
        upstashToken: secrets.upstashToken,
        log: (l) => log(`[gateway] ${l}`),
      }),
    );
    cleanups.push(() => gateway.close());
    const redisAvailable = redisUrl ? await waitForRedis(gateway, 1_000) : false;
    log(`redis ${redisAvailable ? `up (${redisUrl})` : redisUrl ? `unreachable (${redisUrl})` : "not configured"}`);
    log(`stack ready in ${Math.round(performance.now() - started)} ms`);

    const jwt: StackJwt = {
      secret: opts.jwt?.secret ?? secrets.jwtSecret,
      issuer: opts.jwt?.issuer ?? DEV_JWT_ISSUER,
      audience: opts.jwt?.audience ?? DEV_JWT_AUDIENCE,
    };
    const upstash = redisAvailable ? { url: gateway.url, token: secrets.upstashToken } : null;
    return {
      databaseUrl,
      ownerDatabaseUrl,
      gateway,
      gatewayUrl: gateway.url,
      redisAvailable,
      upstash,
      jwt,
      workerBindings: () => workerBindings({ databaseUrl, gatewayUrl: gateway.url, jwt, upstash }),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function workerBindings(s: Pick<Stack, "databaseUrl" | "gatewayUrl" | "jwt" | "upstash">): Record<string, string> {
  const bindings: Record<string, string> = {
    DATABASE_URL: s.databaseUrl,
    ENVIRONMENT: "development",
    JWT_SECRET: s.jwt.secret,
    JWT_ISSUER: s.jwt.issuer,
    JWT_AUDIENCE: s.jwt.audience,
  };
  // A remote database (a Neon branch in DATABASE_URL) speaks HTTP itself; only loopback needs the gateway.
  if (isLoopbackUrl(s.databaseUrl)) bindings.LOCAL_GATEWAY_URL = s.gatewayUrl;
  if (s.upstash) {
    bindings.UPSTASH_REDIS_REST_URL = s.upstash.url;
    bindings.UPSTASH_REDIS_REST_TOKEN = s.upstash.token;
  }
  return bindings;
}

// ---------------------------------------------------------------------------------------------
// The developer's stack (`npm run dev`, `npm run db`)
// ---------------------------------------------------------------------------------------------

export const DEV_DATA_DIR = join(REPO_ROOT, ".data", "dev");
export const DEV_PG_PORT = 54329;
export const DEV_GATEWAY_PORT = 8790;

/** `.dev.vars` (dotenv syntax) as a map; absent file = empty. */
export async function readDevVars(path = join(REPO_ROOT, ".dev.vars")): Promise<Record<string, string>> {
  const text = await readFile(path, "utf8").catch(() => "");
  const vars: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    let value = m[2] ?? "";
    const quoted = /^(['"])(.*)\1$/.exec(value);
    value = quoted ? (quoted[2] ?? "") : value.replace(/\s+#.*$/, "");
    vars[m[1] as string] = value;
  }
  return vars;
}

/** A setting from the environment, else from `.dev.vars`; empty strings count as unset. */
export function setting(name: string, devVars: Record<string, string>): string | undefined {
  const value = process.env[name] ?? devVars[name];
  return value === undefined || value === "" ? undefined : value;
}

export interface WorkerEnvFile {
  /** For `wrangler dev`: the developer's `.dev.vars` (when there is one), then the bindings. */
  args: string[];
  remove(): Promise<void>;
}

function dotenvLine(name: string, value: string): string {
  if (/[\r\n]/.test(value) || (value.includes("'") && value.includes('"'))) {
    throw new Error(`${name} cannot be written to an env file: it holds a line break or both kinds of quotes`);
  }
  // Single quotes keep a value literal in dotenv; double quotes only for a value holding a single one.
  return value.includes("'") ? `${name}="${value}"` : `${name}='${value}'`;
}

/**
 * The Worker's bindings (database password, JWT secret, Upstash token) reach `wrangler dev` in an
 * env file in a private folder (0700, the file 0600), never on its command line, where `ps` shows
 * them to every user of the machine. Given `--env-file`, wrangler stops reading `.dev.vars` itself,
 * so that file is named first and the stack's bindings override it.
 */
export async function workerEnvFile(bindings: Record<string, string>): Promise<WorkerEnvFile> {
  const lines = Object.entries(bindings).map(([name, value]) => dotenvLine(name, value));
  const dir = await mkdtemp(join(tmpdir(), "skyslot-worker-env-"));
  const path = join(dir, "worker.env");
  await writeFile(path, lines.join("\n") + "\n", { mode: 0o600 });
  const devVars = join(REPO_ROOT, ".dev.vars");
  return {
    args: [...(existsSync(devVars) ? ["--env-file", devVars] : []), "--env-file", path],
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
