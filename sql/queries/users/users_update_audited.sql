/* @name UsersUpdateAudited */
-- Applies a partial change (:changes, a JSON object holding only the fields sent) and audits it with
-- the values before and after, in one statement.
-- :actorId acting user id
WITH before AS (
  SELECT * FROM users WHERE id = :userId! FOR UPDATE
), updated AS (
  UPDATE users u SET
    email          = CASE WHEN :changes!::jsonb ? 'email'          THEN :changes::jsonb->>'email'          ELSE u.email END,
    first_name     = CASE WHEN :changes::jsonb ? 'first_name'     THEN :changes::jsonb->>'first_name'     ELSE u.first_name END,
    last_name      = CASE WHEN :changes::jsonb ? 'last_name'      THEN :changes::jsonb->>'last_name'      ELSE u.last_name END,
    phone_number   = CASE WHEN :changes::jsonb ? 'phone_number'   THEN :changes::jsonb->>'phone_number'   ELSE u.phone_number END,
    role           = CASE WHEN :changes::jsonb ? 'role'           THEN :changes::jsonb->>'role'           ELSE u.role END,
    training_level = CASE WHEN :changes::jsonb ? 'training_level' THEN :changes::jsonb->>'training_level' ELSE u.training_level END,
    timezone       = CASE WHEN :changes::jsonb ? 'timezone'       THEN :changes::jsonb->>'timezone'       ELSE u.timezone END,
    active         = CASE WHEN :changes::jsonb ? 'active'         THEN (:changes::jsonb->>'active')::boolean ELSE u.active END
  FROM before
  WHERE u.id = before.id
  RETURNING u.*
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'user', updated.id::text,
         CASE WHEN :changes::jsonb ? 'active' THEN CASE WHEN updated.active THEN 'user.activated' ELSE 'user.deactivated' END
              ELSE 'user.updated' END,
         :actorId!::uuid,
         jsonb_build_object(
           'before', (SELECT jsonb_object_agg(k, to_jsonb(before) -> k) FROM before, jsonb_object_keys(:changes::jsonb) k),
           'after', :changes::jsonb)
  FROM updated
)
SELECT id, auth_subject, email, first_name, last_name, phone_number, role, training_level, timezone, active,
       created_at, updated_at
FROM updated;
