-- A page of an aircraft's squawks, newest first, optionally of one status. No row: no such
-- aircraft; one row with a null id: none (of that status).
-- $1 aircraft id, $2 status or null, $3/$4 the cursor (reported_at as text, id) or nulls, $5 page size + 1
SELECT a.id AS found_aircraft_id, s.*
FROM aircraft a
LEFT JOIN LATERAL (
  SELECT q.*, q.reported_at::text AS cursor_at
  FROM squawks q
  WHERE q.aircraft_id = a.id AND ($2::text IS NULL OR q.status = $2)
    AND ($3::timestamptz IS NULL OR (q.reported_at, q.id) < ($3::timestamptz, $4::uuid))
  ORDER BY q.reported_at DESC, q.id DESC
  LIMIT $5
) AS s ON true
WHERE a.id = $1::uuid
ORDER BY s.reported_at DESC, s.id DESC
