/* @name StandbyEntriesUpdateWithdrawn */
-- Takes a waiting entry off the standby list, audited, in one statement. Students may withdraw
-- only their own. The status guard sits in the UPDATE, so an entry a promotion holds is waited
-- for and then found PROMOTED: it is never both promoted and withdrawn.
-- :actorId acting user id, :actorRole acting role
WITH seen AS (
  SELECT s.status FROM standby_entries s
  WHERE s.id = :entryId!::uuid AND (:actorRole! <> 'STUDENT' OR s.student_id = :actorId!::uuid)
), withdrawn AS (
  UPDATE standby_entries s SET status = 'WITHDRAWN'
  WHERE s.id = :entryId::uuid AND (:actorRole <> 'STUDENT' OR s.student_id = :actorId::uuid) AND s.status = 'WAITING'
  RETURNING s.*
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'standby_entry', w.id::text, 'standby.withdrawn', :actorId::uuid, jsonb_build_object('from', 'WAITING', 'to', 'WITHDRAWN')
  FROM withdrawn w
)
SELECT s.status AS seen_status, w.*
FROM seen s
LEFT JOIN withdrawn w ON true;
