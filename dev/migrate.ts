// Schema migrations: a thin layer over node-pg-migrate's runner, fixed to this repository's layout.
import { existsSync } from "node:fs";
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { runner, type RunnerOption } from "node-pg-migrate";
import pg from "pg";

/** Resolved from this file, so the CLI works from any working directory. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const MIGRATIONS_DIR = join(REPO_ROOT, "sql", "migrations");
export const MIGRATIONS_TABLE = "pgmigrations";

/** Only `NNN_name.sql` files are migrations; anything else in the folder (notes, dotfiles) is ignored. */
const MIGRATION_FILE = /^\d+_[\w-]+\.sql$/;

export interface MigrateOptions {
  log?: (line: string) => void;
}

function runnerOptions(url: string, direction: "up" | "down", count: number, log: (l: string) => void): RunnerOption {
  return {
    databaseUrl: url,
    dir: MIGRATIONS_DIR,
    // A negative lookahead on the whole name: skip everything that is not a migration file.
    ignorePattern: "(?!\\d+_[\\w-]+\\.sql$).*",
    migrationsTable: MIGRATIONS_TABLE,
    direction,
    count,
    checkOrder: true,
    // Two migrators on one database (npm run dev and npm run db at once) queue instead of racing.
    noLock: false,
    advisoryLockMode: "wait",
    // All pending migrations apply or none do: a half-migrated dev database is worse than none.
    singleTransaction: true,
    log,
  };
}

/** Applies every pending migration; returns the names applied. */
export async function migrateUp(url: string, opts: MigrateOptions = {}): Promise<string[]> {
  const ran = await runner(runnerOptions(url, "up", Number.POSITIVE_INFINITY, quiet(opts.log)));
  await recordChecksums(url);
  return ran.map((m) => m.name);
}

/**
 * Brings a database with no migrations applied to the given level: `level` must be the first
 * migration files of this checkout, in order (a backup's level, say). Returns the names applied.
 */
export async function migrateUpTo(url: string, level: readonly string[], opts: MigrateOptions = {}): Promise<string[]> {
  const files = await migrationFiles();
  const lacking = level.filter((name, i) => files[i] !== name);
  if (lacking.length) {
    throw new Error(`this checkout's migrations do not match that level; it lacks or orders differently: ${lacking.join(", ")}`);
  }
  const ran = await runner(runnerOptions(url, "up", level.length, quiet(opts.log)));
  await recordChecksums(url);
  return ran.map((m) => m.name);
}

async function fileChecksums(): Promise<Map<string, string>> {
  const sums = new Map<string, string>();
  for (const name of await migrationFiles()) {
    const text = await readFile(join(MIGRATIONS_DIR, `${name}.sql`));
    sums.set(name, createHash("sha256").update(text).digest("hex"));
  }
  return sums;
}

/**
 * Remembers what each applied migration file looked like, in a column beside node-pg-migrate's
 * own bookkeeping, so `status` can warn when a file was edited after it ran.
 */
async function recordChecksums(url: string): Promise<void> {
  const sums = await fileChecksums();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`ALTER TABLE ${MIGRATIONS_TABLE} ADD COLUMN IF NOT EXISTS checksum text`);
    await client.query(
      `UPDATE ${MIGRATIONS_TABLE} m SET checksum = f.checksum
       FROM json_each_text($1::json) AS f(name, checksum)
       WHERE m.name = f.name AND m.checksum IS NULL`,
      [JSON.stringify(Object.fromEntries(sums))],
    );
  } finally {
    await client.end();
  }
}

/** Reverts the last `count` applied migrations (or all of them); returns the names reverted. */
export async function migrateDown(url: string, count: number | "all", opts: MigrateOptions = {}): Promise<string[]> {
  if (count !== "all" && (!Number.isInteger(count) || count < 1)) throw new Error("count must be a positive integer or \"all\"");
  const n = count === "all" ? Number.POSITIVE_INFINITY : count;
  const ran = await runner(runnerOptions(url, "down", n, quiet(opts.log)));
  return ran.map((m) => m.name);
}

/** node-pg-migrate narrates every step; callers want the outcome, so only its warnings pass. */
function quiet(log?: (line: string) => void): (line: string) => void {
  return (line) => {
    if (log && !/^> |No migrations to run|^### MIGRATION|^(BEGIN|COMMIT);?$/.test(line)) log(line);
  };
}

/** Migration names on disk, in the order node-pg-migrate applies them (numeric prefix, then name). */
export async function migrationFiles(): Promise<string[]> {
  if (!existsSync(MIGRATIONS_DIR)) return [];
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => MIGRATION_FILE.test(f));
  return files
    .map((f) => basename(f, ".sql"))
    .sort((a, b) => prefixOf(a) - prefixOf(b) || a.localeCompare(b, undefined, { numeric: true }));
}

function prefixOf(name: string): number {
  return Number(/^\d+/.exec(name)?.[0] ?? 0);
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
  /** Applied according to the database but no longer on disk (a deleted or renamed file). */
  missing: string[];
  /** Applied, but the file on disk is no longer what ran (edited afterwards: drift). */
  changed: string[];
}

/** Read-only: unlike the runner, this never creates the bookkeeping table or takes the lock. */
export async function migrationStatus(url: string): Promise<MigrationStatus> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const exists = await client.query<{ t: string | null }>("SELECT to_regclass($1) AS t", [MIGRATIONS_TABLE]);
    const rows = exists.rows[0]?.t
      ? (
          await client.query<{ name: string; checksum: string | null }>(
            `SELECT name, to_jsonb(m) ->> 'checksum' AS checksum FROM ${MIGRATIONS_TABLE} m ORDER BY run_on, id`,
          )
        ).rows
      : [];
    const applied = rows.map((r) => r.name);
    const files = await migrationFiles();
    const sums = await fileChecksums();
    const done = new Set(applied);
    return {
      applied,
      pending: files.filter((f) => !done.has(f)),
      missing: applied.filter((a) => !files.includes(a)),
      changed: rows.filter((r) => r.checksum !== null && sums.has(r.name) && sums.get(r.name) !== r.checksum).map((r) => r.name),
    };
  } finally {
    await client.end();
  }
}

/** Scaffolds `sql/migrations/NNN_name.sql` with the next number; returns its path. */
export async function newMigration(name: string): Promise<string> {
  const slug = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!slug) throw new Error("a migration needs a name made of letters or digits, e.g. `add_bookings_index`");
  await mkdir(MIGRATIONS_DIR, { recursive: true });
  const existing = await migrationFiles();
  const next = existing.reduce((max, f) => Math.max(max, prefixOf(f)), 0) + 1;
  const width = Math.max(3, ...existing.map((f) => /^\d+/.exec(f)?.[0].length ?? 0));
  const path = join(MIGRATIONS_DIR, `${String(next).padStart(width, "0")}_${slug}.sql`);
  const template = `-- Up Migration\n\n\n-- Down Migration\n\n`;
  await writeFile(path, template, { flag: "wx" }); // never overwrite an existing migration
  return path;
}
