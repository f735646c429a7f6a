/** Types generated for queries found in "sql/queries/availability/availability_select_for_range.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'AvailabilitySelectForRange' parameters type */
export interface AvailabilitySelectForRangeParams {
  fromDay: DateOrString;
  toDay: DateOrString;
  userId: string;
}

/** 'AvailabilitySelectForRange' return type */
export interface AvailabilitySelectForRangeResult {
  busy: Json | null;
  id: string;
  overrides: Json | null;
  patterns: Json | null;
  role: string;
  timezone: string;
}

/** 'AvailabilitySelectForRange' query type */
export interface AvailabilitySelectForRangeQuery {
  params: AvailabilitySelectForRangeParams;
  result: AvailabilitySelectForRangeResult;
}

const availabilitySelectForRangeIR: any = {"usedParamSet":{"fromDay":true,"toDay":true,"userId":true},"params":[{"name":"fromDay","required":true,"transform":{"type":"scalar"},"locs":[{"a":384,"b":392},{"a":1204,"b":1211}]},{"name":"toDay","required":true,"transform":{"type":"scalar"},"locs":[{"a":460,"b":466},{"a":1223,"b":1228}]},{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":552,"b":559}]}],"statement":"-- Everything availability over a date range is computed from, in one round trip: the user's\n-- role and timezone, their weekly patterns, their overrides on those dates, and their active\n-- bookings overlapping those dates (in their timezone). Times of day come as HH:MM.\n-- :fromDay first date, :toDay last date (both included)\nWITH person AS (\n  SELECT id, role, timezone,\n         :fromDay!::date::timestamp AT TIME ZONE timezone AS range_starts,\n         (:toDay!::date + 1)::timestamp AT TIME ZONE timezone AS range_ends\n  FROM users\n  WHERE id = :userId!\n)\nSELECT u.id, u.role, u.timezone,\n  (SELECT coalesce(json_agg(json_build_object(\n            'day_of_week', p.day_of_week,\n            'start_time', to_char(p.start_time, 'HH24:MI'),\n            'end_time', to_char(p.end_time, 'HH24:MI'))), '[]')\n   FROM availability_patterns p\n   WHERE p.user_id = u.id) AS patterns,\n  (SELECT coalesce(json_agg(json_build_object(\n            'date', o.date::text,\n            'start_time', to_char(o.start_time, 'HH24:MI'),\n            'end_time', to_char(o.end_time, 'HH24:MI'),\n            'is_blocked', o.is_blocked)), '[]')\n   FROM availability_overrides o\n   WHERE o.user_id = u.id AND o.date BETWEEN :fromDay::date AND :toDay::date) AS overrides,\n  (SELECT coalesce(json_agg(json_build_object('start', b.scheduled_at, 'end', b.ends_at)), '[]')\n   FROM bookings b\n   WHERE (b.student_id = u.id OR (b.instructor_id = u.id AND b.lesson_type = 'DUAL'))\n     AND b.status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING', 'DISPATCHED')\n     -- No booking lasts longer than 12 hours, which bounds the index range on scheduled_at.\n     AND b.scheduled_at > u.range_starts - interval '12 hours'\n     AND b.scheduled_at < u.range_ends\n     AND b.ends_at > u.range_starts) AS busy\nFROM person u"};

/**
 * Query generated from SQL:
 * ```
 * -- Everything availability over a date range is computed from, in one round trip: the user's
 * -- role and timezone, their weekly patterns, their overrides on those dates, and their active
 * -- bookings overlapping those dates (in their timezone). Times of day come as HH:MM.
 * -- :fromDay first date, :toDay last date (both included)
 * WITH person AS (
 *   SELECT id, role, timezone,
 *          :fromDay!::date::timestamp AT TIME ZONE timezone AS range_starts,
 *          (:toDay!::date + 1)::timestamp AT TIME ZONE timezone AS range_ends
 *   FROM users
 *   WHERE id = :userId!
 * )
 * SELECT u.id, u.role, u.timezone,
 *   (SELECT coalesce(json_agg(json_build_object(
 *             'day_of_week', p.day_of_week,
 *             'start_time', to_char(p.start_time, 'HH24:MI'),
 *             'end_time', to_char(p.end_time, 'HH24:MI'))), '[]')
 *    FROM availability_patterns p
 *    WHERE p.user_id = u.id) AS patterns,
 *   (SELECT coalesce(json_agg(json_build_object(
 *             'date', o.date::text,
 *             'start_time', to_char(o.start_time, 'HH24:MI'),
 *             'end_time', to_char(o.end_time, 'HH24:MI'),
 *             'is_blocked', o.is_blocked)), '[]')
 *    FROM availability_overrides o
 *    WHERE o.user_id = u.id AND o.date BETWEEN :fromDay::date AND :toDay::date) AS overrides,
 *   (SELECT coalesce(json_agg(json_build_object('start', b.scheduled_at, 'end', b.ends_at)), '[]')
 *    FROM bookings b
 *    WHERE (b.student_id = u.id OR (b.instructor_id = u.id AND b.lesson_type = 'DUAL'))
 *      AND b.status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING', 'DISPATCHED')
 *      -- No booking lasts longer than 12 hours, which bounds the index range on scheduled_at.
 *      AND b.scheduled_at > u.range_starts - interval '12 hours'
 *      AND b.scheduled_at < u.range_ends
 *      AND b.ends_at > u.range_starts) AS busy
 * FROM person u
 * ```
 */
export const availabilitySelectForRange = new PreparedQuery<AvailabilitySelectForRangeParams,AvailabilitySelectForRangeResult>(availabilitySelectForRangeIR);


