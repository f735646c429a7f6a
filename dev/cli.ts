// `npm run db -- <command>`: database chores against DATABASE_URL or the local dev database.
import { readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import pg from "pg";
import * as v from "valibot";
import { createUser } from "../src/routes/users/users.schemas.ts";
import { migrateDown, migrateUp, migrationStatus, newMigration, REPO_ROOT } from "./migrate.ts";
import { ownerUrl, runningPostmaster, startPostgres } from "./postgres.ts";
import { seedDevUsers, seedReference } from "./seed.ts";
import { DEV_DATA_DIR, loadOrCreateSecrets, prepareDataDir, readDevVars, readStackSecrets, setting } from "./stack.ts";
import { DEV_JWT_AUDIENCE, DEV_JWT_ISSUER, signDevToken } from "./tokens.ts";

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
    summary: "list applied and pending migrations",
    async run(_args, ctx) {
      const db = await ctx.database();
      const s = await migrationStatus(db.url);
      ctx.out(`applied (${s.applied.length}):\n${list(s.applied)}`);
      ctx.out(`pending (${s.pending.length}):\n${list(s.pending)}`);
      if (s.missing.length) ctx.out(`applied but missing from sql/migrations (${s.missing.length}):\n${list(s.missing)}`);
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
      const sql = await readFile(join(REPO_ROOT, "sql", "queries", "users", "users_insert_audited.sql"), "utf8");
      const row = await withClient(db.url, async (client) => {
        try {
          const result = await client.query(sql, [
            input.auth_subject, input.email, input.first_name, input.last_name, input.phone_number,
            input.role, input.training_level, input.timezone, null, // no acting user: an operator at the console
          ]);
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
      ctx.info(`${user.role} ${user.first_name} ${user.last_name} (${subject}), valid 30 days`);
      ctx.out(token);
    },
  },
};

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

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
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
