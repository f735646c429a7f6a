/* @name SettingsUpdateBookingRulesAudited */
-- Changes the booking rules and audits the rules before and after, in one statement. Each rule
-- sent replaces the fields it names; rules and fields left out keep their values. The merge
-- starts from the locked row, so two changes at once each keep the other's.
-- :changes jsonb { rules?: { <rule>: { mode?, ...params } }, late_cancel_hours? }, :actorId acting user id
WITH before AS (
  SELECT value FROM settings WHERE key = 'booking_rules' FOR UPDATE
), current AS (
  SELECT booking_rules_over(coalesce((SELECT value FROM before), '{}'::jsonb)) AS value
), merged AS (
  SELECT booking_rules_over(jsonb_build_object(
           'rules', (SELECT jsonb_object_agg(r.key, r.value || coalesce(:changes!::jsonb -> 'rules' -> r.key, '{}'::jsonb))
                     FROM jsonb_each(c.value -> 'rules') r),
           'late_cancel_hours', coalesce(:changes::jsonb -> 'late_cancel_hours', c.value -> 'late_cancel_hours'))) AS value
  FROM current c
), saved AS (
  INSERT INTO settings (key, value, updated_by)
  SELECT 'booking_rules', m.value, :actorId!::uuid FROM merged m
  ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by
  RETURNING value, updated_at, updated_by
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'setting', 'booking_rules', 'setting.updated', :actorId::uuid,
         jsonb_build_object('before', (SELECT value FROM current), 'after', s.value)
  FROM saved s
)
SELECT value, updated_at, updated_by FROM saved;
