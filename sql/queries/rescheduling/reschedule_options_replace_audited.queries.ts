/** Types generated for queries found in "sql/queries/rescheduling/reschedule_options_replace_audited.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type stringArray = (string)[];

/** 'RescheduleOptionsReplaceAudited' parameters type */
export interface RescheduleOptionsReplaceAuditedParams {
  actorId: string;
  bookingId: string;
  deadline: DateOrString;
  idempotencyKey?: string | null | void;
  options: Json;
  requestHash?: string | null | void;
  requestPath?: string | null | void;
  statuses: stringArray;
}

/** 'RescheduleOptionsReplaceAudited' return type */
export interface RescheduleOptionsReplaceAuditedResult {
  body: Json | null;
}

/** 'RescheduleOptionsReplaceAudited' query type */
export interface RescheduleOptionsReplaceAuditedQuery {
  params: RescheduleOptionsReplaceAuditedParams;
  result: RescheduleOptionsReplaceAuditedResult;
}

const rescheduleOptionsReplaceAuditedIR: any = {"usedParamSet":{"bookingId":true,"statuses":true,"options":true,"deadline":true,"actorId":true,"idempotencyKey":true,"requestPath":true,"requestHash":true},"params":[{"name":"bookingId","required":true,"transform":{"type":"scalar"},"locs":[{"a":731,"b":741}]},{"name":"statuses","required":true,"transform":{"type":"scalar"},"locs":[{"a":761,"b":770}]},{"name":"options","required":true,"transform":{"type":"scalar"},"locs":[{"a":1467,"b":1475},{"a":2640,"b":2647},{"a":3094,"b":3101}]},{"name":"deadline","required":true,"transform":{"type":"scalar"},"locs":[{"a":1924,"b":1933},{"a":2464,"b":2472},{"a":2581,"b":2589},{"a":3007,"b":3015},{"a":3241,"b":3249}]},{"name":"actorId","required":true,"transform":{"type":"scalar"},"locs":[{"a":2910,"b":2918},{"a":3428,"b":3435}]},{"name":"idempotencyKey","required":false,"transform":{"type":"scalar"},"locs":[{"a":3438,"b":3452}]},{"name":"requestPath","required":false,"transform":{"type":"scalar"},"locs":[{"a":3455,"b":3466}]},{"name":"requestHash","required":false,"transform":{"type":"scalar"},"locs":[{"a":3469,"b":3480}]}],"statement":"-- Offers new options for a booking: earlier options and preferences go, the ranked options and\n-- one unsubmitted preference row per party (with the deadline) come in, the booking moves to\n-- RESCHEDULING, student and instructor get OPTIONS_AVAILABLE, and it is audited, all in one\n-- statement. Nothing happens when the booking is no longer in one of the allowed statuses.\n-- The inserts read `cleared`, so the old rows are gone before the new ones take their keys.\n-- :statuses allowed statuses (text[]), :options jsonb [{ position, suggested_at,\n-- ends_at, confidence, weather_status, reasons, aircraft_id }], :deadline, :actorId acting user id,\n-- :idempotencyKey or null\nWITH target AS (\n  SELECT * FROM bookings WHERE id = :bookingId! AND status = ANY (:statuses!::text[]) FOR UPDATE\n), dropped_options AS (\n  DELETE FROM reschedule_options o USING target t WHERE o.booking_id = t.id RETURNING 1\n), dropped_preferences AS (\n  DELETE FROM preference_rankings p USING target t WHERE p.booking_id = t.id RETURNING 1\n), cleared AS (\n  SELECT (SELECT count(*) FROM dropped_options) + (SELECT count(*) FROM dropped_preferences) AS replaced\n), created AS (\n  INSERT INTO reschedule_options (booking_id, position, suggested_at, ends_at, confidence, weather_status, reasons, aircraft_id)\n  SELECT t.id, x.position, x.suggested_at, x.ends_at, x.confidence, x.weather_status, x.reasons, x.aircraft_id\n  FROM target t\n  CROSS JOIN cleared\n  CROSS JOIN jsonb_to_recordset(:options!::jsonb) AS x (position int, suggested_at timestamptz, ends_at timestamptz,\n                                                 confidence numeric, weather_status text, reasons jsonb,\n                                                 aircraft_id uuid)\n  RETURNING id, position, suggested_at, ends_at, confidence, weather_status, reasons, aircraft_id\n), asked AS (\n  INSERT INTO preference_rankings (booking_id, party, deadline)\n  SELECT t.id, p.party, :deadline!::timestamptz\n  FROM target t\n  CROSS JOIN cleared\n  CROSS JOIN (VALUES ('STUDENT'), ('INSTRUCTOR')) AS p (party)\n), moved AS (\n  UPDATE bookings b SET status = 'RESCHEDULING' FROM target t WHERE b.id = t.id\n), notified AS (\n  INSERT INTO notifications (user_id, type, booking_id, title, body, data)\n  SELECT party.user_id, 'OPTIONS_AVAILABLE', t.id, 'New times for your flight',\n         'Rank the new times offered for your flight from ' || t.departure_airport || ' to ' || t.arrival_airport\n           || ' before ' || to_char(:deadline::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC.',\n         jsonb_build_object('deadline', :deadline::timestamptz, 'option_count', jsonb_array_length(:options::jsonb))\n  FROM target t\n  CROSS JOIN LATERAL (VALUES (t.student_id), (t.instructor_id)) AS party (user_id)\n), audited AS (\n  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)\n  SELECT 'booking', t.id::text, 'booking.options_generated', :actorId!::uuid,\n         jsonb_build_object('from', t.status, 'to', 'RESCHEDULING', 'deadline', :deadline::timestamptz,\n                            'option_count', jsonb_array_length(:options::jsonb))\n  FROM target t\n), answer AS (\n  SELECT jsonb_build_object(\n           'booking_id', t.id, 'status', 'RESCHEDULING', 'deadline', :deadline::timestamptz,\n           'options', (SELECT jsonb_agg(to_jsonb(c) ORDER BY c.position) FROM created c)) AS body\n  FROM target t\n), remembered AS (\n  SELECT idempotency_remember(:actorId, :idempotencyKey, :requestPath, :requestHash, 201, a.body)\n  FROM answer a\n)\nSELECT body FROM answer CROSS JOIN (SELECT count(*) FROM remembered) AS stored"};

/**
 * Query generated from SQL:
 * ```
 * -- Offers new options for a booking: earlier options and preferences go, the ranked options and
 * -- one unsubmitted preference row per party (with the deadline) come in, the booking moves to
 * -- RESCHEDULING, student and instructor get OPTIONS_AVAILABLE, and it is audited, all in one
 * -- statement. Nothing happens when the booking is no longer in one of the allowed statuses.
 * -- The inserts read `cleared`, so the old rows are gone before the new ones take their keys.
 * -- :statuses allowed statuses (text[]), :options jsonb [{ position, suggested_at,
 * -- ends_at, confidence, weather_status, reasons, aircraft_id }], :deadline, :actorId acting user id,
 * -- :idempotencyKey or null
 * WITH target AS (
 *   SELECT * FROM bookings WHERE id = :bookingId! AND status = ANY (:statuses!::text[]) FOR UPDATE
 * ), dropped_options AS (
 *   DELETE FROM reschedule_options o USING target t WHERE o.booking_id = t.id RETURNING 1
 * ), dropped_preferences AS (
 *   DELETE FROM preference_rankings p USING target t WHERE p.booking_id = t.id RETURNING 1
 * ), cleared AS (
 *   SELECT (SELECT count(*) FROM dropped_options) + (SELECT count(*) FROM dropped_preferences) AS replaced
 * ), created AS (
 *   INSERT INTO reschedule_options (booking_id, position, suggested_at, ends_at, confidence, weather_status, reasons, aircraft_id)
 *   SELECT t.id, x.position, x.suggested_at, x.ends_at, x.confidence, x.weather_status, x.reasons, x.aircraft_id
 *   FROM target t
 *   CROSS JOIN cleared
 *   CROSS JOIN jsonb_to_recordset(:options!::jsonb) AS x (position int, suggested_at timestamptz, ends_at timestamptz,
 *                                                  confidence numeric, weather_status text, reasons jsonb,
 *                                                  aircraft_id uuid)
 *   RETURNING id, position, suggested_at, ends_at, confidence, weather_status, reasons, aircraft_id
 * ), asked AS (
 *   INSERT INTO preference_rankings (booking_id, party, deadline)
 *   SELECT t.id, p.party, :deadline!::timestamptz
 *   FROM target t
 *   CROSS JOIN cleared
 *   CROSS JOIN (VALUES ('STUDENT'), ('INSTRUCTOR')) AS p (party)
 * ), moved AS (
 *   UPDATE bookings b SET status = 'RESCHEDULING' FROM target t WHERE b.id = t.id
 * ), notified AS (
 *   INSERT INTO notifications (user_id, type, booking_id, title, body, data)
 *   SELECT party.user_id, 'OPTIONS_AVAILABLE', t.id, 'New times for your flight',
 *          'Rank the new times offered for your flight from ' || t.departure_airport || ' to ' || t.arrival_airport
 *            || ' before ' || to_char(:deadline::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC.',
 *          jsonb_build_object('deadline', :deadline::timestamptz, 'option_count', jsonb_array_length(:options::jsonb))
 *   FROM target t
 *   CROSS JOIN LATERAL (VALUES (t.student_id), (t.instructor_id)) AS party (user_id)
 * ), audited AS (
 *   INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
 *   SELECT 'booking', t.id::text, 'booking.options_generated', :actorId!::uuid,
 *          jsonb_build_object('from', t.status, 'to', 'RESCHEDULING', 'deadline', :deadline::timestamptz,
 *                             'option_count', jsonb_array_length(:options::jsonb))
 *   FROM target t
 * ), answer AS (
 *   SELECT jsonb_build_object(
 *            'booking_id', t.id, 'status', 'RESCHEDULING', 'deadline', :deadline::timestamptz,
 *            'options', (SELECT jsonb_agg(to_jsonb(c) ORDER BY c.position) FROM created c)) AS body
 *   FROM target t
 * ), remembered AS (
 *   SELECT idempotency_remember(:actorId, :idempotencyKey, :requestPath, :requestHash, 201, a.body)
 *   FROM answer a
 * )
 * SELECT body FROM answer CROSS JOIN (SELECT count(*) FROM remembered) AS stored
 * ```
 */
export const rescheduleOptionsReplaceAudited = new PreparedQuery<RescheduleOptionsReplaceAuditedParams,RescheduleOptionsReplaceAuditedResult>(rescheduleOptionsReplaceAuditedIR);


