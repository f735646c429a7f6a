/* @name CleanupBookingsCompletedJob */
-- Marks up to :chunk finished flights COMPLETED (CONFIRMED or AT_RISK, ended by :now), each audited.
-- RESCHEDULING ones are left for an admin: their flight was never confirmed to fly.
WITH finished AS (
  SELECT id, status
  FROM bookings
  WHERE status IN ('CONFIRMED', 'AT_RISK') AND scheduled_at < :now!::timestamptz AND ends_at <= :now::timestamptz
  ORDER BY scheduled_at
  LIMIT :chunk!
  FOR UPDATE SKIP LOCKED
), completed AS (
  UPDATE bookings b SET status = 'COMPLETED'
  FROM finished f
  WHERE b.id = f.id
  RETURNING b.id, f.status AS previous
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'booking', c.id::text, 'booking.completed', NULL, jsonb_build_object('from', c.previous, 'to', 'COMPLETED')
  FROM completed c
)
SELECT count(*)::int AS completed FROM completed;
