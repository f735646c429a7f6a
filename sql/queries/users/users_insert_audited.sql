/* @name UsersInsertAudited */
-- Creates a user and its audit entry in one statement: both or neither.
-- :actorId acting user id,
-- :idempotencyKey or null
WITH created AS (
  INSERT INTO users (auth_subject, email, first_name, last_name, phone_number, role, training_level, timezone)
  VALUES (:authSubject!, :email!, :firstName!, :lastName!, :phoneNumber, :role!, :trainingLevel, :timezone!)
  RETURNING *
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'user', created.id::text, 'user.created', :actorId::uuid,
         jsonb_build_object('role', created.role, 'email', created.email, 'auth_subject', created.auth_subject)
  FROM created
), remembered AS (
  SELECT idempotency_remember(:actorId, :idempotencyKey, :requestPath, :requestHash, 201, to_jsonb(created))
  FROM created
)
SELECT id, auth_subject, email, first_name, last_name, phone_number, role, training_level, timezone, active,
       created_at, updated_at
FROM created CROSS JOIN (SELECT count(*) FROM remembered) AS stored;
