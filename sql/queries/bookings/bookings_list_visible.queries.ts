/** Types generated for queries found in "sql/queries/bookings/bookings_list_visible.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type NumberOrString = number | string;

export type stringArray = (string)[];

/** 'BookingsListVisible' parameters type */
export interface BookingsListVisibleParams {
  aircraftId?: string | null | void;
  cursorAt?: DateOrString | null | void;
  cursorId?: string | null | void;
  from?: DateOrString | null | void;
  instructorId?: string | null | void;
  limit?: NumberOrString | null | void;
  status?: string | null | void;
  studentId?: string | null | void;
  to?: DateOrString | null | void;
  viewerId?: string | null | void;
  viewerRole?: string | null | void;
}

/** 'BookingsListVisible' return type */
export interface BookingsListVisibleResult {
  aircraft_id: string | null;
  arrival_airport: string;
  arrival_latitude: number;
  arrival_longitude: number;
  availability_overridden: boolean;
  cancel_reason: string | null;
  cancellation_category: string | null;
  cancellation_late: boolean | null;
  cancellation_no_fault: boolean | null;
  cancelled_by: string | null;
  checked_in_at: Date | null;
  created_at: Date;
  created_by: string | null;
  cursor_at: string | null;
  departure_airport: string;
  departure_latitude: number;
  departure_longitude: number;
  dispatched_at: Date | null;
  duration_minutes: number;
  ends_at: Date;
  flight_hours: string | null;
  hobbs_in: string | null;
  hobbs_out: string | null;
  id: string;
  instructor_id: string;
  lesson_type: string;
  original_booking_id: string | null;
  rescheduled_to: string | null;
  risk_reasons: stringArray;
  rules_overridden: boolean;
  scheduled_at: Date;
  sequence: number;
  status: string;
  student_id: string;
  tach_in: string | null;
  tach_out: string | null;
  training_level: string;
  updated_at: Date;
  warnings: Json;
  weather_checked_at: Date | null;
  weather_status: string | null;
}

/** 'BookingsListVisible' query type */
export interface BookingsListVisibleQuery {
  params: BookingsListVisibleParams;
  result: BookingsListVisibleResult;
}

const bookingsListVisibleIR: any = {"usedParamSet":{"viewerRole":true,"viewerId":true,"status":true,"from":true,"to":true,"studentId":true,"instructorId":true,"aircraftId":true,"cursorAt":true,"cursorId":true,"limit":true},"params":[{"name":"viewerRole","required":false,"transform":{"type":"scalar"},"locs":[{"a":569,"b":579}]},{"name":"viewerId","required":false,"transform":{"type":"scalar"},"locs":[{"a":609,"b":617},{"a":646,"b":654}]},{"name":"status","required":false,"transform":{"type":"scalar"},"locs":[{"a":670,"b":676},{"a":706,"b":712}]},{"name":"from","required":false,"transform":{"type":"scalar"},"locs":[{"a":722,"b":726},{"a":770,"b":774}]},{"name":"to","required":false,"transform":{"type":"scalar"},"locs":[{"a":797,"b":799},{"a":842,"b":844}]},{"name":"studentId","required":false,"transform":{"type":"scalar"},"locs":[{"a":867,"b":876},{"a":910,"b":919}]},{"name":"instructorId","required":false,"transform":{"type":"scalar"},"locs":[{"a":935,"b":947},{"a":984,"b":996}]},{"name":"aircraftId","required":false,"transform":{"type":"scalar"},"locs":[{"a":1012,"b":1022},{"a":1057,"b":1067}]},{"name":"cursorAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":1083,"b":1091},{"a":1143,"b":1151}]},{"name":"cursorId","required":false,"transform":{"type":"scalar"},"locs":[{"a":1167,"b":1175}]},{"name":"limit","required":false,"transform":{"type":"scalar"},"locs":[{"a":1221,"b":1226}]}],"statement":"-- A page of the bookings the viewer may see, by start time, with optional filters. Students\n-- only ever get their own, instructors the ones they teach, admins all.\n-- :viewerId viewer id, :viewerRole viewer role, :status status or null, :from/:to start time from (inclusive) / to (exclusive)\n-- or nulls, :studentId student id or null, :instructorId instructor id or null, :aircraftId aircraft id or null,\n-- :cursorAt/:cursorId the cursor (scheduled_at as text, id) or nulls, :limit page size + 1\nSELECT b.*, b.scheduled_at::text AS cursor_at\nFROM bookings b\nWHERE (:viewerRole = 'ADMIN' OR b.student_id = :viewerId::uuid OR b.instructor_id = :viewerId::uuid)\n  AND (:status::text IS NULL OR b.status = :status)\n  AND (:from::timestamptz IS NULL OR b.scheduled_at >= :from::timestamptz)\n  AND (:to::timestamptz IS NULL OR b.scheduled_at < :to::timestamptz)\n  AND (:studentId::uuid IS NULL OR b.student_id = :studentId::uuid)\n  AND (:instructorId::uuid IS NULL OR b.instructor_id = :instructorId::uuid)\n  AND (:aircraftId::uuid IS NULL OR b.aircraft_id = :aircraftId::uuid)\n  AND (:cursorAt::timestamptz IS NULL OR (b.scheduled_at, b.id) > (:cursorAt::timestamptz, :cursorId::uuid))\nORDER BY b.scheduled_at, b.id\nLIMIT :limit"};

/**
 * Query generated from SQL:
 * ```
 * -- A page of the bookings the viewer may see, by start time, with optional filters. Students
 * -- only ever get their own, instructors the ones they teach, admins all.
 * -- :viewerId viewer id, :viewerRole viewer role, :status status or null, :from/:to start time from (inclusive) / to (exclusive)
 * -- or nulls, :studentId student id or null, :instructorId instructor id or null, :aircraftId aircraft id or null,
 * -- :cursorAt/:cursorId the cursor (scheduled_at as text, id) or nulls, :limit page size + 1
 * SELECT b.*, b.scheduled_at::text AS cursor_at
 * FROM bookings b
 * WHERE (:viewerRole = 'ADMIN' OR b.student_id = :viewerId::uuid OR b.instructor_id = :viewerId::uuid)
 *   AND (:status::text IS NULL OR b.status = :status)
 *   AND (:from::timestamptz IS NULL OR b.scheduled_at >= :from::timestamptz)
 *   AND (:to::timestamptz IS NULL OR b.scheduled_at < :to::timestamptz)
 *   AND (:studentId::uuid IS NULL OR b.student_id = :studentId::uuid)
 *   AND (:instructorId::uuid IS NULL OR b.instructor_id = :instructorId::uuid)
 *   AND (:aircraftId::uuid IS NULL OR b.aircraft_id = :aircraftId::uuid)
 *   AND (:cursorAt::timestamptz IS NULL OR (b.scheduled_at, b.id) > (:cursorAt::timestamptz, :cursorId::uuid))
 * ORDER BY b.scheduled_at, b.id
 * LIMIT :limit
 * ```
 */
export const bookingsListVisible = new PreparedQuery<BookingsListVisibleParams,BookingsListVisibleResult>(bookingsListVisibleIR);


