-- Takes an aircraft out of service for a window, audited, in one statement. Its active
-- bookings overlapping the window are flagged and their people told (aircraft_refresh_risk, by
-- trigger); new ones are refused by booking_aircraft_findings.
-- $1 aircraft id, $2 starts_at, $3 ends_at, $4 reason, $5 acting user id,
-- $6 Idempotency-Key or null, $7 request hash, $8 request path
WITH created AS (
  INSERT INTO maintenance_blocks (aircraft_id, starts_at, ends_at, reason, created_by)
  SELECT a.id, $2::timestamptz, $3::timestamptz, $4, $5::uuid
  FROM aircraft a
  WHERE a.id = $1::uuid
  RETURNING *
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'maintenance_block', c.id::text, 'maintenance_block.created', $5::uuid,
         jsonb_build_object('aircraft_id', c.aircraft_id, 'starts_at', c.starts_at, 'ends_at', c.ends_at, 'reason', c.reason)
  FROM created c
), remembered AS (
  SELECT idempotency_remember($5, $6, $8, $7, 201, to_jsonb(c))
  FROM created c
)
SELECT created.* FROM created CROSS JOIN (SELECT count(*) FROM remembered) AS stored
