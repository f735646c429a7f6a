/* @name MaintenanceItemsInsertAudited */
-- Adds a maintenance item to an aircraft with its audit entry, in one statement. An hours
-- interval counts from last_done_tach (default: the aircraft's tach now), a months interval from
-- last_done_on (default: today). A reading above the aircraft's tach or a date in the future
-- stores nothing; the flags say which. An item already due grounds the aircraft's bookings at
-- once (aircraft_refresh_risk, by trigger).
-- :intervalHours or null, :intervalMonths or null,
-- :lastDoneTach or null, :lastDoneOn or null,
-- :actorId acting user id, :idempotencyKey or null
WITH target AS (
  SELECT id, tach_hours FROM aircraft WHERE id = :aircraftId!::uuid
), checked AS (
  SELECT t.id, t.tach_hours,
         coalesce(:lastDoneTach::numeric, CASE WHEN :intervalHours::numeric IS NOT NULL THEN t.tach_hours END) AS done_tach,
         coalesce(:lastDoneOn::date, CASE WHEN :intervalMonths::int IS NOT NULL THEN current_date END) AS done_on
  FROM target t
), created AS (
  INSERT INTO maintenance_items (aircraft_id, name, interval_hours, interval_months, last_done_tach, last_done_on,
                                 warn_hours, warn_days, blocks_booking, created_by)
  SELECT k.id, :name!, :intervalHours::numeric, :intervalMonths::int, k.done_tach, k.done_on, :warnHours!::numeric, :warnDays!::int, :blocksBooking!::boolean, :actorId!::uuid
  FROM checked k
  WHERE (k.done_tach IS NULL OR k.done_tach <= k.tach_hours) AND (k.done_on IS NULL OR k.done_on <= current_date)
  RETURNING *
), shown AS (
  SELECT c.id, maintenance_item_state(ROW(c.*)::maintenance_items) AS item FROM created c
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'maintenance_item', s.id::text, 'maintenance_item.created', :actorId::uuid, s.item
  FROM shown s
), remembered AS (
  SELECT idempotency_remember(:actorId, :idempotencyKey, :requestPath, :requestHash, 201, s.item)
  FROM shown s
)
SELECT k.id IS NOT NULL AS aircraft_found,
       (k.done_tach IS NULL OR k.done_tach <= k.tach_hours) AS tach_known, k.tach_hours,
       (k.done_on IS NULL OR k.done_on <= current_date) AS date_past,
       s.item
FROM (SELECT 1) AS one
LEFT JOIN checked k ON true
LEFT JOIN shown s ON true
CROSS JOIN (SELECT count(*) FROM remembered) AS stored;
