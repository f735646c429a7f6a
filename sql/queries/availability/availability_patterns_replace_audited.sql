/* @name AvailabilityPatternsReplaceAudited */
-- Replaces a user's weekly set with :patterns and audits before and after, in one statement (run after
-- availability_patterns_lock_user.sql in the same transaction). Returns the new set.
-- :patterns JSON array of { day_of_week, start_time, end_time }, :actorId acting user id
WITH owner AS (
  SELECT id FROM users WHERE id = :userId!
), removed AS (
  DELETE FROM availability_patterns p
  USING owner
  WHERE p.user_id = owner.id
  RETURNING p.day_of_week, p.start_time, p.end_time
), added AS (
  INSERT INTO availability_patterns (user_id, day_of_week, start_time, end_time)
  SELECT owner.id, (w->>'day_of_week')::smallint, (w->>'start_time')::time, (w->>'end_time')::time
  FROM owner, jsonb_array_elements(:patterns!::jsonb) w
  RETURNING id, day_of_week, start_time, end_time
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'availability', owner.id::text, 'availability.patterns_replaced', :actorId!::uuid,
         jsonb_build_object(
           'before', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                               'day_of_week', r.day_of_week,
                               'start_time', to_char(r.start_time, 'HH24:MI'),
                               'end_time', to_char(r.end_time, 'HH24:MI')) ORDER BY r.day_of_week, r.start_time), '[]')
                      FROM removed r),
           'after', :patterns::jsonb)
  FROM owner
)
SELECT id, day_of_week, to_char(start_time, 'HH24:MI') AS start_time, to_char(end_time, 'HH24:MI') AS end_time
FROM added
ORDER BY day_of_week, start_time;
