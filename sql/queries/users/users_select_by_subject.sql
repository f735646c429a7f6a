/* @name UsersSelectBySubject */
-- The signed-in user, looked up by the token's subject on every authenticated request.
SELECT id, auth_subject, email, first_name, last_name, phone_number, role, training_level, timezone, active,
       created_at, updated_at
FROM users
WHERE auth_subject = :authSubject!;
