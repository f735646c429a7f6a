/** Types generated for queries found in "sql/queries/bookings/bookings_update_dispatched.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type NumberOrString = number | string;

export type stringArray = (string)[];

/** 'BookingsUpdateDispatched' parameters type */
export interface BookingsUpdateDispatchedParams {
  actorId: string;
  bookingId: string;
  hobbsOut: NumberOrString;
  overrideRules: boolean;
  tachOut: NumberOrString;
  violations: Json;
  weatherCheckedAt: DateOrString;
  weatherStatus: string;
}

/** 'BookingsUpdateDispatched' return type */
export interface BookingsUpdateDispatchedResult {
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

/** 'BookingsUpdateDispatched' query type */
export interface BookingsUpdateDispatchedQuery {
  params: BookingsUpdateDispatchedParams;
  result: BookingsUpdateDispatchedResult;
}

const bookingsUpdateDispatchedIR: any = {"usedParamSet":{"hobbsOut":true,"tachOut":true,"overrideRules":true,"weatherStatus":true,"weatherCheckedAt":true,"bookingId":true,"actorId":true,"violations":true},"params":[{"name":"hobbsOut","required":true,"transform":{"type":"scalar"},"locs":[{"a":634,"b":643},{"a":995,"b":1003}]},{"name":"tachOut","required":true,"transform":{"type":"scalar"},"locs":[{"a":666,"b":674},{"a":1035,"b":1042}]},{"name":"overrideRules","required":true,"transform":{"type":"scalar"},"locs":[{"a":711,"b":725},{"a":961,"b":974},{"a":1471,"b":1484}]},{"name":"weatherStatus","required":true,"transform":{"type":"scalar"},"locs":[{"a":754,"b":768},{"a":1566,"b":1579}]},{"name":"weatherCheckedAt","required":true,"transform":{"type":"scalar"},"locs":[{"a":792,"b":809}]},{"name":"bookingId","required":true,"transform":{"type":"scalar"},"locs":[{"a":857,"b":867}]},{"name":"actorId","required":true,"transform":{"type":"scalar"},"locs":[{"a":1310,"b":1318}]},{"name":"violations","required":true,"transform":{"type":"scalar"},"locs":[{"a":1596,"b":1607}]}],"statement":"-- Dispatches a booking: CONFIRMED (or AT_RISK with an admin's override) → DISPATCHED with the\n-- meters out and the weather found now, audited, in one statement. The status change passes\n-- bookings_verify_rules, which re-checks the aircraft and every booking rule (SQLSTATE SK409).\n-- The guards repeat what the caller checked, so a second dispatch racing this one, meters\n-- below the aircraft's totals, or a time outside the dispatch window change nothing.\n-- :actorId acting user id,\n-- :weatherStatus now, :violations (jsonb)\nWITH updated AS (\n  UPDATE bookings b\n  SET status = 'DISPATCHED', dispatched_at = now(), hobbs_out = :hobbsOut!::numeric, tach_out = :tachOut!::numeric,\n      rules_overridden = :overrideRules!::boolean, weather_status = :weatherStatus!, weather_checked_at = :weatherCheckedAt!::timestamptz\n  FROM aircraft a\n  WHERE b.id = :bookingId!::uuid AND a.id = b.aircraft_id\n    AND (b.status = 'CONFIRMED' OR (b.status = 'AT_RISK' AND :overrideRules::boolean))\n    AND :hobbsOut::numeric >= a.hobbs_hours AND :tachOut::numeric >= a.tach_hours\n    AND now() >= b.scheduled_at - interval '60 minutes' AND now() <= b.ends_at\n  RETURNING b.*\n), audited AS (\n  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)\n  SELECT 'booking', u.id::text, 'booking.dispatched', :actorId!::uuid,\n         jsonb_build_object('to', 'DISPATCHED', 'hobbs_out', u.hobbs_out, 'tach_out', u.tach_out,\n                            'override_rules', :overrideRules::boolean, 'warnings', u.warnings,\n                            'weather_status', :weatherStatus, 'violations', :violations!::jsonb)\n  FROM updated u\n)\nSELECT * FROM updated"};

/**
 * Query generated from SQL:
 * ```
 * -- Dispatches a booking: CONFIRMED (or AT_RISK with an admin's override) → DISPATCHED with the
 * -- meters out and the weather found now, audited, in one statement. The status change passes
 * -- bookings_verify_rules, which re-checks the aircraft and every booking rule (SQLSTATE SK409).
 * -- The guards repeat what the caller checked, so a second dispatch racing this one, meters
 * -- below the aircraft's totals, or a time outside the dispatch window change nothing.
 * -- :actorId acting user id,
 * -- :weatherStatus now, :violations (jsonb)
 * WITH updated AS (
 *   UPDATE bookings b
 *   SET status = 'DISPATCHED', dispatched_at = now(), hobbs_out = :hobbsOut!::numeric, tach_out = :tachOut!::numeric,
 *       rules_overridden = :overrideRules!::boolean, weather_status = :weatherStatus!, weather_checked_at = :weatherCheckedAt!::timestamptz
 *   FROM aircraft a
 *   WHERE b.id = :bookingId!::uuid AND a.id = b.aircraft_id
 *     AND (b.status = 'CONFIRMED' OR (b.status = 'AT_RISK' AND :overrideRules::boolean))
 *     AND :hobbsOut::numeric >= a.hobbs_hours AND :tachOut::numeric >= a.tach_hours
 *     AND now() >= b.scheduled_at - interval '60 minutes' AND now() <= b.ends_at
 *   RETURNING b.*
 * ), audited AS (
 *   INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
 *   SELECT 'booking', u.id::text, 'booking.dispatched', :actorId!::uuid,
 *          jsonb_build_object('to', 'DISPATCHED', 'hobbs_out', u.hobbs_out, 'tach_out', u.tach_out,
 *                             'override_rules', :overrideRules::boolean, 'warnings', u.warnings,
 *                             'weather_status', :weatherStatus, 'violations', :violations!::jsonb)
 *   FROM updated u
 * )
 * SELECT * FROM updated
 * ```
 */
export const bookingsUpdateDispatched = new PreparedQuery<BookingsUpdateDispatchedParams,BookingsUpdateDispatchedResult>(bookingsUpdateDispatchedIR);


