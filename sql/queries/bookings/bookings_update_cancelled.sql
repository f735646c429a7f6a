-- Cancels a booking the actor flies in (or any, for an admin) if it is still in a status that may
-- move to CANCELLED, auditing it and telling the other parties, in one statement. The status
-- guard sits in the UPDATE itself, so a concurrent change can't be overwritten.
-- $1 booking id, $2 acting user id, $3 acting role, $4 reason, $5 statuses that may be cancelled
WITH seen AS (
  SELECT b.status FROM bookings b
  WHERE b.id = $1::uuid AND ($3 = 'ADMIN' OR b.student_id = $2::uuid OR b.instructor_id = $2::uuid)
), cancelled AS (
  UPDATE bookings b
  SET status = 'CANCELLED', cancel_reason = $4, cancelled_by = $2::uuid
  WHERE b.id = $1::uuid
    AND ($3 = 'ADMIN' OR b.student_id = $2::uuid OR b.instructor_id = $2::uuid)
    AND b.status = ANY ($5::text[])
  RETURNING b.*
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'booking', c.id::text, 'booking.cancelled', $2::uuid,
         jsonb_build_object('from_status', (SELECT status FROM seen), 'reason', $4::text)
  FROM cancelled c
), notified AS (
  INSERT INTO notifications (user_id, type, booking_id, title, body, data)
  SELECT party.user_id, 'CANCELLATION', c.id, 'Flight cancelled',
         'The training flight on ' || to_char(c.scheduled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI')
           || ' UTC is cancelled.',
         jsonb_build_object('scheduled_at', c.scheduled_at, 'reason', $4::text, 'cancelled_by', $2::uuid)
  FROM cancelled c
  CROSS JOIN LATERAL (VALUES (c.student_id), (c.instructor_id)) AS party (user_id)
  WHERE party.user_id <> $2::uuid
)
SELECT s.status AS seen_status, c.*
FROM seen s
LEFT JOIN cancelled c ON true
