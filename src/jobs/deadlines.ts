import { closeDue, deadlineReminders, inChunks, total, type Statements } from "./chunks";
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
 * Reminds every party whose ranking is due within 2 h (once, by dedupe key) and resolves or
 * escalates every RESCHEDULING booking whose deadline has passed, a chunk per statement, each
 * chunk starting where the previous one stopped. The two walks go side by side: one takes
 * deadlines still ahead, the other deadlines passed, and both parties of a booking share theirs
 * (reschedule_options_replace_audited.sql), so they never touch the same booking, and a run takes
 * as long as the longer walk instead of both.
 */
export async function deadlineWalks(db: Statements, at: string) {
  const [reminded, closed] = await Promise.all([
    inChunks(db, deadlineReminders(at), MAX_REMINDER_CHUNKS),
    inChunks(db, closeDue(at), MAX_CLOSE_CHUNKS),
  ]);
  return { reminded, closed };
}

export const deadlinesJob: Job = async ({ now, db }) => {
  const { reminded, closed } = await deadlineWalks(db, now.toISOString());
  return {
    reminders_sent: total(reminded, "reminders_sent"),
    closed: total(closed, "processed"),
    resolved: total(closed, "resolved"),
    escalated: total(closed, "escalated"),
    statements: reminded.length + closed.length,
  };
};
