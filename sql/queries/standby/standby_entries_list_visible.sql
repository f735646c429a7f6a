-- A page of standby entries in queue order (oldest first). Students only ever get their own.
-- A waiting entry's position: 1 + the waiting entries at its airport, with windows overlapping
-- its own, that came before it.
-- $1 viewer id, $2 viewer role, $3 student id or null, $4 status or null,
-- $5/$6 the cursor (created_at as text, id) or nulls, $7 page size + 1
SELECT s.*, s.created_at::text AS cursor_at,
       CASE WHEN s.status = 'WAITING' THEN
         1 + (SELECT count(*) FROM standby_entries o
              WHERE o.status = 'WAITING' AND o.departure_airport = s.departure_airport
                AND o.window_start < s.window_end AND o.window_end > s.window_start
                AND (o.created_at, o.id) < (s.created_at, s.id))::int
       END AS position
FROM standby_entries s
WHERE ($2 <> 'STUDENT' OR s.student_id = $1::uuid)
  AND ($3::uuid IS NULL OR s.student_id = $3::uuid)
  AND ($4::text IS NULL OR s.status = $4::text)
  AND ($5::timestamptz IS NULL OR (s.created_at, s.id) > ($5::timestamptz, $6::uuid))
ORDER BY s.created_at, s.id
LIMIT $7
