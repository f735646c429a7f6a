/* @name StandbyEntriesListVisible */
-- A page of standby entries in queue order (oldest first). Students only ever get their own.
-- A waiting entry's position: 1 + the waiting entries at its airport, with windows overlapping
-- its own, that came before it.
-- :studentId or null, :status or null,
-- :cursorAt/:cursorId the cursor (created_at as text, id) or nulls, :limit page size + 1
SELECT s.*, s.created_at::text AS cursor_at,
       CASE WHEN s.status = 'WAITING' THEN
         1 + (SELECT count(*) FROM standby_entries o
              WHERE o.status = 'WAITING' AND o.departure_airport = s.departure_airport
                AND o.window_start < s.window_end AND o.window_end > s.window_start
                AND (o.created_at, o.id) < (s.created_at, s.id))::int
       END AS position
FROM standby_entries s
WHERE (:viewerRole! <> 'STUDENT' OR s.student_id = :viewerId!::uuid)
  AND (:studentId::uuid IS NULL OR s.student_id = :studentId::uuid)
  AND (:status::text IS NULL OR s.status = :status::text)
  AND (:cursorAt::timestamptz IS NULL OR (s.created_at, s.id) > (:cursorAt::timestamptz, :cursorId::uuid))
ORDER BY s.created_at, s.id
LIMIT :limit!;
