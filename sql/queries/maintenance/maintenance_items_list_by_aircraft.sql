/* @name MaintenanceItemsListByAircraft */
-- A page of an aircraft's maintenance items in the order they were added, each with its due
-- figures and status. No row: no such aircraft; one row with a null item: none yet.
-- :cursorAt/:cursorId the cursor (created_at as text, id) or nulls, :limit page size + 1
SELECT a.id AS aircraft_id, i.id, i.cursor_at, i.item
FROM aircraft a
LEFT JOIN LATERAL (
  SELECT m.id, m.created_at::text AS cursor_at, maintenance_item_state(m) AS item
  FROM maintenance_items m
  WHERE m.aircraft_id = a.id
    AND (:cursorAt::timestamptz IS NULL OR (m.created_at, m.id) > (:cursorAt::timestamptz, :cursorId::uuid))
  ORDER BY m.created_at, m.id
  LIMIT :limit!
) AS i ON true
WHERE a.id = :aircraftId!::uuid
ORDER BY i.cursor_at, i.id;
