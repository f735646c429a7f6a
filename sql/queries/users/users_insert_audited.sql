-- Creates a user and its audit entry in one statement: both or neither.
-- $1 auth_subject, $2 email, $3 first_name, $4 last_name, $5 phone_number, $6 role,
-- $7 training_level, $8 timezone, $9 acting user id,
-- $10 Idempotency-Key or null, $11 request hash, $12 request path
WITH created AS (
  INSERT INTO users (auth_subject, email, first_name, last_name, phone_number, role, training_level, timezone)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
  RETURNING *
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'user', created.id::text, 'user.created', $9::uuid,
         jsonb_build_object('role', created.role, 'email', created.email, 'auth_subject', created.auth_subject)
  FROM created
), remembered AS (
  INSERT INTO idempotency_keys (user_id, key, method, path, request_hash, status_code, response_body)
  SELECT $9::uuid, $10, 'POST', $12, $11, 201, to_jsonb(created)
  FROM created
  WHERE $10::text IS NOT NULL
)
SELECT id, auth_subject, email, first_name, last_name, phone_number, role, training_level, timezone, active,
       created_at, updated_at
FROM created
