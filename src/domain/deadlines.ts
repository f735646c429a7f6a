const MINUTE_MS = 60_000;

/** Preferences close half an hour before the original flight, and never more than 12 h out. */
export const DEADLINE_BEFORE_FLIGHT_MS = 30 * MINUTE_MS;
export const DEADLINE_AT_MOST_MS = 12 * 60 * MINUTE_MS;

/** deadline = min(scheduled_at − 30 min, now + 12 h). Not in the future means it is too late to ask. */
export function preferenceDeadline(scheduledAt: Date, now: Date): Date {
  return new Date(Math.min(scheduledAt.getTime() - DEADLINE_BEFORE_FLIGHT_MS, now.getTime() + DEADLINE_AT_MOST_MS));
}

/** The reminder goes out once the deadline is this close. */
export const REMINDER_BEFORE_DEADLINE_MS = 2 * 60 * MINUTE_MS;
