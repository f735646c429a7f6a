import type { Row } from "../../db/client";
import { isoTime, isoTimeOrNull } from "../../http/present";
import type { StandbyStatus } from "./standby.schemas";

const idOrNull = (value: unknown) => (value === null || value === undefined ? null : String(value));

/**
 * A standby entry as the contract shows it, from a driver row or from the jsonb copy an
 * idempotency key keeps. `position` is its place in the queue while it is WAITING, else null.
 */
export function presentStandbyEntry(row: Row) {
  return {
    id: String(row.id),
    student_id: String(row.student_id),
    departure_airport: String(row.departure_airport),
    window_start: isoTime(row.window_start),
    window_end: isoTime(row.window_end),
    duration_minutes: Number(row.duration_minutes),
    instructor_id: idOrNull(row.instructor_id),
    aircraft_type_code: idOrNull(row.aircraft_type_code),
    lesson_type: String(row.lesson_type),
    status: row.status as StandbyStatus,
    position: row.status === "WAITING" && row.position !== null && row.position !== undefined ? Number(row.position) : null,
    booking_id: idOrNull(row.booking_id),
    promoted_at: isoTimeOrNull(row.promoted_at),
    created_by: idOrNull(row.created_by),
    created_at: isoTime(row.created_at),
    updated_at: isoTime(row.updated_at),
  };
}
