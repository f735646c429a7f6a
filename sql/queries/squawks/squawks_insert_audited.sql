/* @name SquawksInsertAudited */
-- Files a squawk, audited, in one statement. A GROUNDING one grounds the aircraft in this
-- transaction (aircraft_refresh_risk, by trigger). A booking named must be of this aircraft.
-- No row in the answer's squawk columns: the flags say why.
-- :bookingId or null, :actorId acting user id,
-- :idempotencyKey or null
WITH checked AS (
  SELECT EXISTS (SELECT 1 FROM aircraft a WHERE a.id = :aircraftId!::uuid) AS aircraft_found,
         (:bookingId::uuid IS NULL OR EXISTS (SELECT 1 FROM bookings b WHERE b.id = :bookingId::uuid AND b.aircraft_id = :aircraftId::uuid))
           AS booking_found
), created AS (
  INSERT INTO squawks (aircraft_id, severity, description, booking_id, reported_by)
  SELECT :aircraftId::uuid, :severity!, :description!, :bookingId::uuid, :actorId!::uuid
  FROM checked k
  WHERE k.aircraft_found AND k.booking_found
  RETURNING *
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'squawk', c.id::text, 'squawk.filed', :actorId::uuid,
         jsonb_build_object('aircraft_id', c.aircraft_id, 'severity', c.severity, 'booking_id', c.booking_id)
  FROM created c
), remembered AS (
  SELECT idempotency_remember(:actorId, :idempotencyKey, :requestPath, :requestHash, 201, to_jsonb(c))
  FROM created c
)
SELECT k.aircraft_found, k.booking_found, c.*
FROM checked k
LEFT JOIN created c ON true
CROSS JOIN (SELECT count(*) FROM remembered) AS stored;
