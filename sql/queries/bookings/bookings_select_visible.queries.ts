/** Types generated for queries found in "sql/queries/bookings/bookings_select_visible.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type stringArray = (string)[];

/** 'BookingsSelectVisible' parameters type */
export interface BookingsSelectVisibleParams {
  bookingId: string;
  viewerId: string;
  viewerRole: string;
}

/** 'BookingsSelectVisible' return type */
export interface BookingsSelectVisibleResult {
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

/** 'BookingsSelectVisible' query type */
export interface BookingsSelectVisibleQuery {
  params: BookingsSelectVisibleParams;
  result: BookingsSelectVisibleResult;
}

const bookingsSelectVisibleIR: any = {"usedParamSet":{"bookingId":true,"viewerRole":true,"viewerId":true},"params":[{"name":"bookingId","required":true,"transform":{"type":"scalar"},"locs":[{"a":123,"b":133}]},{"name":"viewerRole","required":true,"transform":{"type":"scalar"},"locs":[{"a":142,"b":153}]},{"name":"viewerId","required":true,"transform":{"type":"scalar"},"locs":[{"a":183,"b":192},{"a":215,"b":223}]}],"statement":"-- One booking, if the viewer may see it: admins all, others the ones they fly in.\nSELECT b.*\nFROM bookings b\nWHERE b.id = :bookingId!\n  AND (:viewerRole! = 'ADMIN' OR b.student_id = :viewerId! OR b.instructor_id = :viewerId)"};

/**
 * Query generated from SQL:
 * ```
 * -- One booking, if the viewer may see it: admins all, others the ones they fly in.
 * SELECT b.*
 * FROM bookings b
 * WHERE b.id = :bookingId!
 *   AND (:viewerRole! = 'ADMIN' OR b.student_id = :viewerId! OR b.instructor_id = :viewerId)
 * ```
 */
export const bookingsSelectVisible = new PreparedQuery<BookingsSelectVisibleParams,BookingsSelectVisibleResult>(bookingsSelectVisibleIR);


