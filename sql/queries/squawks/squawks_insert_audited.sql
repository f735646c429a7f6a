-- Files a squawk, audited, in one statement. A GROUNDING one grounds the aircraft in this
-- transaction (aircraft_refresh_risk, by trigger). A booking named must be of this aircraft.
-- No row in the answer's squawk columns: the flags say why.
-- $1 aircraft id, $2 severity, $3 description, $4 booking id or null, $5 acting user id,
-- $6 Idempotency-Key or null, $7 request hash, $8 request path
WITH checked AS (
  SELECT EXISTS (SELECT 1 FROM aircraft a WHERE a.id = $1::uuid) AS aircraft_found,
         ($4::uuid IS NULL OR EXISTS (SELECT 1 FROM bookings b WHERE b.id = $4::uuid AND b.aircraft_id = $1::uuid))
           AS booking_found
), created AS (
  INSERT INTO squawks (aircraft_id, severity, description, booking_id, reported_by)
  SELECT $1::uuid, $2, $3, $4::uuid, $5::uuid
  FROM checked k
  WHERE k.aircraft_found AND k.booking_found
  RETURNING *
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'squawk', c.id::text, 'squawk.filed', $5::uuid,
         jsonb_build_object('aircraft_id', c.aircraft_id, 'severity', c.severity, 'booking_id', c.booking_id)
  FROM created c
), remembered AS (
  SELECT idempotency_remember($5, $6, $8, $7, 201, to_jsonb(c))
  FROM created c
)
SELECT k.aircraft_found, k.booking_found, c.*
FROM checked k
LEFT JOIN created c ON true
CROSS JOIN (SELECT count(*) FROM remembered) AS stored
