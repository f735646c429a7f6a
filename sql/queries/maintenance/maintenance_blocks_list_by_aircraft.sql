/* @name MaintenanceBlocksListByAircraft */
-- A page of an aircraft's maintenance blocks by start time. No row: no such aircraft; one row
-- with a null id: none yet.
-- :cursorAt/:cursorId the cursor (starts_at as text, id) or nulls, :limit page size + 1
SELECT a.id AS found_aircraft_id, m.*
FROM aircraft a
LEFT JOIN LATERAL (
  SELECT b.*, b.starts_at::text AS cursor_at
  FROM maintenance_blocks b
  WHERE b.aircraft_id = a.id
    AND (:cursorAt::timestamptz IS NULL OR (b.starts_at, b.id) > (:cursorAt::timestamptz, :cursorId::uuid))
  ORDER BY b.starts_at, b.id
  LIMIT :limit!
) AS m ON true
WHERE a.id = :aircraftId!::uuid
ORDER BY m.starts_at, m.id;
