/* @name SquawksUpdateResolved */
-- Resolves a squawk (REPAIRED, NOT_REPRODUCED, NO_ACTION) or defers it (kept open, not grounding;
-- never for a GROUNDING squawk), audited, in one statement. Resolving the last grounding reason
-- frees the aircraft's bookings (aircraft_refresh_risk, by trigger). The conditional UPDATE
-- makes two admins racing resolve it once; the flags say why nothing changed.
-- :actorId acting user id
WITH seen AS (
  SELECT id, status, severity FROM squawks WHERE id = :squawkId!::uuid AND aircraft_id = :aircraftId!::uuid
), updated AS (
  UPDATE squawks q
  SET status = CASE WHEN :resolution! = 'DEFERRED' THEN 'DEFERRED' ELSE 'RESOLVED' END,
      resolution = :resolution, resolution_note = :note!,
      resolved_by = CASE WHEN :resolution = 'DEFERRED' THEN NULL ELSE :actorId!::uuid END,
      resolved_at = CASE WHEN :resolution = 'DEFERRED' THEN NULL ELSE now() END
  FROM seen s
  WHERE q.id = s.id AND q.status IN ('OPEN', 'DEFERRED')
    AND NOT (:resolution = 'DEFERRED' AND (q.severity = 'GROUNDING' OR q.status = 'DEFERRED'))
  RETURNING q.*, s.status AS was_status
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'squawk', u.id::text, CASE WHEN :resolution = 'DEFERRED' THEN 'squawk.deferred' ELSE 'squawk.resolved' END, :actorId::uuid,
         jsonb_build_object('from', u.was_status, 'to', u.status, 'resolution', u.resolution, 'note', u.resolution_note)
  FROM updated u
)
SELECT s.status AS seen_status, s.severity AS seen_severity, u.*
FROM seen s
LEFT JOIN updated u ON true;
