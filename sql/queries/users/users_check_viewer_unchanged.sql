/* @name UsersCheckViewerUnchanged */
-- Proves the signed-in user a write was decided on, in the write's own transaction: raises SK401
-- unless the user with this subject is active and last changed at :changedAt (sql/migrations/023).
SELECT viewer_unchanged(:authSubject, :changedAt::timestamptz);
