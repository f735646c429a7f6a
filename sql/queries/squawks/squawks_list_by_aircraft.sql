/* @name SquawksListByAircraft */
-- A page of an aircraft's squawks, newest first, optionally of one status. No row: no such
-- aircraft; one row with a null id: none (of that status).
-- :status or null, :cursorAt/:cursorId the cursor (reported_at as text, id) or nulls, :limit page size + 1
SELECT a.id AS found_aircraft_id, s.*
FROM aircraft a
LEFT JOIN LATERAL (
  SELECT q.*, q.reported_at::text AS cursor_at
  FROM squawks q
  WHERE q.aircraft_id = a.id AND (:status::text IS NULL OR q.status = :status)
    AND (:cursorAt::timestamptz IS NULL OR (q.reported_at, q.id) < (:cursorAt::timestamptz, :cursorId::uuid))
  ORDER BY q.reported_at DESC, q.id DESC
  LIMIT :limit!
) AS s ON true
WHERE a.id = :aircraftId!::uuid
ORDER BY s.reported_at DESC, s.id DESC;
