/* @name CalendarFeedsUpsertAudited */
-- Gives a user a new calendar feed token (its SHA-256 only), replacing and so revoking the one
-- they had, audited, in one statement. No row: the user does not exist.
-- :actorId acting user id
WITH person AS (
  SELECT u.id, EXISTS (SELECT 1 FROM calendar_feeds f WHERE f.user_id = u.id) AS had_feed
  FROM users u WHERE u.id = :userId!::uuid
), issued AS (
  INSERT INTO calendar_feeds (user_id, token_hash)
  SELECT p.id, :tokenHash! FROM person p
  ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = now()
  RETURNING user_id, created_at
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'user', i.user_id::text, 'user.calendar_feed_issued', :actorId!::uuid,
         jsonb_build_object('replaced', p.had_feed)
  FROM issued i JOIN person p ON p.id = i.user_id
)
SELECT user_id, created_at FROM issued;
