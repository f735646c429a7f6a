// Logical backup and restore of every table: COPY text per table, in foreign-key order, behind a
// JSON header that names the migration level. Restoring into an empty database migrated to the
// same level gives back every row exactly (COPY text round-trips every type losslessly) and
// every sequence at the value it had.
import { once } from "node:events";
import { createReadStream } from "node:fs";
import { open, rm } from "node:fs/promises";
import { createInterface } from "node:readline";
import type { Writable } from "node:stream";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { MIGRATIONS_TABLE, migrateUpTo, migrationStatus } from "./migrate.ts";

export const BACKUP_FORMAT = "skyslot-backup";
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  created_at: string;
  /** Applied migrations, in order: a backup restores only into a database at the same level. */
  migrations: string[];
  tables: { name: string; columns: string[]; rows: number }[];
  sequences: { name: string; last_value: string; is_called: boolean }[];
  /** Days (YYYY-MM-DD) with their own system_logs partition, recreated before loading. */
  system_logs_days: string[];
}

/** Thrown for a problem the operator can fix (wrong file, wrong database); no stack needed. */
export class BackupError extends Error {}

export interface ProgressLog {
  (line: string): void;
}

/** Tables every backup holds: the schema's ordinary and partitioned tables, not partitions. */
async function listTables(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c
     WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
       AND c.relname <> $1
     ORDER BY c.relname`,
    [MIGRATIONS_TABLE],
  );
  return rows.map((r) => r.name);
}

/**
 * Parents before children, so every foreign key finds its row. Self-references need no order:
 * one COPY loads the whole table and its checks run at the end of that statement.
 */
async function foreignKeyOrder(client: pg.Client, tables: string[]): Promise<string[]> {
  const { rows } = await client.query<{ child: string; parent: string }>(
    `SELECT con.conrelid::regclass::text AS child, con.confrelid::regclass::text AS parent
     FROM pg_constraint con
     WHERE con.contype = 'f' AND con.connamespace = 'public'::regnamespace AND con.conrelid <> con.confrelid`,
  );
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const { child, parent } of rows) {
    if (parents.has(child) && parents.has(parent)) parents.get(child)!.add(parent);
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter((t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p)));
    if (ready.length === 0) throw new Error(`foreign keys form a cycle among: ${tables.filter((t) => !placed.has(t)).join(", ")}`);
    for (const t of ready) {
      ordered.push(t);
      placed.add(t);
    }
  }
  return ordered;
}

/** Stored columns in table order (generated columns are recomputed on load, so skipped). */
async function columnsOf(client: pg.Client, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute
     WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
     ORDER BY attnum`,
    [`public.${client.escapeIdentifier(table)}`],
  );
  return rows.map((r) => r.name);
}

async function sequences(client: pg.Client): Promise<BackupHeader["sequences"]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c
     WHERE c.relkind = 'S' AND c.relnamespace = 'public'::regnamespace
       AND NOT EXISTS (SELECT 1 FROM pg_depend d
                       WHERE d.objid = c.oid AND d.refobjid = to_regclass($1) AND d.deptype IN ('a', 'i'))
     ORDER BY 1`,
    [`public.${MIGRATIONS_TABLE}`],
  );
  const result: BackupHeader["sequences"] = [];
  for (const { name } of rows) {
    const state = await client.query<{ last_value: string; is_called: boolean }>(
      `SELECT last_value::text, is_called FROM public.${client.escapeIdentifier(name)}`,
    );
    result.push({ name, ...state.rows[0]! });
  }
  return result;
}

const quoteList = (client: pg.Client, names: string[]) => names.map((n) => client.escapeIdentifier(n)).join(", ");

interface Writer {
  put(chunk: string | Buffer): Promise<void>;
  end(): Promise<void>;
}

/** Writes with backpressure; a stream that failed (disk full, COPY refused) fails the next put. */
function writer(stream: Writable): Writer {
  let failed: unknown = null;
  const finished = new Promise<void>((resolve, reject) => {
    stream.once("finish", resolve);
    stream.once("error", reject);
  });
  finished.catch((error: unknown) => {
    failed ??= error;
  });
  return {
    async put(chunk) {
      if (failed) throw failed;
      if (!stream.write(chunk)) await Promise.race([once(stream, "drain"), finished]);
    },
    async end() {
      stream.end();
      await finished;
    },
  };
}

/** Writes a backup of the database at `url` to `file`; returns its header. */
export async function backup(url: string, file: string, log: ProgressLog = () => {}): Promise<BackupHeader> {
  const status = await migrationStatus(url);
  if (status.applied.length === 0) throw new BackupError("the database has no migrations applied; nothing to back up");
  // "wx": an existing file is never overwritten, and the error comes before any work is done.
  const handle = await open(file, "wx").catch((error: NodeJS.ErrnoException) => {
    throw error.code === "EEXIST" ? new BackupError(`${file} already exists; choose another name`) : error;
  });
  const stream = handle.createWriteStream();
  const out = writer(stream);
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    // One snapshot for every table, so the backup is consistent while the service keeps running.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const tables = await foreignKeyOrder(client, await listTables(client));
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      created_at: new Date().toISOString(),
      migrations: status.applied,
      tables: [],
      sequences: await sequences(client),
      system_logs_days: [],
    };
    if (tables.includes("system_logs")) {
      const days = await client.query<{ day: string }>(
        `SELECT to_char(to_date(substr(c.relname, 14), 'YYYYMMDD'), 'YYYY-MM-DD') AS day
         FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
         WHERE i.inhparent = 'public.system_logs'::regclass AND c.relname ~ '^system_logs_p[0-9]{8}$'
         ORDER BY 1`,
      );
      header.system_logs_days = days.rows.map((r) => r.day);
    }
    for (const table of tables) {
      const columns = await columnsOf(client, table);
      const count = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM public.${client.escapeIdentifier(table)}`);
      header.tables.push({ name: table, columns, rows: Number(count.rows[0]!.n) });
    }
    await out.put(`${JSON.stringify(header)}\n`);

    for (const table of header.tables) {
      const t0 = performance.now();
      await out.put(`${JSON.stringify({ table: table.name, columns: table.columns, rows: table.rows })}\n`);
      const source = client.query(
        copyTo(`COPY (SELECT ${quoteList(client, table.columns)} FROM public.${client.escapeIdentifier(table.name)}) TO STDOUT`),
      );
      for await (const chunk of source) await out.put(chunk as Buffer);
      // COPY text never contains a line of just "\." (a backslash is always escaped), so it ends a section safely.
      await out.put("\\.\n");
      log(`  ${table.name}: ${table.rows} row(s) in ${Math.round(performance.now() - t0)} ms`);
    }
    await client.query("COMMIT");
    await out.end();
    return header;
  } catch (error) {
    // A partial backup must not be mistaken for a good one.
    stream.destroy();
    await rm(file, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Reads a backup file line by line; the COPY sections are streamed, never held in memory whole. */
async function* lines(file: string): AsyncGenerator<string> {
  const reader = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of reader) yield line;
}

function parseHeader(line: string | undefined, file: string): BackupHeader {
  let header: BackupHeader;
  try {
    header = JSON.parse(line ?? "") as BackupHeader;
  } catch {
    throw new BackupError(`${file} is not a skyslot backup (its first line is not a backup header)`);
  }
  if (header?.format !== BACKUP_FORMAT) throw new BackupError(`${file} is not a skyslot backup`);
  if (header.version !== BACKUP_VERSION) throw new BackupError(`${file} is a version ${header.version} backup; this tool reads version ${BACKUP_VERSION}`);
  return header;
}

/**
 * Restores `file` into the database at `url`, all in one transaction: either every row is back
 * or nothing changed. The database must hold no users or audit history and be at the backup's
 * migration level; one with no migrations at all is first migrated to that level (and stays
 * migrated should the rows then fail to load). Reference rows that migrations or seeding put
 * there are replaced by the backup's.
 */
export async function restore(url: string, file: string, log: ProgressLog = () => {}): Promise<BackupHeader> {
  const input = lines(file)[Symbol.asyncIterator]();
  const header = parseHeader((await input.next()).value as string | undefined, file);
  const level = header.migrations.at(-1) ?? "(none)";

  let status = await migrationStatus(url);
  if (status.applied.length === 0 && header.migrations.length > 0) {
    const applied = await migrateUpTo(url, header.migrations).catch((error: Error) => {
      throw new BackupError(`the backup was taken at migration level ${level}, which cannot be reached from here: ${error.message}`);
    });
    log(`the database had no migrations: migrated it to the backup's level ${level} first (${applied.length} migration(s))`);
    status = await migrationStatus(url);
  }
  const same = status.applied.length === header.migrations.length && status.applied.every((m, i) => m === header.migrations[i]);
  if (!same) {
    throw new BackupError(
      `the backup was taken at migration level ${level} but the database is at ${status.applied.at(-1) ?? "(none)"}; ` +
        "restore into a database with no migrations (it is migrated to the backup's level first), or bring this one to that level",
    );
  }

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await listTables(client);
    const missing = header.tables.map((t) => t.name).filter((t) => !tables.includes(t));
    if (missing.length) throw new BackupError(`the database lacks table(s) the backup holds: ${missing.join(", ")}`);
    const used = await client.query<{ users: boolean; audit: boolean }>(
      "SELECT EXISTS (SELECT 1 FROM users) AS users, EXISTS (SELECT 1 FROM audit_log) AS audit",
    );
    if (used.rows[0]?.users || used.rows[0]?.audit) {
      throw new BackupError("the database already holds users or audit history; restore only into an empty database (`reset --confirm` first)");
    }

    await client.query("BEGIN");
    // Clears what migrations and seeding put in (reference data, default settings); audit_log is
    // empty (checked above) and refuses TRUNCATE, so it is left out.
    const clear = header.tables.map((t) => t.name).filter((t) => t !== "audit_log");
    if (clear.length) await client.query(`TRUNCATE ${clear.map((t) => `public.${client.escapeIdentifier(t)}`).join(", ")}`);
    for (const day of header.system_logs_days) {
      await client.query("SELECT system_logs_ensure_partitions($1::date, 1)", [day]);
    }

    for (const expected of header.tables) {
      const next = await input.next();
      if (next.done) throw new BackupError(`${file} ends before the rows of ${expected.name}; the backup is truncated`);
      const section = JSON.parse(next.value) as { table: string; columns: string[]; rows: number };
      if (section.table !== expected.name) throw new BackupError(`${file} is damaged: expected the rows of ${expected.name}, found ${section.table}`);
      const t0 = performance.now();
      const sink = client.query(
        copyFrom(`COPY public.${client.escapeIdentifier(section.table)} (${quoteList(client, section.columns)}) FROM STDIN`),
      );
      const out = writer(sink);
      // Lines are sent in batches: one write per line would cost more than the COPY itself.
      let batch = "";
      let ended = false;
      for (;;) {
        const row = await input.next();
        if (row.done) break;
        if (row.value === "\\.") {
          ended = true;
          break;
        }
        batch += `${row.value}\n`;
        if (batch.length >= 1 << 20) {
          await out.put(batch);
          batch = "";
        }
      }
      if (!ended) throw new BackupError(`${file} ends inside the rows of ${section.table}; the backup is truncated`);
      if (batch) await out.put(batch);
      await out.end();
      const loaded = Number((sink as unknown as { rowCount: number }).rowCount);
      if (loaded !== section.rows) throw new BackupError(`${section.table}: the backup announces ${section.rows} row(s) but holds ${loaded}`);
      log(`  ${section.table}: ${loaded} row(s) in ${Math.round(performance.now() - t0)} ms`);
    }

    for (const seq of header.sequences) {
      await client.query("SELECT setval($1::regclass, $2::bigint, $3)", [`public.${client.escapeIdentifier(seq.name)}`, seq.last_value, seq.is_called]);
    }
    await client.query("COMMIT");
    return header;
  } finally {
    // On failure this also abandons a COPY in flight; closing the session rolls everything back.
    await client.end().catch(() => {});
  }
}
