-- A page of the fleet in the order aircraft were added, optionally of one status, each with why
-- it cannot fly now (if it cannot).
-- $1 status or null, $2/$3 the cursor (created_at as text, id) or nulls, $4 page size + 1
SELECT id, tail_number, type_code, home_airport, crosswind_limit_kt, status, created_at, updated_at,
       hobbs_hours, tach_hours, aircraft_grounded_reasons(aircraft) AS grounded_reasons, created_at::text AS cursor_at
FROM aircraft
WHERE ($1::text IS NULL OR status = $1)
  AND ($2::timestamptz IS NULL OR (created_at, id) > ($2::timestamptz, $3::uuid))
ORDER BY created_at, id
LIMIT $4
