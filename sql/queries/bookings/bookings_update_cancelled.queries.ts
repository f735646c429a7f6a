/** Types generated for queries found in "sql/queries/bookings/bookings_update_cancelled.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type stringArray = (string)[];

/** 'BookingsUpdateCancelled' parameters type */
export interface BookingsUpdateCancelledParams {
  actorId: string;
  actorRole: string;
  bookingId: string;
  category: string;
  reason: string;
  statuses: stringArray;
}

/** 'BookingsUpdateCancelled' return type */
export interface BookingsUpdateCancelledResult {
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
  seen_status: string;
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

/** 'BookingsUpdateCancelled' query type */
export interface BookingsUpdateCancelledQuery {
  params: BookingsUpdateCancelledParams;
  result: BookingsUpdateCancelledResult;
}

const bookingsUpdateCancelledIR: any = {"usedParamSet":{"bookingId":true,"actorRole":true,"actorId":true,"reason":true,"category":true,"statuses":true},"params":[{"name":"bookingId","required":true,"transform":{"type":"scalar"},"locs":[{"a":978,"b":988},{"a":2183,"b":2192}]},{"name":"actorRole","required":true,"transform":{"type":"scalar"},"locs":[{"a":1001,"b":1011},{"a":2209,"b":2218}]},{"name":"actorId","required":true,"transform":{"type":"scalar"},"locs":[{"a":1041,"b":1049},{"a":1078,"b":1085},{"a":1383,"b":1390},{"a":2248,"b":2255},{"a":2284,"b":2291},{"a":2505,"b":2512},{"a":3192,"b":3199},{"a":3400,"b":3407}]},{"name":"reason","required":true,"transform":{"type":"scalar"},"locs":[{"a":1358,"b":1365},{"a":2601,"b":2607},{"a":3161,"b":3167}]},{"name":"category","required":true,"transform":{"type":"scalar"},"locs":[{"a":1429,"b":1438},{"a":1637,"b":1645}]},{"name":"statuses","required":true,"transform":{"type":"scalar"},"locs":[{"a":2324,"b":2333}]}],"statement":"-- Cancels a booking the actor flies in (or any, for an admin) if it is still in a status that may\n-- move to CANCELLED, classifying it for billing, auditing it and telling the other parties, in one\n-- statement. The status guard sits in the UPDATE itself, so a concurrent change can't be\n-- overwritten. The classification is decided here from the row being cancelled:\n-- no_fault: WEATHER while the booking is at risk from the weather or its forecast broke the\n--   minimums, MAINTENANCE while its aircraft is not airworthy (not AVAILABLE, or a blocking\n--   aircraft finding at the booking's time);\n-- late: less than the booking rules' late_cancel_hours (24 when unset) before scheduled_at,\n--   and never for a no-fault cancellation.\n-- Freeing the slot promotes a standby entry at commit (trigger bookings_promote_standby).\n-- :actorId acting user id, :actorRole acting role, :statuses that may be cancelled\nWITH seen AS (\n  SELECT b.status FROM bookings b\n  WHERE b.id = :bookingId!::uuid AND (:actorRole! = 'ADMIN' OR b.student_id = :actorId!::uuid OR b.instructor_id = :actorId::uuid)\n), policy AS (\n  SELECT coalesce((SELECT (s.value ->> 'late_cancel_hours')::numeric FROM settings s WHERE s.key = 'booking_rules'), 24)\n           * interval '1 hour' AS late_within\n), cancelled AS (\n  UPDATE bookings b\n  SET status = 'CANCELLED', cancel_reason = :reason!, cancelled_by = :actorId::uuid,\n      cancellation_category = :category!::text,\n      (cancellation_no_fault, cancellation_late) = (\n        SELECT judged.no_fault, NOT judged.no_fault AND b.scheduled_at - now() < policy.late_within\n        FROM (\n          SELECT CASE :category::text\n                   WHEN 'WEATHER' THEN 'weather' = ANY (b.risk_reasons) OR b.weather_status IS NOT DISTINCT FROM 'VIOLATION'\n                   WHEN 'MAINTENANCE' THEN b.aircraft_id IS NOT NULL AND (\n                     EXISTS (SELECT 1 FROM aircraft a WHERE a.id = b.aircraft_id AND a.status <> 'AVAILABLE')\n                     OR jsonb_path_exists(booking_aircraft_findings(b), '$[*] ? (@.mode == \"block\")'))\n                   ELSE false\n                 END AS no_fault\n        ) judged\n      )\n  FROM policy\n  WHERE b.id = :bookingId::uuid\n    AND (:actorRole = 'ADMIN' OR b.student_id = :actorId::uuid OR b.instructor_id = :actorId::uuid)\n    AND b.status = ANY (:statuses!::text[])\n  RETURNING b.*\n), audited AS (\n  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)\n  SELECT 'booking', c.id::text, 'booking.cancelled', :actorId::uuid,\n         jsonb_build_object('from_status', (SELECT status FROM seen), 'reason', :reason::text,\n                            'category', c.cancellation_category, 'late', c.cancellation_late,\n                            'no_fault', c.cancellation_no_fault)\n  FROM cancelled c\n), notified AS (\n  INSERT INTO notifications (user_id, type, booking_id, title, body, data)\n  SELECT party.user_id, 'CANCELLATION', c.id, 'Flight cancelled',\n         'The training flight on ' || to_char(c.scheduled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI')\n           || ' UTC is cancelled.',\n         jsonb_build_object('scheduled_at', c.scheduled_at, 'reason', :reason::text, 'cancelled_by', :actorId::uuid,\n                            'category', c.cancellation_category)\n  FROM cancelled c\n  CROSS JOIN LATERAL (VALUES (c.student_id), (c.instructor_id)) AS party (user_id)\n  WHERE party.user_id <> :actorId::uuid\n)\nSELECT s.status AS seen_status, c.*\nFROM seen s\nLEFT JOIN cancelled c ON true"};

/**
 * Query generated from SQL:
 * ```
 * -- Cancels a booking the actor flies in (or any, for an admin) if it is still in a status that may
 * -- move to CANCELLED, classifying it for billing, auditing it and telling the other parties, in one
 * -- statement. The status guard sits in the UPDATE itself, so a concurrent change can't be
 * -- overwritten. The classification is decided here from the row being cancelled:
 * -- no_fault: WEATHER while the booking is at risk from the weather or its forecast broke the
 * --   minimums, MAINTENANCE while its aircraft is not airworthy (not AVAILABLE, or a blocking
 * --   aircraft finding at the booking's time);
 * -- late: less than the booking rules' late_cancel_hours (24 when unset) before scheduled_at,
 * --   and never for a no-fault cancellation.
 * -- Freeing the slot promotes a standby entry at commit (trigger bookings_promote_standby).
 * -- :actorId acting user id, :actorRole acting role, :statuses that may be cancelled
 * WITH seen AS (
 *   SELECT b.status FROM bookings b
 *   WHERE b.id = :bookingId!::uuid AND (:actorRole! = 'ADMIN' OR b.student_id = :actorId!::uuid OR b.instructor_id = :actorId::uuid)
 * ), policy AS (
 *   SELECT coalesce((SELECT (s.value ->> 'late_cancel_hours')::numeric FROM settings s WHERE s.key = 'booking_rules'), 24)
 *            * interval '1 hour' AS late_within
 * ), cancelled AS (
 *   UPDATE bookings b
 *   SET status = 'CANCELLED', cancel_reason = :reason!, cancelled_by = :actorId::uuid,
 *       cancellation_category = :category!::text,
 *       (cancellation_no_fault, cancellation_late) = (
 *         SELECT judged.no_fault, NOT judged.no_fault AND b.scheduled_at - now() < policy.late_within
 *         FROM (
 *           SELECT CASE :category::text
 *                    WHEN 'WEATHER' THEN 'weather' = ANY (b.risk_reasons) OR b.weather_status IS NOT DISTINCT FROM 'VIOLATION'
 *                    WHEN 'MAINTENANCE' THEN b.aircraft_id IS NOT NULL AND (
 *                      EXISTS (SELECT 1 FROM aircraft a WHERE a.id = b.aircraft_id AND a.status <> 'AVAILABLE')
 *                      OR jsonb_path_exists(booking_aircraft_findings(b), '$[*] ? (@.mode == "block")'))
 *                    ELSE false
 *                  END AS no_fault
 *         ) judged
 *       )
 *   FROM policy
 *   WHERE b.id = :bookingId::uuid
 *     AND (:actorRole = 'ADMIN' OR b.student_id = :actorId::uuid OR b.instructor_id = :actorId::uuid)
 *     AND b.status = ANY (:statuses!::text[])
 *   RETURNING b.*
 * ), audited AS (
 *   INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
 *   SELECT 'booking', c.id::text, 'booking.cancelled', :actorId::uuid,
 *          jsonb_build_object('from_status', (SELECT status FROM seen), 'reason', :reason::text,
 *                             'category', c.cancellation_category, 'late', c.cancellation_late,
 *                             'no_fault', c.cancellation_no_fault)
 *   FROM cancelled c
 * ), notified AS (
 *   INSERT INTO notifications (user_id, type, booking_id, title, body, data)
 *   SELECT party.user_id, 'CANCELLATION', c.id, 'Flight cancelled',
 *          'The training flight on ' || to_char(c.scheduled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI')
 *            || ' UTC is cancelled.',
 *          jsonb_build_object('scheduled_at', c.scheduled_at, 'reason', :reason::text, 'cancelled_by', :actorId::uuid,
 *                             'category', c.cancellation_category)
 *   FROM cancelled c
 *   CROSS JOIN LATERAL (VALUES (c.student_id), (c.instructor_id)) AS party (user_id)
 *   WHERE party.user_id <> :actorId::uuid
 * )
 * SELECT s.status AS seen_status, c.*
 * FROM seen s
 * LEFT JOIN cancelled c ON true
 * ```
 */
export const bookingsUpdateCancelled = new PreparedQuery<BookingsUpdateCancelledParams,BookingsUpdateCancelledResult>(bookingsUpdateCancelledIR);


