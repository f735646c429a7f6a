/* @name CleanupStandbyExpiredJob */
-- Standby entries whose window has passed leave the list as EXPIRED, audited. Conditional on
-- WAITING, so a run racing a promotion or a withdrawal changes each entry once.
WITH expired AS (
  UPDATE standby_entries s SET status = 'EXPIRED'
  WHERE s.status = 'WAITING' AND s.window_end <= :now!::timestamptz
  RETURNING s.id
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'standby_entry', e.id::text, 'standby.expired', NULL, jsonb_build_object('from', 'WAITING', 'to', 'EXPIRED')
  FROM expired e
)
SELECT count(*)::int AS expired FROM expired;
