-- Removes one of a user's overrides, audited, in one statement; no row when the user has no
-- such override.
-- $1 user id, $2 override id, $3 acting user id
WITH removed AS (
  DELETE FROM availability_overrides
  WHERE id = $2 AND user_id = $1
  RETURNING *
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'availability', removed.user_id::text, 'availability.override_deleted', $3::uuid,
         jsonb_build_object('override_id', removed.id, 'date', removed.date::text,
                            'start_time', to_char(removed.start_time, 'HH24:MI'),
                            'end_time', to_char(removed.end_time, 'HH24:MI'),
                            'is_blocked', removed.is_blocked, 'reason', removed.reason)
  FROM removed
)
SELECT id FROM removed
