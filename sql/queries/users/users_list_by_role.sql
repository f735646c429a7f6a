/* @name UsersListByRole */
-- A page of users in creation order, optionally of one role; other people's lists hold only
-- active users.
-- :role or null, :cursorAt/:cursorId the cursor (created_at as text, id) or nulls, :limit page size + 1,
-- :includeInactive whether inactive users are listed too (admins)
SELECT id, auth_subject, email, first_name, last_name, phone_number, role, training_level, timezone, active,
       created_at, updated_at, created_at::text AS cursor_at
FROM users
WHERE (:role::text IS NULL OR role = :role)
  AND (:includeInactive!::boolean OR active)
  AND (:cursorAt::timestamptz IS NULL OR (created_at, id) > (:cursorAt::timestamptz, :cursorId::uuid))
ORDER BY created_at, id
LIMIT :limit!;
