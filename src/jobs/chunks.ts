// The cron jobs' chunked statements: how big a chunk is, which parameters each chunk gets and
// when the walk stops. The jobs run them on the database; bench/jobs.ts runs the very same
// walks on a timed client (the generated statements load in Node too).
import type { PreparedQuery } from "../db/typed";
import { bookingsCloseDueRescheduling } from "../../sql/queries/rescheduling/bookings_close_due_rescheduling.queries";
import { notificationsInsertDeadlineReminders } from "../../sql/queries/rescheduling/notifications_insert_deadline_reminders.queries";
import { cleanupBookingsCompletedJob } from "../../sql/queries/cleanup/cleanup_bookings_completed_job.queries";
import { cleanupNotificationsJob } from "../../sql/queries/cleanup/cleanup_notifications_job.queries";

/** Where a chunk runs: the job's database, or the benchmark's timed client. */
export interface Statements {
  query<P, R>(query: PreparedQuery<P, R>, params: P): Promise<R[]>;
}

/** Rows per statement: each stays well under 200 ms (bench/jobs.ts measures the longest). */
export const REMINDER_CHUNK = 1_000;
/** Overdue preferences per statement (two per booking). */
export const CLOSE_CHUNK = 500;
export const COMPLETE_CHUNK = 5_000;
export const NOTIFICATION_CHUNK = 5_000;

/** The columns of a row that hold a count. */
type CountColumn<R> = { [K in keyof R]-?: R[K] extends number | null | undefined ? K : never }[keyof R];

export interface ChunkedStatement<P, R> {
  query: PreparedQuery<P, R>;
  chunk: number;
  /** The parameters of a chunk, given the row the previous chunk returned (none for the first). */
  params: (previous: R | undefined) => P;
  /** The column counting the rows a chunk took: fewer than `chunk` means the queue is empty. */
  taken: CountColumn<R>;
}

/** Runs a chunked statement until a chunk comes back short, at most `maxChunks` times; returns each chunk's row. */
export async function inChunks<P, R>(db: Statements, statement: ChunkedStatement<P, R>, maxChunks: number): Promise<R[]> {
  const rows: R[] = [];
  let previous: R | undefined;
  while (rows.length < maxChunks) {
    [previous] = await db.query(statement.query, statement.params(previous));
    if (!previous) break;
    rows.push(previous);
    if (Number(previous[statement.taken] ?? 0) < statement.chunk) break;
  }
  return rows;
}

/** A count column summed over the chunks' rows. */
export const total = <R>(rows: readonly R[], column: CountColumn<R>): number => rows.reduce((n, row) => n + Number(row[column] ?? 0), 0);

/** Infers a chunked statement's parameter and row types from its query. */
const chunked = <P, R>(statement: ChunkedStatement<P, R>) => statement;

/** DEADLINE_REMINDER for preferences due within 2 h. */
export const deadlineReminders = (at: string, chunk = REMINDER_CHUNK) =>
  chunked({
    query: notificationsInsertDeadlineReminders,
    chunk,
    params: (previous) => ({ now: at, chunk, lastDeadline: previous?.last_deadline, lastId: previous?.last_id }),
    taken: "picked",
  });

/** Overdue RESCHEDULING bookings resolved or escalated. */
export const closeDue = (at: string, chunk = CLOSE_CHUNK) =>
  chunked({
    query: bookingsCloseDueRescheduling,
    chunk,
    params: (previous) => ({ now: at, chunk, lastDeadline: previous?.last_deadline, lastBooking: previous?.last_booking }),
    taken: "scanned",
  });

/** Finished flights marked COMPLETED; done ones leave the queue, so every chunk starts at the front. */
export const completeFinished = (at: string, chunk = COMPLETE_CHUNK) =>
  chunked({ query: cleanupBookingsCompletedJob, chunk, params: () => ({ now: at, chunk }), taken: "completed" });

/** Read notifications older than the cutoff deleted. */
export const oldNotifications = (cutoff: string, chunk = NOTIFICATION_CHUNK) =>
  chunked({
    query: cleanupNotificationsJob,
    chunk,
    params: (previous) => ({ cutoff, chunk, lastReadAt: previous?.last_read_at, lastId: previous?.last_id }),
    taken: "deleted",
  });
