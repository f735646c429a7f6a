-- DEADLINE_REMINDER to each party that has not ranked yet once its deadline is 2 h away or less,
-- up to $2 preferences per statement (the job repeats it until a chunk comes back short); the
-- dedupe key (one per preference row) makes a repeated or concurrent run send nothing new.
-- $1 now, $2 chunk size
WITH due AS (
  SELECT p.id, p.booking_id, p.party, p.deadline,
         CASE p.party WHEN 'STUDENT' THEN b.student_id ELSE b.instructor_id END AS user_id,
         b.departure_airport, b.arrival_airport, b.scheduled_at
  FROM preference_rankings p
  JOIN bookings b ON b.id = p.booking_id
  WHERE p.submitted_at IS NULL
    AND p.deadline > $1::timestamptz
    AND p.deadline <= $1::timestamptz + interval '2 hours'
    AND p.reminder_sent_at IS NULL
    AND b.status = 'RESCHEDULING'
  ORDER BY p.deadline, p.id
  LIMIT $2
), sent AS (
  INSERT INTO notifications (user_id, type, booking_id, title, body, data, dedupe_key)
  SELECT d.user_id, 'DEADLINE_REMINDER', d.booking_id, 'Rank the new times for your flight',
         'Your ranking for the flight from ' || d.departure_airport || ' to ' || d.arrival_airport
           || ' is due by ' || to_char(d.deadline AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC.',
         jsonb_build_object('deadline', d.deadline, 'party', d.party),
         'deadline_reminder:' || d.id
  FROM due d
  ON CONFLICT (dedupe_key) DO NOTHING
  RETURNING 1
), marked AS (
  -- Every picked row, sent now or already sent by a concurrent run, so the next chunk moves on.
  UPDATE preference_rankings p SET reminder_sent_at = $1::timestamptz
  FROM due d
  WHERE p.id = d.id
  RETURNING 1
)
SELECT count(*)::int AS reminders_sent, (SELECT count(*)::int FROM marked) AS picked FROM sent
