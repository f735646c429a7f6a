/* @name AircraftListByStatus */
-- A page of the fleet in the order aircraft were added, optionally of one status, each with why
-- it cannot fly now (if it cannot).
-- :status or null, :cursorAt/:cursorId the cursor (created_at as text, id) or nulls, :limit page size + 1
SELECT id, tail_number, type_code, home_airport, crosswind_limit_kt, status, created_at, updated_at,
       hobbs_hours, tach_hours, aircraft_grounded_reasons(aircraft) AS grounded_reasons, created_at::text AS cursor_at
FROM aircraft
WHERE (:status::text IS NULL OR status = :status)
  AND (:cursorAt::timestamptz IS NULL OR (created_at, id) > (:cursorAt::timestamptz, :cursorId::uuid))
ORDER BY created_at, id
LIMIT :limit!;
