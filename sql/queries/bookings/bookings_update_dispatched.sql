-- Dispatches a booking: CONFIRMED (or AT_RISK with an admin's override) → DISPATCHED with the
-- meters out and the weather found now, audited, in one statement. The status change passes
-- bookings_verify_rules, which re-checks the aircraft and every booking rule (SQLSTATE SK409).
-- The guards repeat what the caller checked, so a second dispatch racing this one, meters
-- below the aircraft's totals, or a time outside the dispatch window change nothing.
-- $1 booking id, $2 acting user id, $3 hobbs_out, $4 tach_out, $5 override rules,
-- $6 weather status now, $7 weather checked at, $8 violations (jsonb)
WITH updated AS (
  UPDATE bookings b
  SET status = 'DISPATCHED', dispatched_at = now(), hobbs_out = $3::numeric, tach_out = $4::numeric,
      rules_overridden = $5::boolean, weather_status = $6, weather_checked_at = $7::timestamptz
  FROM aircraft a
  WHERE b.id = $1::uuid AND a.id = b.aircraft_id
    AND (b.status = 'CONFIRMED' OR (b.status = 'AT_RISK' AND $5::boolean))
    AND $3::numeric >= a.hobbs_hours AND $4::numeric >= a.tach_hours
    AND now() >= b.scheduled_at - interval '60 minutes' AND now() <= b.ends_at
  RETURNING b.*
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'booking', u.id::text, 'booking.dispatched', $2::uuid,
         jsonb_build_object('to', 'DISPATCHED', 'hobbs_out', u.hobbs_out, 'tach_out', u.tach_out,
                            'override_rules', $5::boolean, 'warnings', u.warnings,
                            'weather_status', $6, 'violations', $8::jsonb)
  FROM updated u
)
SELECT * FROM updated
