import { keepFirstErrors, type IngestionCounts, type RowError } from "./quality";
import { recordReader, type FileRecord, type FlightFileFormat } from "./records";
import { validateFlightRow, type StagedFlight } from "./rows";

/** What storing one batch reports back (the ingestion statement's result row). */
export interface BatchOutcome {
  inserted: number;
  valid: number;
  errors: RowError[];
}

/**
 * Stores one batch in one statement; `refused` rows failed validation before reaching SQL;
 * `file` is the file's key (fileKey), part of the natural key of rows without a flight number.
 */
export type StoreBatch = (rows: StagedFlight[], received: number, refused: number, file: string) => Promise<BatchOutcome>;

/** How much of a file's start names it. */
export const FILE_KEY_BYTES = 64 * 1024;

/**
 * A file's key: 16 hex digits of the SHA-256 of its first 64 KiB (all of it when shorter). The
 * same file sent again, however its bytes are chunked on the way, gets the same key.
 */
export async function fileKey(head: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", head.subarray(0, FILE_KEY_BYTES)));
  return Array.from(digest.subarray(0, 8), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Lets other requests run between chunks of a large file. */
const yieldToOthers = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface IngestResult {
  counts: IngestionCounts;
  errors: RowError[];
  batches: number;
  /** The body went past the size limit; rows before that point were stored. */
  tooLarge: boolean;
  /** The 1-based row after the last one read. */
  nextRow: number;
}

/**
 * Reads a flight file from a stream, validating each record and storing accepted rows in batches.
 * Parsing the next batch overlaps with storing the previous one; at most two batches are held.
 */
export async function ingestStream(
  body: ReadableStream<Uint8Array> | null,
  format: FlightFileFormat,
  options: { maxBytes: number; batchSize: number; store: StoreBatch },
): Promise<IngestResult> {
  const counts: IngestionCounts = { received: 0, inserted: 0, rejected: 0, duplicate: 0 };
  let errors: RowError[] = [];
  let staged: StagedFlight[] = [];
  let refused: RowError[] = [];
  let batches = 0;
  let nextRow = 1;
  let storing: Promise<void> = Promise.resolve();
  // A failed batch stops the ingestion at the next batch boundary.
  let failure: { error: unknown } | null = null;
  const settle = async () => {
    await storing;
    if (failure) throw failure.error;
  };

  // Batches wait until the file's key is known: its first 64 KiB are in, or the body ended.
  const head = new Uint8Array(FILE_KEY_BYTES);
  let headBytes = 0;
  let file: string | null = null;
  let ended = false;

  const flush = async () => {
    if (file === null) {
      if (headBytes < FILE_KEY_BYTES && !ended) return;
      file = await fileKey(head.subarray(0, headBytes));
    }
    const rows = staged;
    const rejectedEarly = refused;
    staged = [];
    refused = [];
    if (rows.length === 0 && rejectedEarly.length === 0) return;
    await settle();
    batches++;
    storing = options.store(rows, rows.length + rejectedEarly.length, rejectedEarly.length, file).then((outcome) => {
      const received = rows.length + rejectedEarly.length;
      counts.received += received;
      counts.inserted += outcome.inserted;
      counts.rejected += rejectedEarly.length + (rows.length - outcome.valid);
      counts.duplicate += outcome.valid - outcome.inserted;
      errors = keepFirstErrors(errors, [...rejectedEarly, ...outcome.errors]);
    }, (error: unknown) => {
      failure ??= { error };
    });
  };

  const take = async (records: FileRecord[]) => {
    for (const record of records) {
      nextRow = record.row + 1;
      if ("error" in record) {
        refused.push({ row: record.row, message: record.error });
      } else {
        const result = validateFlightRow(record.fields, record.row);
        if (result.ok) staged.push(result.flight);
        else refused.push({ row: record.row, message: result.message });
      }
      if (staged.length + refused.length >= options.batchSize) await flush();
    }
  };

  const reader = recordReader(format);
  const decoder = new TextDecoder();
  let bytes = 0;
  let tooLarge = false;
  if (body) {
    const chunks = body.getReader();
    try {
      for (;;) {
        const { done, value } = await chunks.read();
        if (done) break;
        bytes += value.byteLength;
        if (bytes > options.maxBytes) {
          tooLarge = true;
          break;
        }
        if (headBytes < FILE_KEY_BYTES) {
          const part = value.subarray(0, FILE_KEY_BYTES - headBytes);
          head.set(part, headBytes);
          headBytes += part.byteLength;
        }
        await take(reader.push(decoder.decode(value, { stream: true })));
        await yieldToOthers();
      }
    } finally {
      chunks.releaseLock();
    }
  }
  if (!tooLarge) await take([...reader.push(decoder.decode()), ...reader.end()]);
  ended = true;
  await flush();
  await settle();
  return { counts, errors, batches, tooLarge, nextRow };
}
