// The cron jobs' chunked statements: how big a chunk is, which parameters each chunk gets and
// when the walk stops. The jobs run them on the database; bench/jobs.ts runs the very same
// walks on a timed client (this module imports no .sql file, so Node can load it too).

type Row = Record<string, unknown>;

/** Where a chunk runs: the job's database, or the benchmark's timed client. */
export interface Statements {
  query(text: string, params: unknown[]): Promise<Row[]>;
}

/** Rows per statement: each stays well under 200 ms (bench/jobs.ts measures the longest). */
export const REMINDER_CHUNK = 1_000;
/** Overdue preferences per statement (two per booking). */
export const CLOSE_CHUNK = 500;
export const COMPLETE_CHUNK = 5_000;
export const NOTIFICATION_CHUNK = 5_000;

export interface ChunkedStatement {
  text: string;
  chunk: number;
  /** The parameters of a chunk, given the key the previous chunk returned (nulls for the first). */
  params: (after: readonly unknown[]) => unknown[];
  /** The key columns the statement returns; none when the rows it handles leave its queue. */
  key: readonly string[];
  /** The column counting the rows a chunk took: fewer than `chunk` means the queue is empty. */
  taken: string;
}

/** Runs a chunked statement until a chunk comes back short, at most `maxChunks` times; returns each chunk's row. */
export async function inChunks(db: Statements, statement: ChunkedStatement, maxChunks: number): Promise<Row[]> {
  const rows: Row[] = [];
  let after: unknown[] = statement.key.map(() => null);
  while (rows.length < maxChunks) {
    const [row = {}] = await db.query(statement.text, statement.params(after));
    rows.push(row);
    if (Number(row[statement.taken] ?? 0) < statement.chunk) break;
    after = statement.key.map((column) => row[column]);
  }
  return rows;
}

/** A column summed over the chunks' rows. */
export const total = (rows: readonly Row[], column: string): number => rows.reduce((n, row) => n + Number(row[column] ?? 0), 0);

/** DEADLINE_REMINDER for preferences due within 2 h (notifications_insert_deadline_reminders.sql). */
export const deadlineReminders = (text: string, at: string, chunk = REMINDER_CHUNK): ChunkedStatement => ({
  text,
  chunk,
  params: (after) => [at, ...after, chunk],
  key: ["last_deadline", "last_id"],
  taken: "picked",
});

/** Overdue RESCHEDULING bookings resolved or escalated (bookings_close_due_rescheduling.sql). */
export const closeDue = (text: string, at: string, chunk = CLOSE_CHUNK): ChunkedStatement => ({
  text,
  chunk,
  params: (after) => [at, chunk, ...after],
  key: ["last_deadline", "last_booking"],
  taken: "scanned",
});

/** Finished flights marked COMPLETED (cleanup_bookings_completed_job.sql); done ones leave the queue. */
export const completeFinished = (text: string, at: string, chunk = COMPLETE_CHUNK): ChunkedStatement => ({
  text,
  chunk,
  params: () => [at, chunk],
  key: [],
  taken: "completed",
});

/** Read notifications older than the cutoff deleted (cleanup_notifications_job.sql). */
export const oldNotifications = (text: string, cutoff: string, chunk = NOTIFICATION_CHUNK): ChunkedStatement => ({
  text,
  chunk,
  params: (after) => [cutoff, ...after, chunk],
  key: ["last_read_at", "last_id"],
  taken: "deleted",
});
