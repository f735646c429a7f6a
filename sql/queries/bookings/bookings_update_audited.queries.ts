/** Types generated for queries found in "sql/queries/bookings/bookings_update_audited.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type stringArray = (string)[];

/** 'BookingsUpdateAudited' parameters type */
export interface BookingsUpdateAuditedParams {
  actorId: string;
  actorRole: string;
  aircraftGiven: boolean;
  aircraftId?: string | null | void;
  bookingId: string;
  durationMinutes?: number | null | void;
  overrideAvailability: boolean;
  overrideRules: boolean;
  scheduledAt?: DateOrString | null | void;
  statuses: stringArray;
  twilight: Json;
}

/** 'BookingsUpdateAudited' return type */
export interface BookingsUpdateAuditedResult {
  aircraft_found: boolean | null;
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
  instructor_available: boolean | null;
  instructor_id: string;
  lesson_type: string;
  may_edit: boolean | null;
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

/** 'BookingsUpdateAudited' query type */
export interface BookingsUpdateAuditedQuery {
  params: BookingsUpdateAuditedParams;
  result: BookingsUpdateAuditedResult;
}

const bookingsUpdateAuditedIR: any = {"usedParamSet":{"twilight":true,"actorRole":true,"actorId":true,"bookingId":true,"aircraftGiven":true,"aircraftId":true,"overrideAvailability":true,"scheduledAt":true,"durationMinutes":true,"overrideRules":true,"statuses":true},"params":[{"name":"twilight","required":true,"transform":{"type":"scalar"},"locs":[{"a":1143,"b":1152}]},{"name":"actorRole","required":true,"transform":{"type":"scalar"},"locs":[{"a":1322,"b":1332},{"a":1450,"b":1459}]},{"name":"actorId","required":true,"transform":{"type":"scalar"},"locs":[{"a":1365,"b":1373},{"a":1489,"b":1496},{"a":1525,"b":1532},{"a":3280,"b":3287},{"a":4611,"b":4618}]},{"name":"bookingId","required":true,"transform":{"type":"scalar"},"locs":[{"a":1427,"b":1437}]},{"name":"aircraftGiven","required":true,"transform":{"type":"scalar"},"locs":[{"a":1746,"b":1760},{"a":2699,"b":2712}]},{"name":"aircraftId","required":false,"transform":{"type":"scalar"},"locs":[{"a":1774,"b":1784},{"a":1860,"b":1870},{"a":2728,"b":2738}]},{"name":"overrideAvailability","required":true,"transform":{"type":"scalar"},"locs":[{"a":2048,"b":2069},{"a":2831,"b":2851},{"a":3737,"b":3757}]},{"name":"scheduledAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":2110,"b":2121},{"a":2241,"b":2252},{"a":2310,"b":2321},{"a":2547,"b":2558}]},{"name":"durationMinutes","required":false,"transform":{"type":"scalar"},"locs":[{"a":2148,"b":2163},{"a":2386,"b":2401},{"a":2625,"b":2640}]},{"name":"overrideRules","required":true,"transform":{"type":"scalar"},"locs":[{"a":2888,"b":2902},{"a":3787,"b":3800}]},{"name":"statuses","required":true,"transform":{"type":"scalar"},"locs":[{"a":3101,"b":3110}]}],"statement":"-- Moves a booking in time or changes its aircraft, with the same checks as booking it: aircraft\n-- known (airworthy: the rules trigger), instructor available at the new time (unless an admin\n-- overrides), overlaps refused by the exclusion constraints. Audits the change and tells the other parties, in one\n-- statement. The flags in the answer say why nothing changed, if nothing did.\n-- :actorId acting user id, :actorRole acting role, :scheduledAt new scheduled_at or null,\n-- :durationMinutes new duration_minutes or null, :aircraftGiven whether aircraft_id was sent, :aircraftId new aircraft id or null,\n-- :statuses that may be edited, :overrideRules (the aircraft and\n-- booking rules are applied by the bookings_verify_rules trigger, SQLSTATE SK409), :twilight civil\n-- twilight rows for the daylight rule at the new time (jsonb [{ airport, day, civil_dawn, civil_dusk }])\nWITH twilight AS (\n  -- Stored before the booking row changes (it reads this CTE), so the rules trigger sees it.\n  INSERT INTO civil_twilight (airport, day, civil_dawn, civil_dusk)\n  SELECT x.airport, x.day, x.civil_dawn, x.civil_dusk\n  FROM jsonb_to_recordset(:twilight!::jsonb) AS x (airport text, day date, civil_dawn timestamptz, civil_dusk timestamptz)\n  ON CONFLICT (airport, day) DO NOTHING\n  RETURNING 1\n), seen AS (\n  SELECT b.*, (:actorRole! = 'ADMIN' OR b.instructor_id = :actorId!::uuid) AS may_edit\n  FROM bookings b\n  WHERE b.id = :bookingId!::uuid AND (:actorRole = 'ADMIN' OR b.student_id = :actorId::uuid OR b.instructor_id = :actorId::uuid)\n), checked AS (\n  SELECT s.id, s.status AS seen_status, s.may_edit,\n         s.scheduled_at AS was_scheduled_at, s.duration_minutes AS was_duration_minutes, s.aircraft_id AS was_aircraft_id,\n         (NOT :aircraftGiven!::boolean OR :aircraftId::uuid IS NULL\n           OR EXISTS (SELECT 1 FROM aircraft a WHERE a.id = :aircraftId::uuid)) AS aircraft_found,\n         -- A booking keeps its time when only the aircraft changes, so availability is checked\n         -- only for a new time or length.\n         (:overrideAvailability!::boolean OR s.lesson_type = 'SOLO' OR (:scheduledAt::timestamptz IS NULL AND :durationMinutes::int IS NULL)\n           OR user_available_during(s.instructor_id, coalesce(:scheduledAt::timestamptz, s.scheduled_at),\n                coalesce(:scheduledAt::timestamptz, s.scheduled_at) + make_interval(mins => coalesce(:durationMinutes::int, s.duration_minutes))))\n           AS instructor_available\n  FROM seen s\n), updated AS (\n  UPDATE bookings b\n  SET scheduled_at = coalesce(:scheduledAt::timestamptz, b.scheduled_at),\n      duration_minutes = coalesce(:durationMinutes::int, b.duration_minutes),\n      aircraft_id = CASE WHEN :aircraftGiven::boolean THEN :aircraftId::uuid ELSE b.aircraft_id END,\n      availability_overridden = b.availability_overridden OR :overrideAvailability::boolean,\n      rules_overridden = :overrideRules!::boolean\n  FROM checked k\n  CROSS JOIN (SELECT count(*) FROM twilight) AS twilight_stored\n  WHERE b.id = k.id AND k.may_edit AND k.aircraft_found AND k.instructor_available\n    AND b.status = ANY (:statuses!::text[])\n  RETURNING b.*\n), audited AS (\n  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)\n  SELECT 'booking', u.id::text, 'booking.updated', :actorId::uuid,\n         jsonb_build_object(\n           'before', jsonb_build_object('scheduled_at', k.was_scheduled_at, 'duration_minutes', k.was_duration_minutes,\n                                        'aircraft_id', k.was_aircraft_id),\n           'after', jsonb_build_object('scheduled_at', u.scheduled_at, 'duration_minutes', u.duration_minutes,\n                                       'aircraft_id', u.aircraft_id),\n           'override_availability', :overrideAvailability::boolean, 'override_rules', :overrideRules::boolean, 'warnings', u.warnings)\n  FROM updated u\n  JOIN checked k ON k.id = u.id\n), notified AS (\n  -- A new time matters to both people; whoever made the change knows already.\n  INSERT INTO notifications (user_id, type, booking_id, title, body, data)\n  SELECT party.user_id, 'CONFIRMATION', u.id, 'Flight changed',\n         'The training flight is now booked for ' || to_char(u.scheduled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI')\n           || ' UTC, ' || u.duration_minutes || ' minutes.',\n         jsonb_build_object('scheduled_at', u.scheduled_at, 'ends_at', u.ends_at,\n                            'previous_scheduled_at', k.was_scheduled_at)\n  FROM updated u\n  JOIN checked k ON k.id = u.id\n  CROSS JOIN LATERAL (VALUES (u.student_id), (u.instructor_id)) AS party (user_id)\n  WHERE party.user_id <> :actorId::uuid\n    AND (u.scheduled_at <> k.was_scheduled_at OR u.duration_minutes <> k.was_duration_minutes)\n)\nSELECT k.seen_status, k.may_edit, k.aircraft_found, k.instructor_available, u.*\nFROM checked k\nLEFT JOIN updated u ON true"};

/**
 * Query generated from SQL:
 * ```
 * -- Moves a booking in time or changes its aircraft, with the same checks as booking it: aircraft
 * -- known (airworthy: the rules trigger), instructor available at the new time (unless an admin
 * -- overrides), overlaps refused by the exclusion constraints. Audits the change and tells the other parties, in one
 * -- statement. The flags in the answer say why nothing changed, if nothing did.
 * -- :actorId acting user id, :actorRole acting role, :scheduledAt new scheduled_at or null,
 * -- :durationMinutes new duration_minutes or null, :aircraftGiven whether aircraft_id was sent, :aircraftId new aircraft id or null,
 * -- :statuses that may be edited, :overrideRules (the aircraft and
 * -- booking rules are applied by the bookings_verify_rules trigger, SQLSTATE SK409), :twilight civil
 * -- twilight rows for the daylight rule at the new time (jsonb [{ airport, day, civil_dawn, civil_dusk }])
 * WITH twilight AS (
 *   -- Stored before the booking row changes (it reads this CTE), so the rules trigger sees it.
 *   INSERT INTO civil_twilight (airport, day, civil_dawn, civil_dusk)
 *   SELECT x.airport, x.day, x.civil_dawn, x.civil_dusk
 *   FROM jsonb_to_recordset(:twilight!::jsonb) AS x (airport text, day date, civil_dawn timestamptz, civil_dusk timestamptz)
 *   ON CONFLICT (airport, day) DO NOTHING
 *   RETURNING 1
 * ), seen AS (
 *   SELECT b.*, (:actorRole! = 'ADMIN' OR b.instructor_id = :actorId!::uuid) AS may_edit
 *   FROM bookings b
 *   WHERE b.id = :bookingId!::uuid AND (:actorRole = 'ADMIN' OR b.student_id = :actorId::uuid OR b.instructor_id = :actorId::uuid)
 * ), checked AS (
 *   SELECT s.id, s.status AS seen_status, s.may_edit,
 *          s.scheduled_at AS was_scheduled_at, s.duration_minutes AS was_duration_minutes, s.aircraft_id AS was_aircraft_id,
 *          (NOT :aircraftGiven!::boolean OR :aircraftId::uuid IS NULL
 *            OR EXISTS (SELECT 1 FROM aircraft a WHERE a.id = :aircraftId::uuid)) AS aircraft_found,
 *          -- A booking keeps its time when only the aircraft changes, so availability is checked
 *          -- only for a new time or length.
 *          (:overrideAvailability!::boolean OR s.lesson_type = 'SOLO' OR (:scheduledAt::timestamptz IS NULL AND :durationMinutes::int IS NULL)
 *            OR user_available_during(s.instructor_id, coalesce(:scheduledAt::timestamptz, s.scheduled_at),
 *                 coalesce(:scheduledAt::timestamptz, s.scheduled_at) + make_interval(mins => coalesce(:durationMinutes::int, s.duration_minutes))))
 *            AS instructor_available
 *   FROM seen s
 * ), updated AS (
 *   UPDATE bookings b
 *   SET scheduled_at = coalesce(:scheduledAt::timestamptz, b.scheduled_at),
 *       duration_minutes = coalesce(:durationMinutes::int, b.duration_minutes),
 *       aircraft_id = CASE WHEN :aircraftGiven::boolean THEN :aircraftId::uuid ELSE b.aircraft_id END,
 *       availability_overridden = b.availability_overridden OR :overrideAvailability::boolean,
 *       rules_overridden = :overrideRules!::boolean
 *   FROM checked k
 *   CROSS JOIN (SELECT count(*) FROM twilight) AS twilight_stored
 *   WHERE b.id = k.id AND k.may_edit AND k.aircraft_found AND k.instructor_available
 *     AND b.status = ANY (:statuses!::text[])
 *   RETURNING b.*
 * ), audited AS (
 *   INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
 *   SELECT 'booking', u.id::text, 'booking.updated', :actorId::uuid,
 *          jsonb_build_object(
 *            'before', jsonb_build_object('scheduled_at', k.was_scheduled_at, 'duration_minutes', k.was_duration_minutes,
 *                                         'aircraft_id', k.was_aircraft_id),
 *            'after', jsonb_build_object('scheduled_at', u.scheduled_at, 'duration_minutes', u.duration_minutes,
 *                                        'aircraft_id', u.aircraft_id),
 *            'override_availability', :overrideAvailability::boolean, 'override_rules', :overrideRules::boolean, 'warnings', u.warnings)
 *   FROM updated u
 *   JOIN checked k ON k.id = u.id
 * ), notified AS (
 *   -- A new time matters to both people; whoever made the change knows already.
 *   INSERT INTO notifications (user_id, type, booking_id, title, body, data)
 *   SELECT party.user_id, 'CONFIRMATION', u.id, 'Flight changed',
 *          'The training flight is now booked for ' || to_char(u.scheduled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI')
 *            || ' UTC, ' || u.duration_minutes || ' minutes.',
 *          jsonb_build_object('scheduled_at', u.scheduled_at, 'ends_at', u.ends_at,
 *                             'previous_scheduled_at', k.was_scheduled_at)
 *   FROM updated u
 *   JOIN checked k ON k.id = u.id
 *   CROSS JOIN LATERAL (VALUES (u.student_id), (u.instructor_id)) AS party (user_id)
 *   WHERE party.user_id <> :actorId::uuid
 *     AND (u.scheduled_at <> k.was_scheduled_at OR u.duration_minutes <> k.was_duration_minutes)
 * )
 * SELECT k.seen_status, k.may_edit, k.aircraft_found, k.instructor_available, u.*
 * FROM checked k
 * LEFT JOIN updated u ON true
 * ```
 */
export const bookingsUpdateAudited = new PreparedQuery<BookingsUpdateAuditedParams,BookingsUpdateAuditedResult>(bookingsUpdateAuditedIR);


