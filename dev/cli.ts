// `npm run db -- <command>`: database chores against DATABASE_URL or the local dev database.
import { stat } from "node:fs/promises";
import { join, relative } from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import * as v from "valibot";
import { adminStatsSelect } from "../sql/queries/admin/admin_stats_select.queries.ts";
import { integrityChecksSelect } from "../sql/queries/admin/integrity_checks_select.queries.ts";
import { cleanupIdempotencyKeysOlderThan } from "../sql/queries/cleanup/cleanup_idempotency_keys_older_than.queries.ts";
import { cleanupNotificationsOlderThan } from "../sql/queries/cleanup/cleanup_notifications_older_than.queries.ts";
import { cleanupSystemLogsOlderThan } from "../sql/queries/cleanup/cleanup_system_logs_older_than.queries.ts";
import { usersInsertAudited } from "../sql/queries/users/users_insert_audited.queries.ts";
import type { PreparedQuery } from "../src/db/typed.ts";
import { createUser } from "../src/routes/users/users.schemas.ts";
import { backup, restore } from "./backup.ts";
import { migrateDown, migrateUp, migrationStatus, newMigration } from "./migrate.ts";
import { ownerUrl, runningPostmaster, startPostgres } from "./postgres.ts";
import { seedDevUsers, seedReference } from "./seed.ts";
import { DEV_DATA_DIR, loadOrCreateSecrets, prepareDataDir, readDevVars, readStackSecrets, setting, withClient } from "./stack.ts";
import { DEV_JWT_AUDIENCE, DEV_JWT_ISSUER, DEV_TOKEN_LIFETIME, signDevToken } from "./tokens.ts";

/** A failure the user can fix; printed without a stack trace. */
class UsageError extends Error {}

interface Database {
  /** Owner (superuser or DATABASE_URL as given): migrations and seeds need DDL/DML rights. */
  url: string;
  describe: string;
  close(): Promise<void>;
}

interface Context {
  devVars: Record<string, string>;
  /** Opened on first use, so commands that need no database never start one. */
  database(): Promise<Database>;
  /** Results (JSON, tokens, paths) go to stdout; progress goes to stderr. */
  out(line: string): void;
  info(line: string): void;
}

interface Command {
  usage: string;
  /** Shorter form of `usage` for the command list, when usage is long. */
  synopsis?: string;
  summary: string;
  details?: string;
  options?: ParseArgsConfig["options"];
  positionals?: number;
  run(args: { values: Record<string, string | boolean | undefined>; positionals: string[] }, ctx: Context): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Commands (add new ones here: import-flights, backup, restore, reset, validate, cleanup, ...)
// ---------------------------------------------------------------------------------------------

const commands: Record<string, Command> = {
  migrate: {
    usage: "migrate",
    summary: "apply all pending migrations",
    async run(_args, ctx) {
      const db = await ctx.database();
      const applied = await migrateUp(db.url, { log: ctx.info });
      ctx.out(applied.length ? `applied ${applied.length} migration(s):\n${list(applied)}` : "already up to date");
    },
  },

  status: {
    usage: "status",
    summary: "list applied and pending migrations; warn about files edited after they ran",
    async run(_args, ctx) {
      const db = await ctx.database();
      const s = await migrationStatus(db.url);
      ctx.out(`applied (${s.applied.length}):\n${list(s.applied)}`);
      ctx.out(`pending (${s.pending.length}):\n${list(s.pending)}`);
      if (s.missing.length) ctx.out(`applied but missing from sql/migrations (${s.missing.length}):\n${list(s.missing)}`);
      if (s.changed.length) {
        ctx.out(`WARNING: edited after they were applied (${s.changed.length}); write a new migration instead:\n${list(s.changed)}`);
      }
    },
  },

  rollback: {
    usage: "rollback [--count N | --all]",
    summary: "revert the last migration (or the last N, or all)",
    options: { count: { type: "string" }, all: { type: "boolean" } },
    async run({ values }, ctx) {
      if (values.all && values.count !== undefined) throw new UsageError("use either --count or --all, not both");
      const count = values.all ? "all" : positiveInt(String(values.count ?? "1"), "--count");
      const db = await ctx.database();
      const reverted = await migrateDown(db.url, count, { log: ctx.info });
      ctx.out(reverted.length ? `reverted ${reverted.length} migration(s):\n${list(reverted)}` : "nothing to revert");
    },
  },

  new: {
    usage: "new <name>",
    summary: "scaffold sql/migrations/NNN_<name>.sql",
    positionals: 1,
    async run({ positionals }, ctx) {
      const path = await newMigration(positionals[0] ?? "");
      ctx.out(relative(process.cwd(), path) || path);
    },
  },

  seed: {
    usage: "seed [--dev-users]",
    summary: "load reference data (airports, aircraft types, airlines, settings); idempotent",
    options: { "dev-users": { type: "boolean" } },
    async run({ values }, ctx) {
      const db = await ctx.database();
      await requireMigrated(db.url);
      await withClient(db.url, async (client) => {
        await seedReference(client);
        if (values["dev-users"]) await seedDevUsers(client);
      });
      ctx.out(values["dev-users"] ? "reference data and dev users seeded" : "reference data seeded");
    },
  },

  "create-user": {
    synopsis: "create-user --subject S --email E --role R ...",
    usage:
      "create-user --subject S --email E --first-name F --last-name L --role STUDENT|INSTRUCTOR|ADMIN\n" +
      "            [--training-level STUDENT_PILOT|PRIVATE_PILOT|INSTRUMENT_RATED] [--timezone Z] [--phone P]",
    summary: "create a user (same rules as POST /v1/users) and print it as JSON",
    details: "--training-level is required for students; --timezone is an IANA zone (default UTC).",
    options: {
      subject: { type: "string" },
      email: { type: "string" },
      "first-name": { type: "string" },
      "last-name": { type: "string" },
      role: { type: "string" },
      "training-level": { type: "string" },
      timezone: { type: "string" },
      phone: { type: "string" },
    },
    async run({ values }, ctx) {
      const input = parseUser(values);
      const db = await ctx.database();
      await requireMigrated(db.url);
      const row = await withClient(db.url, async (client) => {
        try {
          const result = await client.query(
            usersInsertAudited.text,
            usersInsertAudited.bind({
              authSubject: input.auth_subject, email: input.email, firstName: input.first_name, lastName: input.last_name,
              phoneNumber: input.phone_number, role: input.role, trainingLevel: input.training_level, timezone: input.timezone,
              actorId: null, // no acting user: an operator at the console
            }),
          );
          return result.rows[0];
        } catch (error) {
          if ((error as { code?: string }).code === "23505") throw new UsageError("a user with this email or subject already exists");
          throw error;
        }
      });
      ctx.out(JSON.stringify(row, null, 2));
    },
  },

  token: {
    usage: "token <auth_subject>",
    summary: "print a signed development JWT for an existing user (development only)",
    details: "Secret: JWT_SECRET from the environment or .dev.vars, else the dev stack's (.data/dev/stack.json).",
    positionals: 1,
    async run({ positionals }, ctx) {
      const environment = setting("ENVIRONMENT", ctx.devVars);
      if (environment && environment !== "development") throw new UsageError(`refusing to sign a token with ENVIRONMENT=${environment}`);
      const subject = positionals[0] ?? "";
      const secret = setting("JWT_SECRET", ctx.devVars) ?? readStackSecrets(DEV_DATA_DIR)?.jwtSecret;
      if (!secret) throw new UsageError("no JWT_SECRET set and no dev stack yet; run `npm run dev` once or set JWT_SECRET");
      const db = await ctx.database();
      const user = await withClient(db.url, async (client) =>
        (await client.query<{ role: string; first_name: string; last_name: string }>(
          "SELECT role, first_name, last_name FROM users WHERE auth_subject = $1", [subject],
        )).rows[0],
      );
      if (!user) throw new UsageError(`no user with auth_subject "${subject}"`);
      const token = await signDevToken({
        secret,
        subject,
        issuer: setting("JWT_ISSUER", ctx.devVars) ?? DEV_JWT_ISSUER,
        audience: setting("JWT_AUDIENCE", ctx.devVars) ?? DEV_JWT_AUDIENCE,
      });
      ctx.info(`${user.role} ${user.first_name} ${user.last_name} (${subject}), valid ${DEV_TOKEN_LIFETIME}`);
      ctx.out(token);
    },
  },

  "import-flights": {
    usage: "import-flights <file> [--source LABEL]",
    summary: "load a flight file (.json, .ndjson, .csv, .parquet) with COPY and log it as an ingestion",
    details: "Same row checks and natural-key dedupe as POST /v1/ingestions/flights; prints the ingestion log as JSON.",
    options: { source: { type: "string" } },
    positionals: 1,
    async run({ values, positionals }, ctx) {
      const { importFlights, importFormat } = await import("./import-flights.ts");
      const file = positionals[0] ?? "";
      if (!importFormat(file)) throw new UsageError("the file must end in .json, .ndjson, .csv or .parquet");
      await stat(file).catch(() => { throw new UsageError(`cannot read ${file}`); });
      const db = await ctx.database();
      await requireMigrated(db.url);
      const upstashUrl = setting("UPSTASH_REDIS_REST_URL", ctx.devVars);
      const upstashToken = setting("UPSTASH_REDIS_REST_TOKEN", ctx.devVars);
      const tty = process.stderr.isTTY;
      const result = await importFlights(file, {
        databaseUrl: db.url,
        source: typeof values.source === "string" ? values.source : undefined,
        progress: (line, done) => (tty ? process.stderr.write(`\r${line}${done ? "\n" : ""}`) : done && ctx.info(line)),
        cache: upstashUrl && upstashToken
          ? { upstash: { url: upstashUrl, token: upstashToken } }
          : { redisUrl: setting("REDIS_URL", ctx.devVars) ?? "redis://127.0.0.1:6379" },
      });
      ctx.info(`${result.counts.received.toLocaleString("en-US")} rows in ${result.seconds.toFixed(1)} s (${Math.round(result.rows_per_second).toLocaleString("en-US")} rows/s); ${result.cache}`);
      ctx.out(JSON.stringify({ id: result.id, status: result.status, ...result.counts, quality_score: result.quality_score, errors: result.errors }, null, 2));
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Operations: backup, restore, reset, validate, cleanup, optimize, stats
// ---------------------------------------------------------------------------------------------

function bytes(n: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/** The database a destructive command is about to change, without its password. */
function where(db: Database): string {
  const url = new URL(db.url);
  return `${db.describe} (${url.hostname}:${url.port || 5432}${url.pathname})`;
}

const operationCommands: Record<string, Command> = {
  backup: {
    usage: "backup <file>",
    summary: "write a logical backup of every table to <file>",
    details:
      "One consistent snapshot, COPY text per table behind a JSON header naming the migration level.\n" +
      "An existing file is never overwritten. Restore it with `restore <file>`.",
    positionals: 1,
    async run({ positionals }, ctx) {
      const file = positionals[0] ?? "";
      const db = await ctx.database();
      ctx.info(`backing up ${where(db)} to ${file}`);
      const t0 = performance.now();
      const header = await backup(db.url, file, ctx.info);
      const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
      const size = (await stat(file)).size;
      ctx.out(
        `backed up ${rows} row(s) from ${header.tables.length} tables at ${header.migrations.at(-1)} ` +
          `to ${file} (${bytes(size)}) in ${Math.round(performance.now() - t0)} ms`,
      );
    },
  },

  restore: {
    usage: "restore <file>",
    summary: "load a backup into an empty database, migrating it to the backup's level first",
    details:
      "Everything loads in one transaction, or nothing does. The database must hold no users and no\n" +
      "audit history (run `reset --confirm` first); reference data already there is replaced. A database\n" +
      "with no migrations is first migrated to the backup's level (and says so); one at another level is refused.",
    positionals: 1,
    async run({ positionals }, ctx) {
      const file = positionals[0] ?? "";
      await stat(file).catch(() => {
        throw new UsageError(`${file} does not exist`);
      });
      const db = await ctx.database();
      ctx.info(`restoring ${file} into ${where(db)}`);
      const t0 = performance.now();
      const header = await restore(db.url, file, ctx.info);
      const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
      ctx.out(`restored ${rows} row(s) into ${header.tables.length} tables in ${Math.round(performance.now() - t0)} ms`);
    },
  },

  reset: {
    usage: "reset --confirm",
    summary: "drop everything in the database and migrate it again (never in production)",
    details: "Drops the public schema with every table, row and function, then applies all migrations.\nRefused without --confirm, and always refused with ENVIRONMENT=production.",
    options: { confirm: { type: "boolean" } },
    async run({ values }, ctx) {
      const environment = setting("ENVIRONMENT", ctx.devVars);
      if (environment === "production") throw new UsageError("refusing to reset with ENVIRONMENT=production");
      if (!values.confirm) throw new UsageError("reset deletes every table and row; add --confirm if that is what you want");
      const db = await ctx.database();
      ctx.info(`dropping everything in ${where(db)}`);
      await withClient(db.url, (client) =>
        client.query(
          // One implicit transaction: the schema comes back exactly as a new database has it.
          "DROP SCHEMA public CASCADE; CREATE SCHEMA public; ALTER SCHEMA public OWNER TO pg_database_owner; " +
            "GRANT USAGE ON SCHEMA public TO PUBLIC",
        ),
      );
      const applied = await migrateUp(db.url, { log: ctx.info });
      ctx.out(`database reset: ${applied.length} migration(s) applied; \`npm run db -- seed\` loads reference data`);
    },
  },

  validate: {
    usage: "validate",
    summary: "run the integrity checks (same as GET /v1/admin/integrity); exit 1 if any fails",
    async run(_args, ctx) {
      const db = await ctx.database();
      await requireMigrated(db.url);
      const rows = await withClient(db.url, async (client) => (await client.query<{ name: string; count: number }>(integrityChecksSelect.text)).rows);
      const width = Math.max(...rows.map((r) => r.name.length));
      for (const r of rows) ctx.out(`  ${r.count === 0 ? "ok  " : "FAIL"}  ${r.name.padEnd(width)}  ${r.count}`);
      const failed = rows.filter((r) => r.count !== 0);
      if (failed.length) throw new UsageError(`${failed.length} of ${rows.length} integrity check(s) failed`);
      ctx.out(`all ${rows.length} integrity checks passed`);
    },
  },

  cleanup: {
    usage: "cleanup --days N",
    summary: "delete read notifications, expired idempotency keys and system logs older than N days",
    details: "System logs go by whole days: daily partitions before the cutoff's UTC date are dropped.",
    options: { days: { type: "string" } },
    async run({ values }, ctx) {
      if (values.days === undefined) throw new UsageError("--days N is required");
      const days = positiveInt(String(values.days), "--days");
      const cutoff = new Date(Date.now() - days * 86_400_000).toISOString();
      const db = await ctx.database();
      await requireMigrated(db.url);
      ctx.info(`cleaning up ${where(db)}: everything older than ${cutoff}`);
      const counts = await withClient(db.url, async (client) => {
        await client.query("BEGIN");
        const run = async <R>(query: PreparedQuery<{ cutoff: string }, R>): Promise<R | undefined> =>
          (await client.query(query.text, query.bind({ cutoff }))).rows[0] as R | undefined;
        const n = (await run(cleanupNotificationsOlderThan))?.deleted ?? 0;
        const k = (await run(cleanupIdempotencyKeysOlderThan))?.deleted ?? 0;
        const p = (await run(cleanupSystemLogsOlderThan))?.dropped_partitions ?? 0;
        await client.query("COMMIT");
        return { n, k, p };
      });
      ctx.out(`deleted ${counts.n} read notification(s) and ${counts.k} expired idempotency key(s); dropped ${counts.p} system log partition(s)`);
    },
  },

  optimize: {
    usage: "optimize",
    summary: "VACUUM ANALYZE every table (reclaims space, refreshes planner statistics)",
    async run(_args, ctx) {
      const db = await ctx.database();
      const started = performance.now();
      const tables = await withClient(db.url, async (client) => {
        const { rows } = await client.query<{ name: string }>(
          `SELECT relname AS name FROM pg_class
           WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') AND NOT relispartition ORDER BY 1`,
        );
        for (const [i, { name }] of rows.entries()) {
          const t0 = performance.now();
          await client.query(`VACUUM (ANALYZE) public.${client.escapeIdentifier(name)}`);
          ctx.info(`  [${i + 1}/${rows.length}] ${name} in ${Math.round(performance.now() - t0)} ms`);
        }
        return rows.length;
      });
      ctx.out(`vacuumed and analyzed ${tables} tables in ${Math.round(performance.now() - started)} ms`);
    },
  },

  stats: {
    usage: "stats [--json]",
    summary: "row counts and sizes per table, database size, cache hit ratio, last job runs",
    details: "Counts are exact below 100 000 rows and the planner's estimate (marked ~) above.",
    options: { json: { type: "boolean" } },
    async run({ values }, ctx) {
      const db = await ctx.database();
      await requireMigrated(db.url);
      const row = await withClient(db.url, async (client) => (await client.query(adminStatsSelect.text)).rows[0]);
      if (values.json) {
        ctx.out(JSON.stringify(row, null, 2));
        return;
      }
      const tables = row.tables as { name: string; rows: number; exact: boolean; bytes: number }[];
      const width = Math.max(5, ...tables.map((t) => t.name.length));
      ctx.out(`${"table".padEnd(width)}  ${"rows".padStart(12)}  ${"size".padStart(10)}`);
      for (const t of tables) {
        ctx.out(`${t.name.padEnd(width)}  ${`${t.exact ? "" : "~"}${t.rows}`.padStart(12)}  ${bytes(Number(t.bytes)).padStart(10)}`);
      }
      const buffer = row.buffer_cache as { blocks_hit: number; blocks_read: number } | null;
      const total = buffer ? Number(buffer.blocks_hit) + Number(buffer.blocks_read) : 0;
      ctx.out("");
      ctx.out(`database size: ${bytes(Number(row.database_bytes))}`);
      ctx.out(`buffer cache hit ratio: ${buffer && total > 0 ? `${((Number(buffer.blocks_hit) / total) * 100).toFixed(2)}%` : "n/a"}`);
      const runs = row.last_runs as { job: string; status: string; started_at: string; error: string | null }[];
      ctx.out(`last job runs:${runs.length ? "" : " (none yet)"}`);
      for (const r of runs) ctx.out(`  ${r.job.padEnd(10)} ${r.status.padEnd(9)} ${r.started_at}${r.error ? `  ${r.error}` : ""}`);
    },
  },
};

Object.assign(commands, operationCommands);

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

function list(names: string[]): string {
  return names.length ? names.map((n) => `  ${n}`).join("\n") : "  (none)";
}

function positiveInt(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a positive integer`);
  return n;
}

function parseUser(values: Record<string, string | boolean | undefined>): v.InferOutput<typeof createUser> {
  const str = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : undefined);
  const missing = ["subject", "email", "first-name", "last-name", "role"].filter((k) => str(k) === undefined);
  if (missing.length) throw new UsageError(`missing ${missing.map((k) => `--${k}`).join(", ")}`);
  const result = v.safeParse(createUser, {
    auth_subject: str("subject"),
    email: str("email"),
    first_name: str("first-name"),
    last_name: str("last-name"),
    role: str("role")?.toUpperCase(),
    ...(str("training-level") !== undefined && { training_level: str("training-level")?.toUpperCase() }),
    ...(str("timezone") !== undefined && { timezone: str("timezone") }),
    ...(str("phone") !== undefined && { phone_number: str("phone") }),
  });
  if (!result.success) {
    const flag: Record<string, string> = { auth_subject: "--subject", first_name: "--first-name", last_name: "--last-name", training_level: "--training-level", phone_number: "--phone" };
    const problems = result.issues.map((i) => {
      const key = v.getDotPath(i) ?? "";
      return `${flag[key] ?? `--${key}`}: ${i.message}`;
    });
    throw new UsageError(`invalid user:\n  ${problems.join("\n  ")}`);
  }
  return result.output;
}

async function requireMigrated(url: string): Promise<void> {
  const { pending } = await migrationStatus(url);
  if (pending.length) throw new UsageError(`${pending.length} migration(s) pending; run \`npm run db -- migrate\` first`);
}

/**
 * DATABASE_URL when set; else the dev database: the running `npm run dev` one when its postmaster
 * is alive, otherwise the same data folder started just for this command.
 */
async function openDatabase(devVars: Record<string, string>, info: (l: string) => void): Promise<Database> {
  const external = setting("DATABASE_URL", devVars);
  if (external) return { url: external, describe: "DATABASE_URL", close: async () => {} };

  const pgDir = join(DEV_DATA_DIR, "pg");
  const running = await runningPostmaster(pgDir);
  if (running) {
    const secrets = readStackSecrets(DEV_DATA_DIR);
    if (!secrets) throw new UsageError(`${join(DEV_DATA_DIR, "stack.json")} is missing; cannot log in to the running dev database`);
    info(`using the running dev database (port ${running.port})`);
    return { url: ownerUrl(running.port, secrets.ownerPassword), describe: "dev database", close: async () => {} };
  }

  await prepareDataDir(DEV_DATA_DIR);
  const secrets = await loadOrCreateSecrets(DEV_DATA_DIR, true);
  const t0 = performance.now();
  const server = await startPostgres({ dataDir: pgDir, port: 0, persistent: true, password: secrets.ownerPassword, log: info });
  info(`started the dev database for this command in ${Math.round(performance.now() - t0)} ms (port ${server.port})`);
  return { url: server.ownerUrl, describe: "dev database", close: server.stop };
}

function helpText(): string {
  const synopsis = (c: Command) => c.synopsis ?? c.usage;
  const width = Math.max(...Object.values(commands).map((c) => synopsis(c).length));
  const rows = Object.values(commands).map((c) => `  ${synopsis(c).padEnd(width)}  ${c.summary}`);
  return [
    "Usage: npm run db -- <command> [options]",
    "",
    "Commands:",
    ...rows,
    "",
    "Database: DATABASE_URL (environment or .dev.vars) when set; otherwise the local dev database in",
    ".data/dev — the running `npm run dev` one, or started just for the command and stopped after.",
    "",
    "Run `npm run db -- <command> --help` for a command's options.",
  ].join("\n");
}

function commandHelp(c: Command): string {
  return [`Usage: npm run db -- ${c.usage}`, "", c.summary + ".", ...(c.details ? [c.details] : [])].join("\n");
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    console.log(helpText());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    console.error(`unknown command "${name}"\n\n${helpText()}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    console.log(commandHelp(command));
    return 0;
  }

  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs({ args: rest, options: command.options ?? {}, allowPositionals: true, strict: true });
    const expected = command.positionals ?? 0;
    if (args.positionals.length !== expected) throw new UsageError(`expected ${expected} argument(s)`);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${commandHelp(command)}`);
    return 2;
  }

  const devVars = await readDevVars();
  const info = (line: string) => console.error(line);
  let db: Promise<Database> | undefined;
  const ctx: Context = {
    devVars,
    database: () => (db ??= openDatabase(devVars, info)),
    out: (line) => console.log(line),
    info,
  };
  try {
    await command.run(args as Parameters<Command["run"]>[0], ctx);
    return 0;
  } catch (error) {
    console.error(error instanceof UsageError ? `error: ${error.message}` : `error: ${describeError(error)}`);
    return 1;
  } finally {
    if (db) await (await db.catch(() => null))?.close();
  }
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: string }).code;
  return code && /^[0-9A-Z]{5}$/.test(code) ? `${error.message} (SQLSTATE ${code})` : error.message;
}

// Exit explicitly: a lingering handle (a pool, a timer) must not keep a finished command alive.
process.exit(await main(process.argv.slice(2)));
