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
  limit: NumberOrString;
  status?: string | null | void;
  studentId?: string | null | void;
  to?: DateOrString | null | void;
  viewerId: string;
  viewerRole: string;
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

const bookingsListVisibleIR: any = {"usedParamSet":{"viewerRole":true,"viewerId":true,"status":true,"from":true,"to":true,"studentId":true,"instructorId":true,"aircraftId":true,"cursorAt":true,"cursorId":true,"limit":true},"params":[{"name":"viewerRole","required":true,"transform":{"type":"scalar"},"locs":[{"a":479,"b":490}]},{"name":"viewerId","required":true,"transform":{"type":"scalar"},"locs":[{"a":520,"b":529},{"a":558,"b":566}]},{"name":"status","required":false,"transform":{"type":"scalar"},"locs":[{"a":582,"b":588},{"a":618,"b":624}]},{"name":"from","required":false,"transform":{"type":"scalar"},"locs":[{"a":634,"b":638},{"a":682,"b":686}]},{"name":"to","required":false,"transform":{"type":"scalar"},"locs":[{"a":709,"b":711},{"a":754,"b":756}]},{"name":"studentId","required":false,"transform":{"type":"scalar"},"locs":[{"a":779,"b":788},{"a":822,"b":831}]},{"name":"instructorId","required":false,"transform":{"type":"scalar"},"locs":[{"a":847,"b":859},{"a":896,"b":908}]},{"name":"aircraftId","required":false,"transform":{"type":"scalar"},"locs":[{"a":924,"b":934},{"a":969,"b":979}]},{"name":"cursorAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":995,"b":1003},{"a":1055,"b":1063}]},{"name":"cursorId","required":false,"transform":{"type":"scalar"},"locs":[{"a":1079,"b":1087}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":1133,"b":1139}]}],"statement":"-- A page of the bookings the viewer may see, by start time, with optional filters. Students\n-- only ever get their own, instructors the ones they teach, admins all.\n-- :status or null, :from/:to start time from (inclusive) / to (exclusive)\n-- or nulls, :studentId or null, :instructorId or null, :aircraftId or null,\n-- :cursorAt/:cursorId the cursor (scheduled_at as text, id) or nulls, :limit page size + 1\nSELECT b.*, b.scheduled_at::text AS cursor_at\nFROM bookings b\nWHERE (:viewerRole! = 'ADMIN' OR b.student_id = :viewerId!::uuid OR b.instructor_id = :viewerId::uuid)\n  AND (:status::text IS NULL OR b.status = :status)\n  AND (:from::timestamptz IS NULL OR b.scheduled_at >= :from::timestamptz)\n  AND (:to::timestamptz IS NULL OR b.scheduled_at < :to::timestamptz)\n  AND (:studentId::uuid IS NULL OR b.student_id = :studentId::uuid)\n  AND (:instructorId::uuid IS NULL OR b.instructor_id = :instructorId::uuid)\n  AND (:aircraftId::uuid IS NULL OR b.aircraft_id = :aircraftId::uuid)\n  AND (:cursorAt::timestamptz IS NULL OR (b.scheduled_at, b.id) > (:cursorAt::timestamptz, :cursorId::uuid))\nORDER BY b.scheduled_at, b.id\nLIMIT :limit!"};

/**
 * Query generated from SQL:
 * ```
 * -- A page of the bookings the viewer may see, by start time, with optional filters. Students
 * -- only ever get their own, instructors the ones they teach, admins all.
 * -- :status or null, :from/:to start time from (inclusive) / to (exclusive)
 * -- or nulls, :studentId or null, :instructorId or null, :aircraftId or null,
 * -- :cursorAt/:cursorId the cursor (scheduled_at as text, id) or nulls, :limit page size + 1
 * SELECT b.*, b.scheduled_at::text AS cursor_at
 * FROM bookings b
 * WHERE (:viewerRole! = 'ADMIN' OR b.student_id = :viewerId!::uuid OR b.instructor_id = :viewerId::uuid)
 *   AND (:status::text IS NULL OR b.status = :status)
 *   AND (:from::timestamptz IS NULL OR b.scheduled_at >= :from::timestamptz)
 *   AND (:to::timestamptz IS NULL OR b.scheduled_at < :to::timestamptz)
 *   AND (:studentId::uuid IS NULL OR b.student_id = :studentId::uuid)
 *   AND (:instructorId::uuid IS NULL OR b.instructor_id = :instructorId::uuid)
 *   AND (:aircraftId::uuid IS NULL OR b.aircraft_id = :aircraftId::uuid)
 *   AND (:cursorAt::timestamptz IS NULL OR (b.scheduled_at, b.id) > (:cursorAt::timestamptz, :cursorId::uuid))
 * ORDER BY b.scheduled_at, b.id
 * LIMIT :limit!
 * ```
 */
export const bookingsListVisible = new PreparedQuery<BookingsListVisibleParams,BookingsListVisibleResult>(bookingsListVisibleIR);


