-- Ends a maintenance block early (or cancels it), audited, in one statement; the bookings it
-- held at risk are freed (aircraft_refresh_risk, by trigger).
-- $1 aircraft id, $2 block id, $3 acting user id
WITH removed AS (
  DELETE FROM maintenance_blocks WHERE id = $2::uuid AND aircraft_id = $1::uuid RETURNING *
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'maintenance_block', r.id::text, 'maintenance_block.deleted', $3::uuid,
         jsonb_build_object('aircraft_id', r.aircraft_id, 'starts_at', r.starts_at, 'ends_at', r.ends_at, 'reason', r.reason)
  FROM removed r
)
SELECT * FROM removed
