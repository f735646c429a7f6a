/* @name MaintenanceBlocksDeleteAudited */
-- Ends a maintenance block early (or cancels it), audited, in one statement; the bookings it
-- held at risk are freed (aircraft_refresh_risk, by trigger).
-- :actorId acting user id
WITH removed AS (
  DELETE FROM maintenance_blocks WHERE id = :blockId!::uuid AND aircraft_id = :aircraftId!::uuid RETURNING *
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'maintenance_block', r.id::text, 'maintenance_block.deleted', :actorId!::uuid,
         jsonb_build_object('aircraft_id', r.aircraft_id, 'starts_at', r.starts_at, 'ends_at', r.ends_at, 'reason', r.reason)
  FROM removed r
)
SELECT * FROM removed;
