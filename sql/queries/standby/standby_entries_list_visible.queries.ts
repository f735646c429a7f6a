/** Types generated for queries found in "sql/queries/standby/standby_entries_list_visible.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

export type NumberOrString = number | string;

/** 'StandbyEntriesListVisible' parameters type */
export interface StandbyEntriesListVisibleParams {
  cursorAt?: DateOrString | null | void;
  cursorId?: string | null | void;
  limit: NumberOrString;
  status?: string | null | void;
  studentId?: string | null | void;
  viewerId: string;
  viewerRole: string;
}

/** 'StandbyEntriesListVisible' return type */
export interface StandbyEntriesListVisibleResult {
  aircraft_type_code: string | null;
  booking_id: string | null;
  created_at: Date;
  created_by: string | null;
  cursor_at: string | null;
  departure_airport: string;
  duration_minutes: number;
  id: string;
  instructor_id: string | null;
  lesson_type: string;
  position: number | null;
  promoted_at: Date | null;
  status: string;
  student_id: string;
  updated_at: Date;
  window_end: Date;
  window_start: Date;
}

/** 'StandbyEntriesListVisible' query type */
export interface StandbyEntriesListVisibleQuery {
  params: StandbyEntriesListVisibleParams;
  result: StandbyEntriesListVisibleResult;
}

const standbyEntriesListVisibleIR: any = {"usedParamSet":{"viewerRole":true,"viewerId":true,"studentId":true,"status":true,"cursorAt":true,"cursorId":true,"limit":true},"params":[{"name":"viewerRole","required":true,"transform":{"type":"scalar"},"locs":[{"a":788,"b":799}]},{"name":"viewerId","required":true,"transform":{"type":"scalar"},"locs":[{"a":832,"b":841}]},{"name":"studentId","required":false,"transform":{"type":"scalar"},"locs":[{"a":857,"b":866},{"a":900,"b":909}]},{"name":"status","required":false,"transform":{"type":"scalar"},"locs":[{"a":925,"b":931},{"a":961,"b":967}]},{"name":"cursorAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":983,"b":991},{"a":1041,"b":1049}]},{"name":"cursorId","required":false,"transform":{"type":"scalar"},"locs":[{"a":1065,"b":1073}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":1117,"b":1123}]}],"statement":"-- A page of standby entries in queue order (oldest first). Students only ever get their own.\n-- A waiting entry's position: 1 + the waiting entries at its airport, with windows overlapping\n-- its own, that came before it.\n-- :studentId or null, :status or null,\n-- :cursorAt/:cursorId the cursor (created_at as text, id) or nulls, :limit page size + 1\nSELECT s.*, s.created_at::text AS cursor_at,\n       CASE WHEN s.status = 'WAITING' THEN\n         1 + (SELECT count(*) FROM standby_entries o\n              WHERE o.status = 'WAITING' AND o.departure_airport = s.departure_airport\n                AND o.window_start < s.window_end AND o.window_end > s.window_start\n                AND (o.created_at, o.id) < (s.created_at, s.id))::int\n       END AS position\nFROM standby_entries s\nWHERE (:viewerRole! <> 'STUDENT' OR s.student_id = :viewerId!::uuid)\n  AND (:studentId::uuid IS NULL OR s.student_id = :studentId::uuid)\n  AND (:status::text IS NULL OR s.status = :status::text)\n  AND (:cursorAt::timestamptz IS NULL OR (s.created_at, s.id) > (:cursorAt::timestamptz, :cursorId::uuid))\nORDER BY s.created_at, s.id\nLIMIT :limit!"};

/**
 * Query generated from SQL:
 * ```
 * -- A page of standby entries in queue order (oldest first). Students only ever get their own.
 * -- A waiting entry's position: 1 + the waiting entries at its airport, with windows overlapping
 * -- its own, that came before it.
 * -- :studentId or null, :status or null,
 * -- :cursorAt/:cursorId the cursor (created_at as text, id) or nulls, :limit page size + 1
 * SELECT s.*, s.created_at::text AS cursor_at,
 *        CASE WHEN s.status = 'WAITING' THEN
 *          1 + (SELECT count(*) FROM standby_entries o
 *               WHERE o.status = 'WAITING' AND o.departure_airport = s.departure_airport
 *                 AND o.window_start < s.window_end AND o.window_end > s.window_start
 *                 AND (o.created_at, o.id) < (s.created_at, s.id))::int
 *        END AS position
 * FROM standby_entries s
 * WHERE (:viewerRole! <> 'STUDENT' OR s.student_id = :viewerId!::uuid)
 *   AND (:studentId::uuid IS NULL OR s.student_id = :studentId::uuid)
 *   AND (:status::text IS NULL OR s.status = :status::text)
 *   AND (:cursorAt::timestamptz IS NULL OR (s.created_at, s.id) > (:cursorAt::timestamptz, :cursorId::uuid))
 * ORDER BY s.created_at, s.id
 * LIMIT :limit!
 * ```
 */
export const standbyEntriesListVisible = new PreparedQuery<StandbyEntriesListVisibleParams,StandbyEntriesListVisibleResult>(standbyEntriesListVisibleIR);


