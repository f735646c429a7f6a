/** Types generated for queries found in "sql/queries/bookings/bookings_update_checked_in.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type NumberOrString = number | string;

export type stringArray = (string)[];

/** 'BookingsUpdateCheckedIn' parameters type */
export interface BookingsUpdateCheckedInParams {
  actorId: string;
  actorRole: string;
  bookingId: string;
  hobbsIn: NumberOrString;
  squawks: Json;
  tachIn: NumberOrString;
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

const bookingsUpdateCheckedInIR: any = {"usedParamSet":{"bookingId":true,"actorRole":true,"actorId":true,"hobbsIn":true,"tachIn":true,"squawks":true},"params":[{"name":"bookingId","required":true,"transform":{"type":"scalar"},"locs":[{"a":854,"b":864},{"a":2718,"b":2727}]},{"name":"actorRole","required":true,"transform":{"type":"scalar"},"locs":[{"a":877,"b":887}]},{"name":"actorId","required":true,"transform":{"type":"scalar"},"locs":[{"a":917,"b":925},{"a":954,"b":961},{"a":2054,"b":2061},{"a":2337,"b":2344},{"a":2660,"b":2667},{"a":2871,"b":2878}]},{"name":"hobbsIn","required":true,"transform":{"type":"scalar"},"locs":[{"a":1009,"b":1017},{"a":1047,"b":1054},{"a":1204,"b":1211},{"a":1434,"b":1441},{"a":1502,"b":1509},{"a":1756,"b":1763}]},{"name":"tachIn","required":true,"transform":{"type":"scalar"},"locs":[{"a":1109,"b":1116},{"a":1145,"b":1151},{"a":1263,"b":1269},{"a":1463,"b":1469},{"a":1788,"b":1794}]},{"name":"squawks","required":true,"transform":{"type":"scalar"},"locs":[{"a":2120,"b":2128}]}],"statement":"-- Checks a dispatched flight in, in one statement: the booking becomes COMPLETED with its meters\n-- in and flight_hours = hobbs_in − hobbs_out, the aircraft's totals advance to the new readings\n-- (so its maintenance items' remaining hours follow), and the squawks the crew wrote up are\n-- filed against the flight, each audited. A GROUNDING one, or hours now short for a later\n-- booking, re-evaluates the aircraft's bookings (aircraft_refresh_risk, by trigger). Readings\n-- going backwards or more than 24 hours in one flight change nothing; the flags say which.\n-- :actorId acting user id, :actorRole acting role,\n-- :squawks jsonb [{ severity, description }]\nWITH target AS (\n  SELECT b.id, b.status, b.aircraft_id, b.hobbs_out, b.tach_out, a.hobbs_hours, a.tach_hours\n  FROM bookings b\n  LEFT JOIN aircraft a ON a.id = b.aircraft_id\n  WHERE b.id = :bookingId!::uuid AND (:actorRole! = 'ADMIN' OR b.student_id = :actorId!::uuid OR b.instructor_id = :actorId::uuid)\n), checked AS (\n  SELECT t.*,\n         :hobbsIn!::numeric >= t.hobbs_out AND :hobbsIn::numeric >= t.hobbs_hours AS hobbs_forward,\n         :tachIn!::numeric >= t.tach_out AND :tachIn::numeric >= t.tach_hours AS tach_forward,\n         :hobbsIn::numeric - t.hobbs_out <= 24 AS hobbs_within_day, :tachIn::numeric - t.tach_out <= 24 AS tach_within_day\n  FROM target t\n), completed AS (\n  UPDATE bookings b\n  SET status = 'COMPLETED', checked_in_at = now(), hobbs_in = :hobbsIn::numeric, tach_in = :tachIn::numeric,\n      flight_hours = :hobbsIn::numeric - b.hobbs_out\n  FROM checked k\n  WHERE b.id = k.id AND b.status = 'DISPATCHED' AND k.hobbs_forward AND k.tach_forward AND k.hobbs_within_day AND k.tach_within_day\n  RETURNING b.*\n), advanced AS (\n  UPDATE aircraft a\n  SET hobbs_hours = :hobbsIn::numeric, tach_hours = :tachIn::numeric\n  FROM completed c\n  WHERE a.id = c.aircraft_id\n  RETURNING a.id, a.hobbs_hours, a.tach_hours\n), filed AS (\n  INSERT INTO squawks (aircraft_id, severity, description, booking_id, reported_by)\n  SELECT c.aircraft_id, x.severity, x.description, c.id, :actorId::uuid\n  FROM completed c\n  CROSS JOIN jsonb_to_recordset(:squawks!::jsonb) AS x (severity text, description text)\n  RETURNING *\n), audited AS (\n  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)\n  SELECT 'booking', c.id::text, 'booking.checked_in', :actorId::uuid,\n         jsonb_build_object('from', 'DISPATCHED', 'to', 'COMPLETED', 'hobbs_in', c.hobbs_in, 'tach_in', c.tach_in,\n                            'flight_hours', c.flight_hours, 'squawks', (SELECT count(*) FROM filed))\n  FROM completed c\n  UNION ALL\n  SELECT 'aircraft', a.id::text, 'aircraft.times_advanced', :actorId::uuid,\n         jsonb_build_object('booking_id', :bookingId::uuid, 'hobbs_hours', a.hobbs_hours, 'tach_hours', a.tach_hours)\n  FROM advanced a\n  UNION ALL\n  SELECT 'squawk', f.id::text, 'squawk.filed', :actorId::uuid,\n         jsonb_build_object('aircraft_id', f.aircraft_id, 'severity', f.severity, 'booking_id', f.booking_id)\n  FROM filed f\n)\nSELECT k.status AS seen_status, k.hobbs_out AS seen_hobbs_out, k.tach_out AS seen_tach_out,\n       k.hobbs_forward, k.tach_forward, k.hobbs_within_day, k.tach_within_day,\n       (SELECT coalesce(jsonb_agg(to_jsonb(f) ORDER BY f.reported_at, f.id), '[]'::jsonb) FROM filed f) AS squawks,\n       c.*\nFROM checked k\nLEFT JOIN completed c ON true"};

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
 *   WHERE b.id = :bookingId!::uuid AND (:actorRole! = 'ADMIN' OR b.student_id = :actorId!::uuid OR b.instructor_id = :actorId::uuid)
 * ), checked AS (
 *   SELECT t.*,
 *          :hobbsIn!::numeric >= t.hobbs_out AND :hobbsIn::numeric >= t.hobbs_hours AS hobbs_forward,
 *          :tachIn!::numeric >= t.tach_out AND :tachIn::numeric >= t.tach_hours AS tach_forward,
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
 *   CROSS JOIN jsonb_to_recordset(:squawks!::jsonb) AS x (severity text, description text)
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


