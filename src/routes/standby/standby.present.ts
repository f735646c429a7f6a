import { isoTime, isoTimeOrNull } from "../../http/present";
import type { StandbyEntriesListVisibleResult } from "../../../sql/queries/standby/standby_entries_list_visible.queries";
import type { StandbyStatus } from "./standby.schemas";

/** A `standby_entries` row as the statements select it (a withdrawal has no position), or its jsonb copy. */
type StandbyEntryRow = Omit<StandbyEntriesListVisibleResult, "cursor_at" | "position"> & { position?: number | null };

/**
 * A standby entry as the contract shows it, from a driver row or from the jsonb copy an
 * idempotency key keeps. `position` is its place in the queue while it is WAITING, else null.
 */
export function presentStandbyEntry(row: StandbyEntryRow) {
  return {
    id: row.id,
    student_id: row.student_id,
    departure_airport: row.departure_airport,
    window_start: isoTime(row.window_start),
    window_end: isoTime(row.window_end),
    duration_minutes: row.duration_minutes,
    instructor_id: row.instructor_id,
    aircraft_type_code: row.aircraft_type_code,
    lesson_type: row.lesson_type,
    status: row.status as StandbyStatus,
    position: row.status === "WAITING" ? (row.position ?? null) : null,
    booking_id: row.booking_id,
    promoted_at: isoTimeOrNull(row.promoted_at),
    created_by: row.created_by,
    created_at: isoTime(row.created_at),
    updated_at: isoTime(row.updated_at),
  };
}
