/* @name BookingsUpdateDispatched */
-- Dispatches a booking: CONFIRMED (or AT_RISK with an admin's override) → DISPATCHED with the
-- meters out and the weather found now, audited, in one statement. The status change passes
-- bookings_verify_rules, which re-checks the aircraft and every booking rule (SQLSTATE SK409).
-- The guards repeat what the caller checked, so a second dispatch racing this one, meters
-- below the aircraft's totals, or a time outside the dispatch window change nothing.
-- :actorId acting user id,
-- :weatherStatus now, :violations (jsonb)
WITH updated AS (
  UPDATE bookings b
  SET status = 'DISPATCHED', dispatched_at = now(), hobbs_out = :hobbsOut!::numeric, tach_out = :tachOut!::numeric,
      rules_overridden = :overrideRules!::boolean, weather_status = :weatherStatus!, weather_checked_at = :weatherCheckedAt!::timestamptz
  FROM aircraft a
  WHERE b.id = :bookingId!::uuid AND a.id = b.aircraft_id
    AND (b.status = 'CONFIRMED' OR (b.status = 'AT_RISK' AND :overrideRules::boolean))
    AND :hobbsOut::numeric >= a.hobbs_hours AND :tachOut::numeric >= a.tach_hours
    AND now() >= b.scheduled_at - interval '60 minutes' AND now() <= b.ends_at
  RETURNING b.*
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'booking', u.id::text, 'booking.dispatched', :actorId!::uuid,
         jsonb_build_object('to', 'DISPATCHED', 'hobbs_out', u.hobbs_out, 'tach_out', u.tach_out,
                            'override_rules', :overrideRules::boolean, 'warnings', u.warnings,
                            'weather_status', :weatherStatus, 'violations', :violations!::jsonb)
  FROM updated u
)
SELECT * FROM updated;
