-- DEADLINE_REMINDER to each party that has not ranked yet once its deadline is 2 h away or less;
-- the dedupe key (one per preference row) makes a repeated or concurrent run send nothing new.
-- $1 now
WITH due AS (
  SELECT p.id, p.booking_id, p.party, p.deadline,
         CASE p.party WHEN 'STUDENT' THEN b.student_id ELSE b.instructor_id END AS user_id,
         b.departure_airport, b.arrival_airport, b.scheduled_at
  FROM preference_rankings p
  JOIN bookings b ON b.id = p.booking_id
  WHERE p.submitted_at IS NULL
    AND p.deadline > $1::timestamptz
    AND p.deadline <= $1::timestamptz + interval '2 hours'
    AND b.status = 'RESCHEDULING'
), sent AS (
  INSERT INTO notifications (user_id, type, booking_id, title, body, data, dedupe_key)
  SELECT d.user_id, 'DEADLINE_REMINDER', d.booking_id, 'Rank the new times for your flight',
         'Your ranking for the flight from ' || d.departure_airport || ' to ' || d.arrival_airport
           || ' is due by ' || to_char(d.deadline AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC.',
         jsonb_build_object('deadline', d.deadline, 'party', d.party),
         'deadline_reminder:' || d.id
  FROM due d
  ON CONFLICT (dedupe_key) DO NOTHING
  RETURNING booking_id, (data ->> 'party') AS party
), marked AS (
  UPDATE preference_rankings p SET reminder_sent_at = $1::timestamptz
  FROM sent s
  WHERE p.booking_id = s.booking_id AND p.party = s.party
)
SELECT count(*)::int AS reminders_sent FROM sent
