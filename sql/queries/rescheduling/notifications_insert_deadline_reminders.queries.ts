/** Types generated for queries found in "sql/queries/rescheduling/notifications_insert_deadline_reminders.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

export type NumberOrString = number | string;

/** 'NotificationsInsertDeadlineReminders' parameters type */
export interface NotificationsInsertDeadlineRemindersParams {
  chunk: NumberOrString;
  lastDeadline?: DateOrString | null | void;
  lastId?: string | null | void;
  now: DateOrString;
}

/** 'NotificationsInsertDeadlineReminders' return type */
export interface NotificationsInsertDeadlineRemindersResult {
  last_deadline: string | null;
  last_id: string | null;
  picked: number | null;
  reminders_sent: number | null;
}

/** 'NotificationsInsertDeadlineReminders' query type */
export interface NotificationsInsertDeadlineRemindersQuery {
  params: NotificationsInsertDeadlineRemindersParams;
  result: NotificationsInsertDeadlineRemindersResult;
}

const notificationsInsertDeadlineRemindersIR: any = {"usedParamSet":{"now":true,"lastDeadline":true,"lastId":true,"chunk":true},"params":[{"name":"now","required":true,"transform":{"type":"scalar"},"locs":[{"a":799,"b":803},{"a":840,"b":843},{"a":1898,"b":1901}]},{"name":"lastDeadline","required":false,"transform":{"type":"scalar"},"locs":[{"a":888,"b":900},{"a":948,"b":960}]},{"name":"lastId","required":false,"transform":{"type":"scalar"},"locs":[{"a":976,"b":982}]},{"name":"chunk","required":true,"transform":{"type":"scalar"},"locs":[{"a":1097,"b":1103}]}],"statement":"-- DEADLINE_REMINDER to each party that has not ranked yet once its deadline is 2 h away or less,\n-- up to :chunk preferences per statement after the (deadline, id) key (:lastDeadline, :lastId)\n-- the previous chunk returned as last_deadline/last_id (nulls: from the start), so no chunk\n-- rereads what earlier ones reminded; the job repeats it until a chunk comes back short. The\n-- dedupe key (one per preference row) makes a repeated or concurrent run send nothing new.\nWITH due AS (\n  SELECT p.id, p.booking_id, p.party, p.deadline,\n         CASE p.party WHEN 'STUDENT' THEN b.student_id ELSE b.instructor_id END AS user_id,\n         b.departure_airport, b.arrival_airport\n  FROM preference_rankings p\n  JOIN bookings b ON b.id = p.booking_id\n  WHERE p.submitted_at IS NULL\n    AND p.deadline > :now!::timestamptz\n    AND p.deadline <= :now::timestamptz + interval '2 hours'\n    AND (:lastDeadline::timestamptz IS NULL OR (p.deadline, p.id) > (:lastDeadline::timestamptz, :lastId::uuid))\n    AND p.reminder_sent_at IS NULL\n    AND b.status = 'RESCHEDULING'\n  ORDER BY p.deadline, p.id\n  LIMIT :chunk!\n), sent AS (\n  INSERT INTO notifications (user_id, type, booking_id, title, body, data, dedupe_key)\n  SELECT d.user_id, 'DEADLINE_REMINDER', d.booking_id, 'Rank the new times for your flight',\n         'Your ranking for the flight from ' || d.departure_airport || ' to ' || d.arrival_airport\n           || ' is due by ' || to_char(d.deadline AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC.',\n         jsonb_build_object('deadline', d.deadline, 'party', d.party),\n         'deadline_reminder:' || d.id\n  FROM due d\n  ON CONFLICT (dedupe_key) DO NOTHING\n  RETURNING 1\n), marked AS (\n  -- Every picked row, sent now or already sent by a concurrent run. By primary key (the array\n  -- makes it an index lookup, not a pass over the table).\n  UPDATE preference_rankings p SET reminder_sent_at = :now::timestamptz\n  WHERE p.id = ANY ((SELECT array_agg(id) FROM due)::uuid[])\n  RETURNING 1\n), last AS (\n  SELECT deadline, id FROM due ORDER BY deadline DESC, id DESC LIMIT 1\n)\nSELECT (SELECT count(*)::int FROM sent) AS reminders_sent, (SELECT count(*)::int FROM marked) AS picked,\n       (SELECT deadline::text FROM last) AS last_deadline, (SELECT id FROM last) AS last_id"};

/**
 * Query generated from SQL:
 * ```
 * -- DEADLINE_REMINDER to each party that has not ranked yet once its deadline is 2 h away or less,
 * -- up to :chunk preferences per statement after the (deadline, id) key (:lastDeadline, :lastId)
 * -- the previous chunk returned as last_deadline/last_id (nulls: from the start), so no chunk
 * -- rereads what earlier ones reminded; the job repeats it until a chunk comes back short. The
 * -- dedupe key (one per preference row) makes a repeated or concurrent run send nothing new.
 * WITH due AS (
 *   SELECT p.id, p.booking_id, p.party, p.deadline,
 *          CASE p.party WHEN 'STUDENT' THEN b.student_id ELSE b.instructor_id END AS user_id,
 *          b.departure_airport, b.arrival_airport
 *   FROM preference_rankings p
 *   JOIN bookings b ON b.id = p.booking_id
 *   WHERE p.submitted_at IS NULL
 *     AND p.deadline > :now!::timestamptz
 *     AND p.deadline <= :now::timestamptz + interval '2 hours'
 *     AND (:lastDeadline::timestamptz IS NULL OR (p.deadline, p.id) > (:lastDeadline::timestamptz, :lastId::uuid))
 *     AND p.reminder_sent_at IS NULL
 *     AND b.status = 'RESCHEDULING'
 *   ORDER BY p.deadline, p.id
 *   LIMIT :chunk!
 * ), sent AS (
 *   INSERT INTO notifications (user_id, type, booking_id, title, body, data, dedupe_key)
 *   SELECT d.user_id, 'DEADLINE_REMINDER', d.booking_id, 'Rank the new times for your flight',
 *          'Your ranking for the flight from ' || d.departure_airport || ' to ' || d.arrival_airport
 *            || ' is due by ' || to_char(d.deadline AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC.',
 *          jsonb_build_object('deadline', d.deadline, 'party', d.party),
 *          'deadline_reminder:' || d.id
 *   FROM due d
 *   ON CONFLICT (dedupe_key) DO NOTHING
 *   RETURNING 1
 * ), marked AS (
 *   -- Every picked row, sent now or already sent by a concurrent run. By primary key (the array
 *   -- makes it an index lookup, not a pass over the table).
 *   UPDATE preference_rankings p SET reminder_sent_at = :now::timestamptz
 *   WHERE p.id = ANY ((SELECT array_agg(id) FROM due)::uuid[])
 *   RETURNING 1
 * ), last AS (
 *   SELECT deadline, id FROM due ORDER BY deadline DESC, id DESC LIMIT 1
 * )
 * SELECT (SELECT count(*)::int FROM sent) AS reminders_sent, (SELECT count(*)::int FROM marked) AS picked,
 *        (SELECT deadline::text FROM last) AS last_deadline, (SELECT id FROM last) AS last_id
 * ```
 */
export const notificationsInsertDeadlineReminders = new PreparedQuery<NotificationsInsertDeadlineRemindersParams,NotificationsInsertDeadlineRemindersResult>(notificationsInsertDeadlineRemindersIR);


