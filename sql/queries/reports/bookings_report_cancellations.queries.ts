/** Types generated for queries found in "sql/queries/reports/bookings_report_cancellations.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type NumberOrString = number | string;

/** 'BookingsReportCancellations' parameters type */
export interface BookingsReportCancellationsParams {
  afterStudentId?: string | null | void;
  fromDay: DateOrString;
  limit: NumberOrString;
  toDay: DateOrString;
}

/** 'BookingsReportCancellations' return type */
export interface BookingsReportCancellationsResult {
  by_category: Json | null;
  cancelled: number | null;
  first_name: string;
  last_name: string;
  late: number | null;
  no_fault: number | null;
  student_id: string | null;
}

/** 'BookingsReportCancellations' query type */
export interface BookingsReportCancellationsQuery {
  params: BookingsReportCancellationsParams;
  result: BookingsReportCancellationsResult;
}

const bookingsReportCancellationsIR: any = {"usedParamSet":{"fromDay":true,"toDay":true,"afterStudentId":true,"limit":true},"params":[{"name":"fromDay","required":true,"transform":{"type":"scalar"},"locs":[{"a":782,"b":790}]},{"name":"toDay","required":true,"transform":{"type":"scalar"},"locs":[{"a":855,"b":861}]},{"name":"afterStudentId","required":false,"transform":{"type":"scalar"},"locs":[{"a":1125,"b":1139},{"a":1173,"b":1187}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":1251,"b":1257}]}],"statement":"-- What a school bills cancellations from: for the flights scheduled in [from, to] (UTC days)\n-- that were cancelled, the counts per category with how many were late and how many no-fault,\n-- overall and per student (a page of students in id order). A cancellation from before the\n-- policy existed has no category and counts as OTHER, neither late nor no-fault.\n-- :fromDay from date, :toDay to date (inclusive), :afterStudentId student id after which the page starts or null, :limit page size + 1\nWITH cancelled AS (\n  SELECT b.student_id, coalesce(b.cancellation_category, 'OTHER') AS category,\n         coalesce(b.cancellation_late, false) AS late, coalesce(b.cancellation_no_fault, false) AS no_fault\n  FROM bookings b\n  WHERE b.status = 'CANCELLED'\n    AND b.scheduled_at >= (:fromDay!::date)::timestamp AT TIME ZONE 'UTC'\n    AND b.scheduled_at < (:toDay!::date + 1)::timestamp AT TIME ZONE 'UTC'\n), categories (category, position) AS (\n  SELECT * FROM unnest(ARRAY['WEATHER', 'MAINTENANCE', 'ILLNESS', 'STUDENT', 'INSTRUCTOR', 'OTHER']) WITH ORDINALITY\n), students AS (\n  SELECT c.student_id FROM cancelled c\n  WHERE :afterStudentId::uuid IS NULL OR c.student_id > :afterStudentId::uuid\n  GROUP BY c.student_id\n  ORDER BY c.student_id\n  LIMIT :limit!\n)\n-- One row for the totals (student_id null) and one per student on the page.\nSELECT s.student_id, u.first_name, u.last_name,\n       count(c.*)::int AS cancelled,\n       (count(c.*) FILTER (WHERE c.late))::int AS late,\n       (count(c.*) FILTER (WHERE c.no_fault))::int AS no_fault,\n       (SELECT jsonb_object_agg(k.category, jsonb_build_object(\n                 'cancelled', count_of.cancelled, 'late', count_of.late, 'no_fault', count_of.no_fault) ORDER BY k.position)\n        FROM categories k\n        CROSS JOIN LATERAL (\n          SELECT count(*)::int AS cancelled, (count(*) FILTER (WHERE x.late))::int AS late,\n                 (count(*) FILTER (WHERE x.no_fault))::int AS no_fault\n          FROM cancelled x\n          WHERE x.category = k.category AND (s.student_id IS NULL OR x.student_id = s.student_id)\n        ) count_of) AS by_category\nFROM (SELECT NULL::uuid AS student_id UNION ALL SELECT student_id FROM students) s\nLEFT JOIN users u ON u.id = s.student_id\nLEFT JOIN cancelled c ON s.student_id IS NULL OR c.student_id = s.student_id\nGROUP BY s.student_id, u.first_name, u.last_name\nORDER BY s.student_id NULLS FIRST"};

/**
 * Query generated from SQL:
 * ```
 * -- What a school bills cancellations from: for the flights scheduled in [from, to] (UTC days)
 * -- that were cancelled, the counts per category with how many were late and how many no-fault,
 * -- overall and per student (a page of students in id order). A cancellation from before the
 * -- policy existed has no category and counts as OTHER, neither late nor no-fault.
 * -- :fromDay from date, :toDay to date (inclusive), :afterStudentId student id after which the page starts or null, :limit page size + 1
 * WITH cancelled AS (
 *   SELECT b.student_id, coalesce(b.cancellation_category, 'OTHER') AS category,
 *          coalesce(b.cancellation_late, false) AS late, coalesce(b.cancellation_no_fault, false) AS no_fault
 *   FROM bookings b
 *   WHERE b.status = 'CANCELLED'
 *     AND b.scheduled_at >= (:fromDay!::date)::timestamp AT TIME ZONE 'UTC'
 *     AND b.scheduled_at < (:toDay!::date + 1)::timestamp AT TIME ZONE 'UTC'
 * ), categories (category, position) AS (
 *   SELECT * FROM unnest(ARRAY['WEATHER', 'MAINTENANCE', 'ILLNESS', 'STUDENT', 'INSTRUCTOR', 'OTHER']) WITH ORDINALITY
 * ), students AS (
 *   SELECT c.student_id FROM cancelled c
 *   WHERE :afterStudentId::uuid IS NULL OR c.student_id > :afterStudentId::uuid
 *   GROUP BY c.student_id
 *   ORDER BY c.student_id
 *   LIMIT :limit!
 * )
 * -- One row for the totals (student_id null) and one per student on the page.
 * SELECT s.student_id, u.first_name, u.last_name,
 *        count(c.*)::int AS cancelled,
 *        (count(c.*) FILTER (WHERE c.late))::int AS late,
 *        (count(c.*) FILTER (WHERE c.no_fault))::int AS no_fault,
 *        (SELECT jsonb_object_agg(k.category, jsonb_build_object(
 *                  'cancelled', count_of.cancelled, 'late', count_of.late, 'no_fault', count_of.no_fault) ORDER BY k.position)
 *         FROM categories k
 *         CROSS JOIN LATERAL (
 *           SELECT count(*)::int AS cancelled, (count(*) FILTER (WHERE x.late))::int AS late,
 *                  (count(*) FILTER (WHERE x.no_fault))::int AS no_fault
 *           FROM cancelled x
 *           WHERE x.category = k.category AND (s.student_id IS NULL OR x.student_id = s.student_id)
 *         ) count_of) AS by_category
 * FROM (SELECT NULL::uuid AS student_id UNION ALL SELECT student_id FROM students) s
 * LEFT JOIN users u ON u.id = s.student_id
 * LEFT JOIN cancelled c ON s.student_id IS NULL OR c.student_id = s.student_id
 * GROUP BY s.student_id, u.first_name, u.last_name
 * ORDER BY s.student_id NULLS FIRST
 * ```
 */
export const bookingsReportCancellations = new PreparedQuery<BookingsReportCancellationsParams,BookingsReportCancellationsResult>(bookingsReportCancellationsIR);


