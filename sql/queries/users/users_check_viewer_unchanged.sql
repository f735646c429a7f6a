-- Proves the signed-in user a write was decided on, in the write's own transaction: raises SK401
-- unless the user with this subject is active and last changed at $2 (sql/migrations/023).
SELECT viewer_unchanged($1, $2::timestamptz)
