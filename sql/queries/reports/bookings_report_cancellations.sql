/* @name BookingsReportCancellations */
-- What a school bills cancellations from: for the flights scheduled in [from, to] (UTC days)
-- that were cancelled, the counts per category with how many were late and how many no-fault,
-- overall and per student (a page of students in id order). A cancellation from before the
-- policy existed has no category and counts as OTHER, neither late nor no-fault.
-- :fromDay from date, :toDay to date (inclusive), :afterStudentId student id after which the page starts or null, :limit page size + 1
WITH cancelled AS (
  SELECT b.student_id, coalesce(b.cancellation_category, 'OTHER') AS category,
         coalesce(b.cancellation_late, false) AS late, coalesce(b.cancellation_no_fault, false) AS no_fault
  FROM bookings b
  WHERE b.status = 'CANCELLED'
    AND b.scheduled_at >= (:fromDay!::date)::timestamp AT TIME ZONE 'UTC'
    AND b.scheduled_at < (:toDay!::date + 1)::timestamp AT TIME ZONE 'UTC'
), categories (category, position) AS (
  SELECT * FROM unnest(ARRAY['WEATHER', 'MAINTENANCE', 'ILLNESS', 'STUDENT', 'INSTRUCTOR', 'OTHER']) WITH ORDINALITY
), students AS (
  SELECT c.student_id FROM cancelled c
  WHERE :afterStudentId::uuid IS NULL OR c.student_id > :afterStudentId::uuid
  GROUP BY c.student_id
  ORDER BY c.student_id
  LIMIT :limit!
)
-- One row for the totals (student_id null) and one per student on the page.
SELECT s.student_id, u.first_name, u.last_name,
       count(c.*)::int AS cancelled,
       (count(c.*) FILTER (WHERE c.late))::int AS late,
       (count(c.*) FILTER (WHERE c.no_fault))::int AS no_fault,
       (SELECT jsonb_object_agg(k.category, jsonb_build_object(
                 'cancelled', count_of.cancelled, 'late', count_of.late, 'no_fault', count_of.no_fault) ORDER BY k.position)
        FROM categories k
        CROSS JOIN LATERAL (
          SELECT count(*)::int AS cancelled, (count(*) FILTER (WHERE x.late))::int AS late,
                 (count(*) FILTER (WHERE x.no_fault))::int AS no_fault
          FROM cancelled x
          WHERE x.category = k.category AND (s.student_id IS NULL OR x.student_id = s.student_id)
        ) count_of) AS by_category
FROM (SELECT NULL::uuid AS student_id UNION ALL SELECT student_id FROM students) s
LEFT JOIN users u ON u.id = s.student_id
LEFT JOIN cancelled c ON s.student_id IS NULL OR c.student_id = s.student_id
GROUP BY s.student_id, u.first_name, u.last_name
ORDER BY s.student_id NULLS FIRST;
