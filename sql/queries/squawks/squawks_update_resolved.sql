-- Resolves a squawk (REPAIRED, NOT_REPRODUCED, NO_ACTION) or defers it (kept open, not grounding;
-- never for a GROUNDING squawk), audited, in one statement. Resolving the last grounding reason
-- frees the aircraft's bookings (aircraft_refresh_risk, by trigger). The conditional UPDATE
-- makes two admins racing resolve it once; the flags say why nothing changed.
-- $1 aircraft id, $2 squawk id, $3 resolution, $4 note, $5 acting user id
WITH seen AS (
  SELECT id, status, severity FROM squawks WHERE id = $2::uuid AND aircraft_id = $1::uuid
), updated AS (
  UPDATE squawks q
  SET status = CASE WHEN $3 = 'DEFERRED' THEN 'DEFERRED' ELSE 'RESOLVED' END,
      resolution = $3, resolution_note = $4,
      resolved_by = CASE WHEN $3 = 'DEFERRED' THEN NULL ELSE $5::uuid END,
      resolved_at = CASE WHEN $3 = 'DEFERRED' THEN NULL ELSE now() END
  FROM seen s
  WHERE q.id = s.id AND q.status IN ('OPEN', 'DEFERRED')
    AND NOT ($3 = 'DEFERRED' AND (q.severity = 'GROUNDING' OR q.status = 'DEFERRED'))
  RETURNING q.*, s.status AS was_status
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'squawk', u.id::text, CASE WHEN $3 = 'DEFERRED' THEN 'squawk.deferred' ELSE 'squawk.resolved' END, $5::uuid,
         jsonb_build_object('from', u.was_status, 'to', u.status, 'resolution', u.resolution, 'note', u.resolution_note)
  FROM updated u
)
SELECT s.status AS seen_status, s.severity AS seen_severity, u.*
FROM seen s
LEFT JOIN updated u ON true
