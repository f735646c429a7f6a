/** Types generated for queries found in "sql/queries/calendar/calendar_feeds_select_events.sql" */
import { PreparedQuery } from '../../../src/db/typed';

/** 'CalendarFeedsSelectEvents' parameters type */
export interface CalendarFeedsSelectEventsParams {
  tokenHash: string;
}

/** 'CalendarFeedsSelectEvents' return type */
export interface CalendarFeedsSelectEventsResult {
  arrival_airport: string | null;
  arrival_name: string;
  created_at: Date | null;
  departure_airport: string | null;
  departure_name: string;
  ends_at: Date | null;
  feed_modified: Date | null;
  id: string | null;
  instructor_first_name: string;
  instructor_last_name: string;
  lesson_type: string | null;
  modified: Date | null;
  owner_first_name: string;
  owner_id: string;
  owner_last_name: string;
  scheduled_at: Date | null;
  sequence: number | null;
  status: string | null;
  student_first_name: string;
  student_id: string | null;
  student_last_name: string;
  tail_number: string;
  type_code: string;
}

/** 'CalendarFeedsSelectEvents' query type */
export interface CalendarFeedsSelectEventsQuery {
  params: CalendarFeedsSelectEventsParams;
  result: CalendarFeedsSelectEventsResult;
}

const calendarFeedsSelectEventsIR: any = {"usedParamSet":{"tokenHash":true},"params":[{"name":"tokenHash","required":true,"transform":{"type":"scalar"},"locs":[{"a":590,"b":600}]}],"statement":"-- A calendar feed by its token's hash: its owner, and each booking they fly in (as student or\n-- instructor) ending at most 30 days ago or starting in the next 180 days, with the names the\n-- event shows. `modified` is the latest change the event reflects (the booking, a person's\n-- name, the aircraft, an airport). No row: no such feed. One row with a null id: a feed\n-- without bookings.\nWITH feed AS (\n  SELECT f.user_id, u.first_name, u.last_name, greatest(f.created_at, u.updated_at) AS feed_modified\n  FROM calendar_feeds f\n  JOIN users u ON u.id = f.user_id\n  WHERE f.token_hash = :tokenHash!\n)\nSELECT f.user_id AS owner_id, f.first_name AS owner_first_name, f.last_name AS owner_last_name, f.feed_modified,\n       b.id, b.student_id, b.status, b.scheduled_at, b.ends_at, b.sequence, b.created_at, b.lesson_type,\n       b.departure_airport, b.arrival_airport, dep.name AS departure_name, arr.name AS arrival_name,\n       s.first_name AS student_first_name, s.last_name AS student_last_name,\n       i.first_name AS instructor_first_name, i.last_name AS instructor_last_name,\n       p.tail_number, p.type_code,\n       greatest(b.updated_at, s.updated_at, i.updated_at, p.updated_at, dep.updated_at, arr.updated_at) AS modified\nFROM feed f\n-- Two index range scans (by student, by instructor; nobody is both in one booking). A lesson\n-- lasts at most 12 hours, so its start bounds the range as its end does.\nLEFT JOIN LATERAL (\n  SELECT * FROM bookings x\n  WHERE x.student_id = f.user_id\n    AND x.scheduled_at > now() - interval '30 days' - interval '12 hours' AND x.ends_at > now() - interval '30 days'\n    AND x.scheduled_at < now() + interval '180 days'\n  UNION ALL\n  SELECT * FROM bookings x\n  WHERE x.instructor_id = f.user_id\n    AND x.scheduled_at > now() - interval '30 days' - interval '12 hours' AND x.ends_at > now() - interval '30 days'\n    AND x.scheduled_at < now() + interval '180 days'\n) b ON true\nLEFT JOIN users s ON s.id = b.student_id\nLEFT JOIN users i ON i.id = b.instructor_id\nLEFT JOIN aircraft p ON p.id = b.aircraft_id\nLEFT JOIN airports dep ON dep.icao = b.departure_airport\nLEFT JOIN airports arr ON arr.icao = b.arrival_airport\nORDER BY b.scheduled_at, b.id"};

/**
 * Query generated from SQL:
 * ```
 * -- A calendar feed by its token's hash: its owner, and each booking they fly in (as student or
 * -- instructor) ending at most 30 days ago or starting in the next 180 days, with the names the
 * -- event shows. `modified` is the latest change the event reflects (the booking, a person's
 * -- name, the aircraft, an airport). No row: no such feed. One row with a null id: a feed
 * -- without bookings.
 * WITH feed AS (
 *   SELECT f.user_id, u.first_name, u.last_name, greatest(f.created_at, u.updated_at) AS feed_modified
 *   FROM calendar_feeds f
 *   JOIN users u ON u.id = f.user_id
 *   WHERE f.token_hash = :tokenHash!
 * )
 * SELECT f.user_id AS owner_id, f.first_name AS owner_first_name, f.last_name AS owner_last_name, f.feed_modified,
 *        b.id, b.student_id, b.status, b.scheduled_at, b.ends_at, b.sequence, b.created_at, b.lesson_type,
 *        b.departure_airport, b.arrival_airport, dep.name AS departure_name, arr.name AS arrival_name,
 *        s.first_name AS student_first_name, s.last_name AS student_last_name,
 *        i.first_name AS instructor_first_name, i.last_name AS instructor_last_name,
 *        p.tail_number, p.type_code,
 *        greatest(b.updated_at, s.updated_at, i.updated_at, p.updated_at, dep.updated_at, arr.updated_at) AS modified
 * FROM feed f
 * -- Two index range scans (by student, by instructor; nobody is both in one booking). A lesson
 * -- lasts at most 12 hours, so its start bounds the range as its end does.
 * LEFT JOIN LATERAL (
 *   SELECT * FROM bookings x
 *   WHERE x.student_id = f.user_id
 *     AND x.scheduled_at > now() - interval '30 days' - interval '12 hours' AND x.ends_at > now() - interval '30 days'
 *     AND x.scheduled_at < now() + interval '180 days'
 *   UNION ALL
 *   SELECT * FROM bookings x
 *   WHERE x.instructor_id = f.user_id
 *     AND x.scheduled_at > now() - interval '30 days' - interval '12 hours' AND x.ends_at > now() - interval '30 days'
 *     AND x.scheduled_at < now() + interval '180 days'
 * ) b ON true
 * LEFT JOIN users s ON s.id = b.student_id
 * LEFT JOIN users i ON i.id = b.instructor_id
 * LEFT JOIN aircraft p ON p.id = b.aircraft_id
 * LEFT JOIN airports dep ON dep.icao = b.departure_airport
 * LEFT JOIN airports arr ON arr.icao = b.arrival_airport
 * ORDER BY b.scheduled_at, b.id
 * ```
 */
export const calendarFeedsSelectEvents = new PreparedQuery<CalendarFeedsSelectEventsParams,CalendarFeedsSelectEventsResult>(calendarFeedsSelectEventsIR);


