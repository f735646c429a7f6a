import { closeDue, deadlineReminders, inChunks, total } from "./chunks";
import type { Job } from "./job";

/** A run stops after this many chunks; the next run (5 minutes later) carries on. */
const MAX_REMINDER_CHUNKS = 40;
/**
 * Closing walks past the unescalated preferences of bookings already resolved or cancelled too
 * (they stay in the queue's index until cleanup deletes them after 30 days; each costs an index
 * entry and a lookup, no write), so its cap is high enough that those never keep an overdue
 * booking waiting.
 */
const MAX_CLOSE_CHUNKS = 400;

/**
 * Reminds every party whose ranking is due within 2 h (once, by dedupe key), then resolves or
 * escalates every RESCHEDULING booking whose deadline has passed, a chunk per statement, each
 * chunk starting where the previous one stopped.
 */
export const deadlinesJob: Job = async ({ now, db }) => {
  const at = now.toISOString();
  const reminded = await inChunks(db, deadlineReminders(at), MAX_REMINDER_CHUNKS);
  const closed = await inChunks(db, closeDue(at), MAX_CLOSE_CHUNKS);
  return {
    reminders_sent: total(reminded, "reminders_sent"),
    closed: total(closed, "processed"),
    resolved: total(closed, "resolved"),
    escalated: total(closed, "escalated"),
    statements: reminded.length + closed.length,
  };
};
