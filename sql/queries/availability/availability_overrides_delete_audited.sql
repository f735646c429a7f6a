/* @name AvailabilityOverridesDeleteAudited */
-- Removes one of a user's overrides, audited, in one statement; no row when the user has no
-- such override.
-- :actorId acting user id
WITH removed AS (
  DELETE FROM availability_overrides
  WHERE id = :overrideId! AND user_id = :userId!
  RETURNING *
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'availability', removed.user_id::text, 'availability.override_deleted', :actorId!::uuid,
         jsonb_build_object('override_id', removed.id, 'date', removed.date::text,
                            'start_time', to_char(removed.start_time, 'HH24:MI'),
                            'end_time', to_char(removed.end_time, 'HH24:MI'),
                            'is_blocked', removed.is_blocked, 'reason', removed.reason)
  FROM removed
)
SELECT id FROM removed;
