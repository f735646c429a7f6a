-- A page of users in creation order, optionally of one role; other people's lists hold only
-- active users.
-- $1 role or null, $2/$3 the cursor (created_at as text, id) or nulls, $4 page size + 1,
-- $5 whether inactive users are listed too (admins)
SELECT id, auth_subject, email, first_name, last_name, phone_number, role, training_level, timezone, active,
       created_at, updated_at, created_at::text AS cursor_at
FROM users
WHERE ($1::text IS NULL OR role = $1)
  AND ($5::boolean OR active)
  AND ($2::timestamptz IS NULL OR (created_at, id) > ($2::timestamptz, $3::uuid))
ORDER BY created_at, id
LIMIT $4
