import sendReminders from "../../sql/queries/rescheduling/notifications_insert_deadline_reminders.sql";
import closeDue from "../../sql/queries/rescheduling/bookings_close_due_rescheduling.sql";
import type { Job } from "./registry";

/** Preferences reminded, and bookings closed, per statement: each stays under 200 ms at 10 k due. */
export const REMINDER_CHUNK = 1_000;
export const CLOSE_CHUNK = 250;
/** A run stops after this many chunks of each; the next run (5 minutes later) carries on. */
const MAX_CHUNKS = 40;

/**
 * Reminds every party whose ranking is due within 2 h (once, by dedupe key), then resolves or
 * escalates every RESCHEDULING booking whose deadline has passed, a chunk per statement.
 */
export const deadlinesJob: Job = async ({ now, db }) => {
  const at = now.toISOString();
  const totals = { reminders_sent: 0, closed: 0, resolved: 0, escalated: 0, statements: 0 };
  for (let chunk = 0; chunk < MAX_CHUNKS; chunk++) {
    const [reminded] = await db.query<{ reminders_sent: number; picked: number }>(sendReminders, [at, REMINDER_CHUNK]);
    totals.statements++;
    totals.reminders_sent += reminded?.reminders_sent ?? 0;
    if ((reminded?.picked ?? 0) < REMINDER_CHUNK) break;
  }
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
