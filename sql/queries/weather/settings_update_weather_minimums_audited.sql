/* @name SettingsUpdateWeatherMinimumsAudited */
-- Replaces the weather minimums and audits the values before and after, in one statement.
-- :minimums (jsonb, keyed by training level), :actorId acting user id
WITH before AS (
  SELECT value FROM settings WHERE key = 'weather_minimums' FOR UPDATE
), saved AS (
  INSERT INTO settings (key, value, updated_by)
  VALUES ('weather_minimums', :minimums!::jsonb, :actorId!::uuid)
  ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by
  RETURNING value, updated_at, updated_by
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'setting', 'weather_minimums', 'setting.updated', :actorId::uuid,
         jsonb_build_object('before', (SELECT value FROM before), 'after', s.value)
  FROM saved s
)
SELECT value, updated_at, updated_by FROM saved;
