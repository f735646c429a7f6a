/* @name AvailabilityPatternsSelectByUser */
-- A user's role (for the visibility rules) and weekly patterns, earliest first.
SELECT u.id, u.role, u.timezone,
  (SELECT coalesce(json_agg(json_build_object(
            'id', p.id,
            'day_of_week', p.day_of_week,
            'start_time', to_char(p.start_time, 'HH24:MI'),
            'end_time', to_char(p.end_time, 'HH24:MI')) ORDER BY p.day_of_week, p.start_time), '[]')
   FROM availability_patterns p
   WHERE p.user_id = u.id) AS patterns
FROM users u
WHERE u.id = :userId!;
