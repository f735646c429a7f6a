/* @name AvailabilityOverridesInsertAudited */
-- Adds a date-specific exception for an existing user, audited, in one statement; no row when
-- the user does not exist.
-- :startTime or null, :endTime or null (both null: the whole day),
-- :reason or null, :actorId acting user id,
-- :idempotencyKey or null
WITH created AS (
  INSERT INTO availability_overrides (user_id, date, start_time, end_time, is_blocked, reason)
  SELECT u.id, :date!::date, :startTime::time, :endTime::time, :isBlocked!::boolean, :reason
  FROM users u
  WHERE u.id = :userId!
  RETURNING *
), shown AS (
  SELECT id, user_id, date::text AS date, to_char(start_time, 'HH24:MI') AS start_time,
         to_char(end_time, 'HH24:MI') AS end_time, is_blocked, reason, created_at, updated_at
  FROM created
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'availability', shown.user_id::text, 'availability.override_created', :actorId!::uuid,
         jsonb_build_object('override_id', shown.id, 'date', shown.date, 'start_time', shown.start_time,
                            'end_time', shown.end_time, 'is_blocked', shown.is_blocked, 'reason', shown.reason)
  FROM shown
), remembered AS (
  SELECT idempotency_remember(:actorId, :idempotencyKey, :requestPath, :requestHash, 201, to_jsonb(shown))
  FROM shown
)
SELECT shown.* FROM shown CROSS JOIN (SELECT count(*) FROM remembered) AS stored;
