/* @name MaintenanceBlocksInsertAudited */
-- Takes an aircraft out of service for a window, audited, in one statement. Its active
-- bookings overlapping the window are flagged and their people told (aircraft_refresh_risk, by
-- trigger); new ones are refused by booking_aircraft_findings.
-- :actorId acting user id,
-- :idempotencyKey or null
WITH created AS (
  INSERT INTO maintenance_blocks (aircraft_id, starts_at, ends_at, reason, created_by)
  SELECT a.id, :startsAt!::timestamptz, :endsAt!::timestamptz, :reason!, :actorId!::uuid
  FROM aircraft a
  WHERE a.id = :aircraftId!::uuid
  RETURNING *
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'maintenance_block', c.id::text, 'maintenance_block.created', :actorId::uuid,
         jsonb_build_object('aircraft_id', c.aircraft_id, 'starts_at', c.starts_at, 'ends_at', c.ends_at, 'reason', c.reason)
  FROM created c
), remembered AS (
  SELECT idempotency_remember(:actorId, :idempotencyKey, :requestPath, :requestHash, 201, to_jsonb(c))
  FROM created c
)
SELECT created.* FROM created CROSS JOIN (SELECT count(*) FROM remembered) AS stored;
