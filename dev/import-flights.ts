// `npm run db -- import-flights <file>`: loads a large flight file straight into Postgres with COPY.
// Rows are validated exactly as POST /v1/ingestions/flights validates them, copied into a temporary
// staging table in large batches, and moved into flights (and the delay rollup) by the same
// statement the API runs per batch, reading the staging table instead of a JSON parameter. A role
// that may (the database owner locally) inserts without the foreign keys' per-row checks and
// checks and locks the rows they refer to once per import instead (flights_import_references.sql).
import { createReadStream } from "node:fs";
import { open, readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import { Redis } from "ioredis";
import { asyncBufferFromFile, parquetMetadataAsync, parquetRead } from "hyparquet";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { cacheKeys } from "../src/cache/keys.ts";
import { FILE_KEY_BYTES, fileKey } from "../src/flights/ingest.ts";
import { ingestionStatus, keepFirstErrors, qualityScore, type IngestionCounts, type RowError } from "../src/flights/quality.ts";
import { recordReader, type FileRecord } from "../src/flights/records.ts";
import { STAGED_COLUMNS, validateFlightRow, type StagedFlight } from "../src/flights/rows.ts";
import { flightDelayRollupAddIngestion as rollupIngestion, type FlightDelayRollupAddIngestionResult } from "../sql/queries/flights/flight_delay_rollup_add_ingestion.queries.ts";
import { flightsImportReferences as lockReferences, type FlightsImportReferencesResult } from "../sql/queries/flights/flights_import_references.queries.ts";
import { flightsInsertBatch, type FlightsInsertBatchResult } from "../sql/queries/flights/flights_insert_batch.queries.ts";
import { ingestionLogsInsertRunning as insertRunning } from "../sql/queries/ingestions/ingestion_logs_insert_running.queries.ts";
import { ingestionLogsUpdateFinished as updateFinished } from "../sql/queries/ingestions/ingestion_logs_update_finished.queries.ts";
// Pure-JS decoders for the codecs hyparquet leaves out (flights-3m.parquet is ZSTD).
import { compressors } from "hyparquet-compressors";

export type ImportFormat = "json" | "ndjson" | "csv" | "parquet";

export interface ImportOptions {
  databaseUrl: string;
  source?: string;
  /** Rows per COPY + insert statement. */
  batchRows?: number;
  /** Flights per step of the delay rollup (ROLLUP_CHUNK_FLIGHTS). */
  rollupChunk?: number;
  /** Progress lines (stderr in the CLI); called at most a few times a second. */
  progress?: (line: string, done: boolean) => void;
  /** Where to drop cached analytics answers after the import: a Redis URL or Upstash REST credentials. */
  cache?: { redisUrl?: string; upstash?: { url: string; token: string } };
}

export interface ImportResult {
  id: string;
  status: string;
  counts: IngestionCounts;
  quality_score: number | null;
  errors: RowError[];
  seconds: number;
  rows_per_second: number;
  /** How the flights joined the delay rollup: worked out beside the load and merged once, or added in chunks at the end. */
  rollup: "beside" | "chunks";
}

const FORMATS: Record<string, ImportFormat> = { ".json": "json", ".ndjson": "ndjson", ".jsonl": "ndjson", ".csv": "csv", ".parquet": "parquet" };

export function importFormat(file: string): ImportFormat | null {
  return FORMATS[extname(file).toLowerCase()] ?? null;
}

const CREATE_STAGING = `CREATE TEMP TABLE flight_import_staging (
  "row" integer, flight_number text, airline_code text, origin text, destination text,
  scheduled_departure text, scheduled_departure_local boolean, scheduled_arrival text, scheduled_arrival_local boolean,
  actual_departure text, actual_departure_local boolean, actual_arrival text, actual_arrival_local boolean,
  departure_delay_minutes integer, arrival_delay_minutes integer, distance_miles integer, status text)`;

/** Flights per call adding the file's flights to the delay rollup at the end. */
const ROLLUP_CHUNK_FLIGHTS = 500_000;

/** The API's batch statement, reading the staging table in place of its JSON parameter (:rows, $1, stays unused). */
function stagedInsertStatement(): string {
  const input = /input AS \(\s*SELECT [\s\S]*? FROM jsonb_array_elements\(\$1::jsonb\) AS e\s*\)/;
  if (flightsInsertBatch.names[0] !== "rows" || !input.test(flightsInsertBatch.text)) {
    throw new Error("flights_insert_batch.sql no longer starts with its JSON input step");
  }
  return flightsInsertBatch.text.replace(input, "input AS (SELECT * FROM flight_import_staging WHERE $1::text IS NULL)");
}

/**
 * Whether this connection may set session_replication_role (a superuser, or a role granted SET on
 * it): then the batches insert without the foreign keys' per-row checks, a third of their time,
 * and one statement per transaction checks and locks what they refer to instead
 * (flights_import_references.sql).
 */
async function maySkipRowChecks(client: pg.Client): Promise<boolean> {
  try {
    await client.query("SET session_replication_role = replica");
    await client.query("RESET session_replication_role");
    return true;
  } catch {
    return false;
  }
}

/** Locks what the ingestion's flights refer to; fails when a flight refers to a row that is gone. */
async function checkReferences(client: pg.Client, ingestionId: string): Promise<void> {
  const [found] = (await client.query<FlightsImportReferencesResult>(lockReferences.text, lockReferences.bind({ ingestionId }))).rows;
  if (found!.logs !== 1) throw new Error(`ingestion ${ingestionId} was deleted during the import`);
  if (found!.missing !== 0) throw new Error(`${found!.missing} imported flights refer to an airport or airline deleted during the import`);
}

/** Parquet timestamps without UTC adjustment are wall-clock times: written back as local text. */
function parquetValue(value: unknown): unknown {
  if (typeof value === "bigint") return Number(value);
  if (value instanceof Date) return value.toISOString().slice(0, 19).replace("T", " ");
  return value;
}

export interface FileSource {
  /** Total rows when the format tells up front; else null (progress then follows bytes). */
  totalRows: number | null;
  totalBytes: number;
  bytesRead(): number;
  records(): AsyncGenerator<FileRecord[]>;
}

/** The file's key (src/flights/ingest.ts), from its first 64 KiB. */
async function fileKeyOf(file: string): Promise<string> {
  const handle = await open(file, "r");
  try {
    const head = new Uint8Array(FILE_KEY_BYTES);
    const { bytesRead } = await handle.read(head, 0, FILE_KEY_BYTES, 0);
    return await fileKey(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/** Reads a flight file as batches of records, never the whole file at once for NDJSON, CSV and Parquet. */
export async function openFlightFile(file: string, format: ImportFormat, chunkRows = 100_000): Promise<FileSource> {
  const totalBytes = (await stat(file)).size;
  if (format === "json") {
    const parsed: unknown = JSON.parse(await readFile(file, "utf8"));
    if (!Array.isArray(parsed)) throw new Error("a .json flight file must hold one array of flights");
    return {
      totalRows: parsed.length,
      totalBytes,
      bytesRead: () => totalBytes,
      async *records() {
        for (let start = 0; start < parsed.length; start += chunkRows) {
          yield parsed.slice(start, start + chunkRows).map((fields, i) => ({ row: start + i + 1, fields }));
        }
      },
    };
  }
  if (format === "parquet") {
    const buffer = await asyncBufferFromFile(file);
    const metadata = await parquetMetadataAsync(buffer);
    const total = Number(metadata.num_rows);
    return {
      totalRows: total,
      totalBytes,
      bytesRead: () => totalBytes,
      // A row group at a time, decoded column by column (far cheaper than row objects), then
      // each row assembled as the plain record the validator takes.
      async *records() {
        let start = 0;
        for (const group of metadata.row_groups) {
          const end = start + Number(group.num_rows);
          const columns: Record<string, unknown[]> = {};
          await parquetRead({
            file: buffer, metadata, compressors, rowStart: start, rowEnd: end,
            onChunk: (chunk) => {
              const column = (columns[chunk.columnName] ??= new Array(end - start));
              for (let i = 0; i < chunk.columnData.length; i++) column[chunk.rowStart - start + i] = chunk.columnData[i];
            },
          });
          const names = Object.keys(columns);
          const out: FileRecord[] = new Array(end - start);
          for (let i = 0; i < end - start; i++) {
            const fields: Record<string, unknown> = {};
            for (const name of names) fields[name] = parquetValue(columns[name]![i]);
            out[i] = { row: start + i + 1, fields };
          }
          yield out;
          start = end;
        }
      },
    };
  }
  let read = 0;
  return {
    totalRows: null,
    totalBytes,
    bytesRead: () => read,
    async *records() {
      const reader = recordReader(format);
      const decoder = new TextDecoder();
      for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
        read += (chunk as Buffer).byteLength;
        yield reader.push(decoder.decode(chunk as Buffer, { stream: true }));
      }
      yield [...reader.push(decoder.decode()), ...reader.end()];
    },
  };
}

/** COPY text format; validated fields never hold tabs, newlines or backslashes. */
function copyLine(f: StagedFlight): string {
  return STAGED_COLUMNS.map((c) => {
    const value = f[c];
    return value === null ? "\\N" : String(value);
  }).join("\t") + "\n";
}

/** COPY text from a query, as it comes. */
async function copyOut(client: pg.Client, query: string): Promise<Buffer[]> {
  const stream = client.query(copyTo(`COPY (${query}) TO STDOUT`));
  const chunks: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  return chunks;
}

/** COPY text into `target` (a table, with its column list where it needs one), chunk by chunk. */
async function copyIn(client: pg.Client, target: string, chunks: readonly (string | Buffer)[]): Promise<void> {
  const stream = client.query(copyFrom(`COPY ${target} FROM STDIN`));
  await new Promise<void>((resolve, reject) => {
    stream.on("finish", resolve);
    stream.on("error", reject);
    for (const chunk of chunks) stream.write(chunk);
    stream.end();
  });
}

/** How many lines COPY text holds, and the first column of its last line. */
function copyLines(chunks: Buffer[]): { lines: number; lastFirst: string | null } {
  const text = Buffer.concat(chunks).toString("utf8");
  let lines = 0;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) lines++;
  if (lines === 0) return { lines, lastFirst: null };
  const last = text.slice(text.lastIndexOf("\n", text.length - 2) + 1, text.length - 1);
  return { lines, lastFirst: last.split("\t", 1)[0]! };
}

/**
 * A second session that works out the delay rollup of the flights each batch inserted, in a
 * temporary table of its own, while the import's session loads the next batches; the import then
 * merges it into flight_delay_rollup once, in its own transaction
 * (flight_delay_rollup_add_ingestion_rows). Nothing it does is seen by anyone else; when it fails,
 * the import adds its flights to the rollup itself, a chunk at a time, as before.
 */
class RollupBeside {
  private work: Promise<void> = Promise.resolve();
  private waiting: Buffer[] = [];
  private waitingRows = 0;
  private failed = false;
  private started = false;

  private constructor(private readonly client: pg.Client, private readonly chunk: number) {}

  get working(): boolean {
    return !this.failed;
  }

  /** Gives up: the import adds its flights to the rollup itself. */
  abandon(): void {
    this.failed = true;
  }

  static async open(databaseUrl: string, chunk: number): Promise<RollupBeside | null> {
    const client = new pg.Client({ connectionString: databaseUrl });
    try {
      await client.connect();
      await client.query("SET statement_timeout = 0; SET work_mem = '256MB'");
      await client.query(`CREATE TEMP TABLE flight_import_rollup_input (
        id uuid, origin text, destination text, airline_code text, scheduled_departure timestamptz, arrival_delay_minutes integer)`);
      // Keys and histograms only: the stored figures are worked out once, when the rows reach
      // flight_delay_rollup, not at every merge here.
      await client.query("CREATE TEMP TABLE flight_import_rollup OF flight_delay_histogram (PRIMARY KEY (dimension, period, key))");
      return new RollupBeside(client, chunk);
    } catch {
      await client.end().catch(() => undefined);
      return null;
    }
  }

  /** Takes inserted flights (COPY text of ROLLUP_INPUT's columns); works on them a chunk at a time. */
  add(chunks: Buffer[], rows: number): void {
    this.waiting.push(...chunks);
    this.waitingRows += rows;
    if (this.waitingRows >= this.chunk) this.take();
  }

  private take(): void {
    const chunks = this.waiting;
    this.waiting = [];
    this.waitingRows = 0;
    if (chunks.length === 0) return;
    this.started = true;
    this.work = this.work.then(async () => {
      if (this.failed) return;
      try {
        await this.client.query("TRUNCATE flight_import_rollup_input");
        await copyIn(this.client, "flight_import_rollup_input", chunks);
        await this.client.query(`SELECT flight_delay_rollup_merge(ARRAY(
          SELECT r
          FROM (SELECT array_agg(origin) AS origin, array_agg(destination) AS destination, array_agg(airline_code) AS airline,
                       array_agg(scheduled_departure) AS departure, array_agg(arrival_delay_minutes) AS delay
                FROM flight_import_rollup_input) i
          CROSS JOIN LATERAL flight_delay_rollup_rows(i.origin, i.destination, i.airline, i.departure, i.delay) r),
          'pg_temp.flight_import_rollup')`);
      } catch {
        this.failed = true;
      }
    });
  }

  /**
   * The rollup rows of every flight it took (COPY text of HISTOGRAM's columns); null
   * when it failed, or when it has not started on any (less than a chunk in all: nothing to gain).
   */
  async rows(): Promise<Buffer[] | null> {
    if (!this.started) return null;
    this.take();
    await this.work;
    if (this.failed) return null;
    return copyOut(this.client, `SELECT ${HISTOGRAM} FROM flight_import_rollup`).catch(() => null);
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }
}

/** A rollup row's key and histogram: the columns of flight_delay_histogram (migration 026). */
const HISTOGRAM = "dimension, period, key, flights, delay_sum, delays, counts, upto";

/** The columns of an ingestion's flights the rollup reads. */
const ROLLUP_INPUT = "id, origin, destination, airline_code, scheduled_departure, arrival_delay_minutes";

async function copyRows(client: pg.Client, table: string, columns: readonly string[], lines: string[]): Promise<void> {
  const step = 10_000;
  const chunks: string[] = [];
  for (let i = 0; i < lines.length; i += step) chunks.push(lines.slice(i, i + step).join(""));
  await copyIn(client, `${table} (${columns.map((c) => `"${c}"`).join(", ")})`, chunks);
}

function progressLine(done: number, total: number | null, fraction: number, started: number): string {
  const seconds = (performance.now() - started) / 1000;
  const rate = seconds > 0 ? done / seconds : 0;
  const width = 30;
  const filled = Math.round(Math.min(fraction, 1) * width);
  const eta = fraction > 0 && fraction < 1 ? Math.round((seconds / fraction) * (1 - fraction)) : 0;
  const count = total === null ? done.toLocaleString("en-US") : `${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")}`;
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}%  ${count} rows  ${Math.round(rate).toLocaleString("en-US")} rows/s  ETA ${eta} s`;
}

/** INCR of the analytics generation, as the API does after an ingestion; a failure only delays freshness. */
async function dropCachedAnalytics(cache: ImportOptions["cache"]): Promise<string> {
  const key = cacheKeys.analyticsGeneration();
  if (cache?.upstash) {
    const res = await fetch(cache.upstash.url, {
      method: "POST",
      headers: { authorization: `Bearer ${cache.upstash.token}`, "content-type": "application/json" },
      body: JSON.stringify(["INCR", key]),
      signal: AbortSignal.timeout(2_000),
    });
    return res.ok ? "cached analytics dropped (Upstash)" : `cached analytics not dropped: Upstash answered ${res.status}`;
  }
  if (cache?.redisUrl) {
    const redis = new Redis(cache.redisUrl, { lazyConnect: true, connectTimeout: 1_000, maxRetriesPerRequest: 0, enableOfflineQueue: false });
    try {
      await redis.connect();
      await redis.incr(key);
      return "cached analytics dropped (Redis)";
    } catch (error) {
      return `cached analytics not dropped (${(error as Error).message}); they expire within an hour`;
    } finally {
      redis.disconnect();
    }
  }
  return "no cache configured";
}

export async function importFlights(file: string, options: ImportOptions): Promise<ImportResult & { cache: string }> {
  const format = importFormat(file);
  if (!format) throw new Error(`cannot tell the format of ${file}: use .json, .ndjson, .csv or .parquet`);
  const batchRows = options.batchRows ?? 250_000;
  const source = await openFlightFile(file, format, Math.min(batchRows, 100_000));
  const key = await fileKeyOf(file);
  const insertStaged = stagedInsertStatement();

  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  const skipRowChecks = await maySkipRowChecks(client);
  const rollupChunk = options.rollupChunk ?? ROLLUP_CHUNK_FLIGHTS;
  const beside = await RollupBeside.open(options.databaseUrl, rollupChunk);
  const started = performance.now();
  const counts: IngestionCounts = { received: 0, inserted: 0, rejected: 0, duplicate: 0 };
  let errors: RowError[] = [];
  let id = "";
  // The batch Postgres is working on, while the next one is read and validated here.
  let storing: Promise<void> = Promise.resolve();
  // The last flight (in id order) handed to the second session.
  let handedThrough: string | null = null;
  try {
    // A batch of hundreds of thousands of rows may take longer than the API's 10 s; its rollup
    // grouping hashes fit in memory; a crash loses at most the last batches' commit (the log
    // then stays RUNNING, which `validate` reports), never consistency.
    await client.query("SET statement_timeout = 0; SET work_mem = '256MB'");
    await client.query(CREATE_STAGING);
    id = (await client.query(insertRunning.text, insertRunning.bind({ source: options.source ?? file.split("/").pop()!, format }))).rows[0]!.id;
    // One transaction for the whole file: its flights, their rollup (merged once at the end, not
    // batch by batch) and the log's counts commit together or not at all.
    await client.query("BEGIN");
    if (skipRowChecks) {
      // Only the batches run without row triggers (flights has none but the foreign keys' checks;
      // the log's updated_at is set by its closing update below, which runs with them again).
      await checkReferences(client, id);
      await client.query("SET LOCAL session_replication_role = replica");
    }

    let staged: string[] = [];
    let refused: RowError[] = [];
    let lastReport = 0;
    const report = (done: boolean) => {
      if (!options.progress || (!done && performance.now() - lastReport < 250)) return;
      lastReport = performance.now();
      const fraction = source.totalRows ? counts.received / source.totalRows : source.bytesRead() / Math.max(source.totalBytes, 1);
      options.progress(progressLine(counts.received, source.totalRows, done ? 1 : fraction, started), done);
    };
    const flush = async () => {
      if (staged.length === 0 && refused.length === 0) return;
      const lines = staged;
      const early = refused;
      staged = [];
      refused = [];
      await storing;
      await client.query("TRUNCATE flight_import_staging");
      await copyRows(client, "flight_import_staging", STAGED_COLUMNS, lines);
      // A temporary table has no statistics until analysed: without them the planner guesses a
      // few rows and picks nested loops for hundreds of thousands.
      await client.query("ANALYZE flight_import_staging");
      const received = lines.length + early.length;
      storing = client.query<FlightsInsertBatchResult>(insertStaged, flightsInsertBatch.bind({ rows: null, ingestionId: id, received, refused: early.length, fileKey: key })).then(async ({ rows }) => {
        const outcome = rows[0]!;
        counts.received += received;
        // One row always: the statement's counts are never null.
        const inserted = outcome.inserted!;
        const valid = outcome.valid!;
        counts.inserted += inserted;
        counts.rejected += early.length + (lines.length - valid);
        counts.duplicate += valid - inserted;
        errors = keepFirstErrors(errors, [...early, ...(outcome.errors as unknown as RowError[])]);
        report(false);
        if (!beside?.working || inserted === 0) return;
        // This batch's flights, for the second session's rollup: those after the last batch's in id
        // order (a statement's ids start at its millisecond). Should that ever miss or repeat one,
        // the counts differ and the import adds its flights itself.
        const after = handedThrough === null ? "" : ` AND id > ${client.escapeLiteral(handedThrough)}`;
        const flights = await copyOut(client, `SELECT ${ROLLUP_INPUT} FROM flights WHERE ingestion_id = ${client.escapeLiteral(id)}${after} ORDER BY id`);
        const handed = copyLines(flights);
        if (handed.lines !== inserted) return beside.abandon();
        handedThrough = handed.lastFirst;
        beside.add(flights, inserted);
      });
      // Read on only once the statement is sent; a failure surfaces at the next await of `storing`.
      storing.catch(() => undefined);
    };

    for await (const records of source.records()) {
      for (const record of records) {
        if ("error" in record) refused.push({ row: record.row, message: record.error });
        else {
          const result = validateFlightRow(record.fields, record.row);
          if (result.ok) staged.push(copyLine(result.flight));
          else refused.push({ row: record.row, message: result.message });
        }
        if (staged.length + refused.length >= batchRows) await flush();
      }
    }
    await flush();
    await storing;
    if (skipRowChecks) {
      await client.query("SET LOCAL session_replication_role = origin");
      await checkReferences(client, id);
    }
    // The file's flights into the delay rollup before the log closes: the second session's rows
    // merged at once, or (without them) a chunk at a time.
    let pending = true;
    const rolled = await beside?.rows();
    if (rolled) {
      await client.query("CREATE TEMP TABLE flight_import_rollup OF flight_delay_histogram");
      await copyIn(client, "flight_import_rollup", rolled);
      const { rows } = await client.query<{ added: boolean }>(
        "SELECT flight_delay_rollup_add_ingestion_rows($1::uuid, ARRAY(SELECT ROW(r.*)::flight_delay_histogram FROM flight_import_rollup r), $2::uuid) AS added",
        [id, handedThrough],
      );
      pending = !rows[0]!.added;
    }
    const rollup = pending ? "chunks" : "beside";
    while (pending) pending = (await client.query<FlightDelayRollupAddIngestionResult>(rollupIngestion.text, rollupIngestion.bind({ ingestionId: id, chunk: rollupChunk }))).rows[0]!.pending!;
    const status = ingestionStatus(counts);
    await client.query(updateFinished.text, updateFinished.bind({ ingestionId: id, status, qualityScore: qualityScore(counts), errors: JSON.stringify(errors) }));
    await client.query("COMMIT");
    report(true);
    const seconds = (performance.now() - started) / 1000;
    const cache = counts.inserted > 0 ? await dropCachedAnalytics(options.cache) : "nothing new to invalidate";
    return { id, status, counts, quality_score: qualityScore(counts), errors, seconds, rows_per_second: counts.received / seconds, rollup, cache };
  } catch (error) {
    await storing.catch(() => undefined);
    // Nothing of the file was kept: the log says FAILED with no rows.
    await client.query("ROLLBACK").catch(() => undefined);
    if (id) await client.query(updateFinished.text, updateFinished.bind({ ingestionId: id, status: "FAILED", errors: JSON.stringify(errors) })).catch(() => undefined);
    throw error;
  } finally {
    await beside?.close();
    await client.end();
  }
}
