/** Types generated for queries found in "sql/queries/bookings/bookings_update_checked_in.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type NumberOrString = number | string;

export type stringArray = (string)[];

/** 'BookingsUpdateCheckedIn' parameters type */
export interface BookingsUpdateCheckedInParams {
  actorId?: string | null | void;
  actorRole?: string | null | void;
  bookingId?: string | null | void;
  hobbsIn?: NumberOrString | null | void;
  squawks?: Json | null | void;
  tachIn?: NumberOrString | null | void;
}

/** 'BookingsUpdateCheckedIn' return type */
export interface BookingsUpdateCheckedInResult {
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
  hobbs_forward: boolean | null;
  hobbs_in: string | null;
  hobbs_out: string | null;
  hobbs_within_day: boolean | null;
  id: string;
  instructor_id: string;
  lesson_type: string;
  original_booking_id: string | null;
  rescheduled_to: string | null;
  risk_reasons: stringArray;
  rules_overridden: boolean;
  scheduled_at: Date;
  seen_hobbs_out: string | null;
  seen_status: string;
  seen_tach_out: string | null;
  sequence: number;
  squawks: Json | null;
  status: string;
  student_id: string;
  tach_forward: boolean | null;
  tach_in: string | null;
  tach_out: string | null;
  tach_within_day: boolean | null;
  training_level: string;
  updated_at: Date;
  warnings: Json;
  weather_checked_at: Date | null;
  weather_status: string | null;
}

/** 'BookingsUpdateCheckedIn' query type */
export interface BookingsUpdateCheckedInQuery {
  params: BookingsUpdateCheckedInParams;
  result: BookingsUpdateCheckedInResult;
}

const bookingsUpdateCheckedInIR: any = {"usedParamSet":{"bookingId":true,"actorRole":true,"actorId":true,"hobbsIn":true,"tachIn":true,"squawks":true},"params":[{"name":"bookingId","required":false,"transform":{"type":"scalar"},"locs":[{"a":854,"b":863},{"a":2712,"b":2721}]},{"name":"actorRole","required":false,"transform":{"type":"scalar"},"locs":[{"a":876,"b":885}]},{"name":"actorId","required":false,"transform":{"type":"scalar"},"locs":[{"a":915,"b":922},{"a":951,"b":958},{"a":2049,"b":2056},{"a":2331,"b":2338},{"a":2654,"b":2661},{"a":2865,"b":2872}]},{"name":"hobbsIn","required":false,"transform":{"type":"scalar"},"locs":[{"a":1006,"b":1013},{"a":1043,"b":1050},{"a":1199,"b":1206},{"a":1429,"b":1436},{"a":1497,"b":1504},{"a":1751,"b":1758}]},{"name":"tachIn","required":false,"transform":{"type":"scalar"},"locs":[{"a":1105,"b":1111},{"a":1140,"b":1146},{"a":1258,"b":1264},{"a":1458,"b":1464},{"a":1783,"b":1789}]},{"name":"squawks","required":false,"transform":{"type":"scalar"},"locs":[{"a":2115,"b":2122}]}],"statement":"-- Checks a dispatched flight in, in one statement: the booking becomes COMPLETED with its meters\n-- in and flight_hours = hobbs_in − hobbs_out, the aircraft's totals advance to the new readings\n-- (so its maintenance items' remaining hours follow), and the squawks the crew wrote up are\n-- filed against the flight, each audited. A GROUNDING one, or hours now short for a later\n-- booking, re-evaluates the aircraft's bookings (aircraft_refresh_risk, by trigger). Readings\n-- going backwards or more than 24 hours in one flight change nothing; the flags say which.\n-- :actorId acting user id, :actorRole acting role,\n-- :squawks jsonb [{ severity, description }]\nWITH target AS (\n  SELECT b.id, b.status, b.aircraft_id, b.hobbs_out, b.tach_out, a.hobbs_hours, a.tach_hours\n  FROM bookings b\n  LEFT JOIN aircraft a ON a.id = b.aircraft_id\n  WHERE b.id = :bookingId::uuid AND (:actorRole = 'ADMIN' OR b.student_id = :actorId::uuid OR b.instructor_id = :actorId::uuid)\n), checked AS (\n  SELECT t.*,\n         :hobbsIn::numeric >= t.hobbs_out AND :hobbsIn::numeric >= t.hobbs_hours AS hobbs_forward,\n         :tachIn::numeric >= t.tach_out AND :tachIn::numeric >= t.tach_hours AS tach_forward,\n         :hobbsIn::numeric - t.hobbs_out <= 24 AS hobbs_within_day, :tachIn::numeric - t.tach_out <= 24 AS tach_within_day\n  FROM target t\n), completed AS (\n  UPDATE bookings b\n  SET status = 'COMPLETED', checked_in_at = now(), hobbs_in = :hobbsIn::numeric, tach_in = :tachIn::numeric,\n      flight_hours = :hobbsIn::numeric - b.hobbs_out\n  FROM checked k\n  WHERE b.id = k.id AND b.status = 'DISPATCHED' AND k.hobbs_forward AND k.tach_forward AND k.hobbs_within_day AND k.tach_within_day\n  RETURNING b.*\n), advanced AS (\n  UPDATE aircraft a\n  SET hobbs_hours = :hobbsIn::numeric, tach_hours = :tachIn::numeric\n  FROM completed c\n  WHERE a.id = c.aircraft_id\n  RETURNING a.id, a.hobbs_hours, a.tach_hours\n), filed AS (\n  INSERT INTO squawks (aircraft_id, severity, description, booking_id, reported_by)\n  SELECT c.aircraft_id, x.severity, x.description, c.id, :actorId::uuid\n  FROM completed c\n  CROSS JOIN jsonb_to_recordset(:squawks::jsonb) AS x (severity text, description text)\n  RETURNING *\n), audited AS (\n  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)\n  SELECT 'booking', c.id::text, 'booking.checked_in', :actorId::uuid,\n         jsonb_build_object('from', 'DISPATCHED', 'to', 'COMPLETED', 'hobbs_in', c.hobbs_in, 'tach_in', c.tach_in,\n                            'flight_hours', c.flight_hours, 'squawks', (SELECT count(*) FROM filed))\n  FROM completed c\n  UNION ALL\n  SELECT 'aircraft', a.id::text, 'aircraft.times_advanced', :actorId::uuid,\n         jsonb_build_object('booking_id', :bookingId::uuid, 'hobbs_hours', a.hobbs_hours, 'tach_hours', a.tach_hours)\n  FROM advanced a\n  UNION ALL\n  SELECT 'squawk', f.id::text, 'squawk.filed', :actorId::uuid,\n         jsonb_build_object('aircraft_id', f.aircraft_id, 'severity', f.severity, 'booking_id', f.booking_id)\n  FROM filed f\n)\nSELECT k.status AS seen_status, k.hobbs_out AS seen_hobbs_out, k.tach_out AS seen_tach_out,\n       k.hobbs_forward, k.tach_forward, k.hobbs_within_day, k.tach_within_day,\n       (SELECT coalesce(jsonb_agg(to_jsonb(f) ORDER BY f.reported_at, f.id), '[]'::jsonb) FROM filed f) AS squawks,\n       c.*\nFROM checked k\nLEFT JOIN completed c ON true"};

/**
 * Query generated from SQL:
 * ```
 * -- Checks a dispatched flight in, in one statement: the booking becomes COMPLETED with its meters
 * -- in and flight_hours = hobbs_in − hobbs_out, the aircraft's totals advance to the new readings
 * -- (so its maintenance items' remaining hours follow), and the squawks the crew wrote up are
 * -- filed against the flight, each audited. A GROUNDING one, or hours now short for a later
 * -- booking, re-evaluates the aircraft's bookings (aircraft_refresh_risk, by trigger). Readings
 * -- going backwards or more than 24 hours in one flight change nothing; the flags say which.
 * -- :actorId acting user id, :actorRole acting role,
 * -- :squawks jsonb [{ severity, description }]
 * WITH target AS (
 *   SELECT b.id, b.status, b.aircraft_id, b.hobbs_out, b.tach_out, a.hobbs_hours, a.tach_hours
 *   FROM bookings b
 *   LEFT JOIN aircraft a ON a.id = b.aircraft_id
 *   WHERE b.id = :bookingId::uuid AND (:actorRole = 'ADMIN' OR b.student_id = :actorId::uuid OR b.instructor_id = :actorId::uuid)
 * ), checked AS (
 *   SELECT t.*,
 *          :hobbsIn::numeric >= t.hobbs_out AND :hobbsIn::numeric >= t.hobbs_hours AS hobbs_forward,
 *          :tachIn::numeric >= t.tach_out AND :tachIn::numeric >= t.tach_hours AS tach_forward,
 *          :hobbsIn::numeric - t.hobbs_out <= 24 AS hobbs_within_day, :tachIn::numeric - t.tach_out <= 24 AS tach_within_day
 *   FROM target t
 * ), completed AS (
 *   UPDATE bookings b
 *   SET status = 'COMPLETED', checked_in_at = now(), hobbs_in = :hobbsIn::numeric, tach_in = :tachIn::numeric,
 *       flight_hours = :hobbsIn::numeric - b.hobbs_out
 *   FROM checked k
 *   WHERE b.id = k.id AND b.status = 'DISPATCHED' AND k.hobbs_forward AND k.tach_forward AND k.hobbs_within_day AND k.tach_within_day
 *   RETURNING b.*
 * ), advanced AS (
 *   UPDATE aircraft a
 *   SET hobbs_hours = :hobbsIn::numeric, tach_hours = :tachIn::numeric
 *   FROM completed c
 *   WHERE a.id = c.aircraft_id
 *   RETURNING a.id, a.hobbs_hours, a.tach_hours
 * ), filed AS (
 *   INSERT INTO squawks (aircraft_id, severity, description, booking_id, reported_by)
 *   SELECT c.aircraft_id, x.severity, x.description, c.id, :actorId::uuid
 *   FROM completed c
 *   CROSS JOIN jsonb_to_recordset(:squawks::jsonb) AS x (severity text, description text)
 *   RETURNING *
 * ), audited AS (
 *   INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
 *   SELECT 'booking', c.id::text, 'booking.checked_in', :actorId::uuid,
 *          jsonb_build_object('from', 'DISPATCHED', 'to', 'COMPLETED', 'hobbs_in', c.hobbs_in, 'tach_in', c.tach_in,
 *                             'flight_hours', c.flight_hours, 'squawks', (SELECT count(*) FROM filed))
 *   FROM completed c
 *   UNION ALL
 *   SELECT 'aircraft', a.id::text, 'aircraft.times_advanced', :actorId::uuid,
 *          jsonb_build_object('booking_id', :bookingId::uuid, 'hobbs_hours', a.hobbs_hours, 'tach_hours', a.tach_hours)
 *   FROM advanced a
 *   UNION ALL
 *   SELECT 'squawk', f.id::text, 'squawk.filed', :actorId::uuid,
 *          jsonb_build_object('aircraft_id', f.aircraft_id, 'severity', f.severity, 'booking_id', f.booking_id)
 *   FROM filed f
 * )
 * SELECT k.status AS seen_status, k.hobbs_out AS seen_hobbs_out, k.tach_out AS seen_tach_out,
 *        k.hobbs_forward, k.tach_forward, k.hobbs_within_day, k.tach_within_day,
 *        (SELECT coalesce(jsonb_agg(to_jsonb(f) ORDER BY f.reported_at, f.id), '[]'::jsonb) FROM filed f) AS squawks,
 *        c.*
 * FROM checked k
 * LEFT JOIN completed c ON true
 * ```
 */
export const bookingsUpdateCheckedIn = new PreparedQuery<BookingsUpdateCheckedInParams,BookingsUpdateCheckedInResult>(bookingsUpdateCheckedInIR);


