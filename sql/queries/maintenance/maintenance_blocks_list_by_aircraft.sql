-- A page of an aircraft's maintenance blocks by start time. No row: no such aircraft; one row
-- with a null id: none yet.
-- $1 aircraft id, $2/$3 the cursor (starts_at as text, id) or nulls, $4 page size + 1
SELECT a.id AS found_aircraft_id, m.*
FROM aircraft a
LEFT JOIN LATERAL (
  SELECT b.*, b.starts_at::text AS cursor_at
  FROM maintenance_blocks b
  WHERE b.aircraft_id = a.id
    AND ($2::timestamptz IS NULL OR (b.starts_at, b.id) > ($2::timestamptz, $3::uuid))
  ORDER BY b.starts_at, b.id
  LIMIT $4
) AS m ON true
WHERE a.id = $1::uuid
ORDER BY m.starts_at, m.id
