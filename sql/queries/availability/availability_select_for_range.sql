/* @name AvailabilitySelectForRange */
-- Everything availability over a date range is computed from, in one round trip: the user's
-- role and timezone, their weekly patterns, their overrides on those dates, and their active
-- bookings overlapping those dates (in their timezone). Times of day come as HH:MM.
-- :fromDay first date, :toDay last date (both included)
WITH person AS (
  SELECT id, role, timezone,
         :fromDay!::date::timestamp AT TIME ZONE timezone AS range_starts,
         (:toDay!::date + 1)::timestamp AT TIME ZONE timezone AS range_ends
  FROM users
  WHERE id = :userId!
)
SELECT u.id, u.role, u.timezone,
  (SELECT coalesce(json_agg(json_build_object(
            'day_of_week', p.day_of_week,
            'start_time', to_char(p.start_time, 'HH24:MI'),
            'end_time', to_char(p.end_time, 'HH24:MI'))), '[]')
   FROM availability_patterns p
   WHERE p.user_id = u.id) AS patterns,
  (SELECT coalesce(json_agg(json_build_object(
            'date', o.date::text,
            'start_time', to_char(o.start_time, 'HH24:MI'),
            'end_time', to_char(o.end_time, 'HH24:MI'),
            'is_blocked', o.is_blocked)), '[]')
   FROM availability_overrides o
   WHERE o.user_id = u.id AND o.date BETWEEN :fromDay::date AND :toDay::date) AS overrides,
  (SELECT coalesce(json_agg(json_build_object('start', b.scheduled_at, 'end', b.ends_at)), '[]')
   FROM bookings b
   WHERE (b.student_id = u.id OR (b.instructor_id = u.id AND b.lesson_type = 'DUAL'))
     AND b.status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING', 'DISPATCHED')
     -- No booking lasts longer than 12 hours, which bounds the index range on scheduled_at.
     AND b.scheduled_at > u.range_starts - interval '12 hours'
     AND b.scheduled_at < u.range_ends
     AND b.ends_at > u.range_starts) AS busy
FROM person u;
