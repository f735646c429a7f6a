/* @name BookingsUpdateCancelled */
-- Cancels a booking the actor flies in (or any, for an admin) if it is still in a status that may
-- move to CANCELLED, classifying it for billing, auditing it and telling the other parties, in one
-- statement. The status guard sits in the UPDATE itself, so a concurrent change can't be
-- overwritten. The classification is decided here from the row being cancelled:
-- no_fault: WEATHER while the booking is at risk from the weather or its forecast broke the
--   minimums, MAINTENANCE while its aircraft is not airworthy (not AVAILABLE, or a blocking
--   aircraft finding at the booking's time);
-- late: less than the booking rules' late_cancel_hours (24 when unset) before scheduled_at,
--   and never for a no-fault cancellation.
-- Freeing the slot promotes a standby entry at commit (trigger bookings_promote_standby).
-- :actorId acting user id, :actorRole acting role, :statuses that may be cancelled
WITH seen AS (
  SELECT b.status FROM bookings b
  WHERE b.id = :bookingId!::uuid AND (:actorRole! = 'ADMIN' OR b.student_id = :actorId!::uuid OR b.instructor_id = :actorId::uuid)
), policy AS (
  SELECT coalesce((SELECT (s.value ->> 'late_cancel_hours')::numeric FROM settings s WHERE s.key = 'booking_rules'), 24)
           * interval '1 hour' AS late_within
), cancelled AS (
  UPDATE bookings b
  SET status = 'CANCELLED', cancel_reason = :reason!, cancelled_by = :actorId::uuid,
      cancellation_category = :category!::text,
      (cancellation_no_fault, cancellation_late) = (
        SELECT judged.no_fault, NOT judged.no_fault AND b.scheduled_at - now() < policy.late_within
        FROM (
          SELECT CASE :category::text
                   WHEN 'WEATHER' THEN 'weather' = ANY (b.risk_reasons) OR b.weather_status IS NOT DISTINCT FROM 'VIOLATION'
                   WHEN 'MAINTENANCE' THEN b.aircraft_id IS NOT NULL AND (
                     EXISTS (SELECT 1 FROM aircraft a WHERE a.id = b.aircraft_id AND a.status <> 'AVAILABLE')
                     OR jsonb_path_exists(booking_aircraft_findings(b), '$[*] ? (@.mode == "block")'))
                   ELSE false
                 END AS no_fault
        ) judged
      )
  FROM policy
  WHERE b.id = :bookingId::uuid
    AND (:actorRole = 'ADMIN' OR b.student_id = :actorId::uuid OR b.instructor_id = :actorId::uuid)
    AND b.status = ANY (:statuses!::text[])
  RETURNING b.*
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'booking', c.id::text, 'booking.cancelled', :actorId::uuid,
         jsonb_build_object('from_status', (SELECT status FROM seen), 'reason', :reason::text,
                            'category', c.cancellation_category, 'late', c.cancellation_late,
                            'no_fault', c.cancellation_no_fault)
  FROM cancelled c
), notified AS (
  INSERT INTO notifications (user_id, type, booking_id, title, body, data)
  SELECT party.user_id, 'CANCELLATION', c.id, 'Flight cancelled',
         'The training flight on ' || to_char(c.scheduled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI')
           || ' UTC is cancelled.',
         jsonb_build_object('scheduled_at', c.scheduled_at, 'reason', :reason::text, 'cancelled_by', :actorId::uuid,
                            'category', c.cancellation_category)
  FROM cancelled c
  CROSS JOIN LATERAL (VALUES (c.student_id), (c.instructor_id)) AS party (user_id)
  WHERE party.user_id <> :actorId::uuid
)
SELECT s.status AS seen_status, c.*
FROM seen s
LEFT JOIN cancelled c ON true;
