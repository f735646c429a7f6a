import type { Row } from "../../db/client";
import { isoTime, isoTimeOrNull } from "../../http/present";

/** One reschedule option as the contract shows it, from a row or its jsonb copy. */
export function presentOption(row: Row) {
  return {
    id: String(row.id),
    suggested_at: isoTime(row.suggested_at),
    ends_at: isoTime(row.ends_at),
    confidence: Number(row.confidence),
    weather_status: String(row.weather_status),
    reasons: (row.reasons ?? []) as string[],
    /** The aircraft the option moves the flight to (another of the same type when its own is grounded then). */
    aircraft_id: row.aircraft_id === null || row.aircraft_id === undefined ? null : String(row.aircraft_id),
  };
}

/** The 201 of POST /:id/reschedule-options; also what an Idempotency-Key replays. */
export function presentOffer(body: Row) {
  return {
    booking_id: String(body.booking_id),
    status: String(body.status),
    deadline: isoTime(body.deadline),
    options: ((body.options ?? []) as Row[]).map(presentOption),
  };
}

/**
 * One party's preference status. The ranking itself is shown to that party and to admins only,
 * so neither side is swayed by the other's choice.
 */
export function presentPreference(row: Row | undefined, showRanking: boolean) {
  if (!row) return null;
  return {
    submitted: row.submitted_at !== null,
    submitted_at: isoTimeOrNull(row.submitted_at),
    deadline: isoTime(row.deadline),
    reminder_sent_at: isoTimeOrNull(row.reminder_sent_at),
    escalated_at: isoTimeOrNull(row.escalated_at),
    ...(showRanking
      ? { ranked_option_ids: row.ranked_option_ids as string[], unavailable_option_ids: row.unavailable_option_ids as string[] }
      : {}),
  };
}
