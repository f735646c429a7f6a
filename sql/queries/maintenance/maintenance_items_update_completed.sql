/* @name MaintenanceItemsUpdateCompleted */
-- Records that an item was done: its interval restarts from this tach reading and date, and it
-- may warn again. Audited with the values before and after, in one statement; the aircraft's
-- bookings are re-evaluated (aircraft_refresh_risk, by trigger). A reading above the aircraft's
-- tach or below the last one, or a date in the future or before the last one, changes nothing;
-- the flags say which.
-- :actorId acting user id
WITH before AS (
  SELECT m.*, a.tach_hours AS aircraft_tach
  FROM maintenance_items m
  JOIN aircraft a ON a.id = m.aircraft_id
  WHERE m.id = :itemId!::uuid AND m.aircraft_id = :aircraftId!::uuid
  FOR UPDATE OF m
), checked AS (
  SELECT b.id, b.aircraft_tach, b.last_done_tach, b.last_done_on,
         :tach!::numeric <= b.aircraft_tach AS tach_known,
         :tach::numeric >= coalesce(b.last_done_tach, 0) AS tach_forward,
         :doneOn!::date <= current_date AS date_past,
         :doneOn::date >= coalesce(b.last_done_on, '-infinity'::date) AS date_forward
  FROM before b
), updated AS (
  UPDATE maintenance_items m
  SET last_done_tach = :tach::numeric, last_done_on = :doneOn::date, due_notified_at = NULL
  FROM checked k
  WHERE m.id = k.id AND k.tach_known AND k.tach_forward AND k.date_past AND k.date_forward
  RETURNING m.*
), shown AS (
  SELECT u.id, maintenance_item_state(ROW(u.*)::maintenance_items) AS item FROM updated u
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'maintenance_item', s.id::text, 'maintenance_item.completed', :actorId!::uuid,
         jsonb_build_object('before', jsonb_build_object('last_done_tach', k.last_done_tach, 'last_done_on', k.last_done_on),
                            'after', jsonb_build_object('last_done_tach', :tach::numeric, 'last_done_on', :doneOn::date))
  FROM shown s
  JOIN checked k ON k.id = s.id
)
SELECT k.id IS NOT NULL AS found, k.aircraft_tach, k.last_done_tach, k.last_done_on,
       k.tach_known, k.tach_forward, k.date_past, k.date_forward, s.item
FROM (SELECT 1) AS one
LEFT JOIN checked k ON true
LEFT JOIN shown s ON true;
