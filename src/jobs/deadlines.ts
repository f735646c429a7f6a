import sendReminders from "../../sql/queries/rescheduling/notifications_insert_deadline_reminders.sql";
import closeDue from "../../sql/queries/rescheduling/bookings_close_due_rescheduling.sql";
import type { Job } from "./registry";

/** Bookings closed per statement: keeps each well inside the statement timeout. */
export const CLOSE_CHUNK = 500;
/** A run stops after this many chunks; the next run (5 minutes later) carries on. */
const MAX_CHUNKS = 40;

/**
 * Reminds every party whose ranking is due within 2 h (once, by dedupe key), then resolves or
 * escalates every RESCHEDULING booking whose deadline has passed, a chunk per statement.
 */
export const deadlinesJob: Job = async ({ now, db }) => {
  const at = now.toISOString();
  const [reminded] = await db.query<{ reminders_sent: number }>(sendReminders, [at]);
  const totals = { reminders_sent: reminded?.reminders_sent ?? 0, closed: 0, resolved: 0, escalated: 0, statements: 1 };
  for (let chunk = 0; chunk < MAX_CHUNKS; chunk++) {
    const [closed] = await db.query<{ processed: number; resolved: number; escalated: number }>(closeDue, [at, CLOSE_CHUNK]);
    totals.statements++;
    totals.closed += closed?.processed ?? 0;
    totals.resolved += closed?.resolved ?? 0;
    totals.escalated += closed?.escalated ?? 0;
    if ((closed?.processed ?? 0) < CLOSE_CHUNK) break;
  }
  return totals;
};
