-- Takes a waiting entry off the standby list, audited, in one statement. Students may withdraw
-- only their own. The status guard sits in the UPDATE, so an entry a promotion holds is waited
-- for and then found PROMOTED: it is never both promoted and withdrawn.
-- $1 entry id, $2 acting user id, $3 acting role
WITH seen AS (
  SELECT s.status FROM standby_entries s
  WHERE s.id = $1::uuid AND ($3 <> 'STUDENT' OR s.student_id = $2::uuid)
), withdrawn AS (
  UPDATE standby_entries s SET status = 'WITHDRAWN'
  WHERE s.id = $1::uuid AND ($3 <> 'STUDENT' OR s.student_id = $2::uuid) AND s.status = 'WAITING'
  RETURNING s.*
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'standby_entry', w.id::text, 'standby.withdrawn', $2::uuid, jsonb_build_object('from', 'WAITING', 'to', 'WITHDRAWN')
  FROM withdrawn w
)
SELECT s.status AS seen_status, w.*
FROM seen s
LEFT JOIN withdrawn w ON true
