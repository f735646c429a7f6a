-- Applies a partial change ($2, a JSON object holding only the fields sent) and audits it with
-- the values before and after, in one statement.
-- $1 user id, $2 changes, $3 acting user id
WITH before AS (
  SELECT * FROM users WHERE id = $1 FOR UPDATE
), updated AS (
  UPDATE users u SET
    email          = CASE WHEN $2::jsonb ? 'email'          THEN $2::jsonb->>'email'          ELSE u.email END,
    first_name     = CASE WHEN $2::jsonb ? 'first_name'     THEN $2::jsonb->>'first_name'     ELSE u.first_name END,
    last_name      = CASE WHEN $2::jsonb ? 'last_name'      THEN $2::jsonb->>'last_name'      ELSE u.last_name END,
    phone_number   = CASE WHEN $2::jsonb ? 'phone_number'   THEN $2::jsonb->>'phone_number'   ELSE u.phone_number END,
    role           = CASE WHEN $2::jsonb ? 'role'           THEN $2::jsonb->>'role'           ELSE u.role END,
    training_level = CASE WHEN $2::jsonb ? 'training_level' THEN $2::jsonb->>'training_level' ELSE u.training_level END,
    timezone       = CASE WHEN $2::jsonb ? 'timezone'       THEN $2::jsonb->>'timezone'       ELSE u.timezone END,
    active         = CASE WHEN $2::jsonb ? 'active'         THEN ($2::jsonb->>'active')::boolean ELSE u.active END
  FROM before
  WHERE u.id = before.id
  RETURNING u.*
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'user', updated.id::text,
         CASE WHEN $2::jsonb ? 'active' THEN CASE WHEN updated.active THEN 'user.activated' ELSE 'user.deactivated' END
              ELSE 'user.updated' END,
         $3::uuid,
         jsonb_build_object(
           'before', (SELECT jsonb_object_agg(k, to_jsonb(before) -> k) FROM before, jsonb_object_keys($2::jsonb) k),
           'after', $2::jsonb)
  FROM updated
)
SELECT id, auth_subject, email, first_name, last_name, phone_number, role, training_level, timezone, active,
       created_at, updated_at
FROM updated
