/* @name BookingsUpdateCheckedIn */
-- Checks a dispatched flight in, in one statement: the booking becomes COMPLETED with its meters
-- in and flight_hours = hobbs_in − hobbs_out, the aircraft's totals advance to the new readings
-- (so its maintenance items' remaining hours follow), and the squawks the crew wrote up are
-- filed against the flight, each audited. A GROUNDING one, or hours now short for a later
-- booking, re-evaluates the aircraft's bookings (aircraft_refresh_risk, by trigger). Readings
-- going backwards or more than 24 hours in one flight change nothing; the flags say which.
-- :actorId acting user id, :actorRole acting role,
-- :squawks jsonb [{ severity, description }]
WITH target AS (
  SELECT b.id, b.status, b.aircraft_id, b.hobbs_out, b.tach_out, a.hobbs_hours, a.tach_hours
  FROM bookings b
  LEFT JOIN aircraft a ON a.id = b.aircraft_id
  WHERE b.id = :bookingId!::uuid AND (:actorRole! = 'ADMIN' OR b.student_id = :actorId!::uuid OR b.instructor_id = :actorId::uuid)
), checked AS (
  SELECT t.*,
         :hobbsIn!::numeric >= t.hobbs_out AND :hobbsIn::numeric >= t.hobbs_hours AS hobbs_forward,
         :tachIn!::numeric >= t.tach_out AND :tachIn::numeric >= t.tach_hours AS tach_forward,
         :hobbsIn::numeric - t.hobbs_out <= 24 AS hobbs_within_day, :tachIn::numeric - t.tach_out <= 24 AS tach_within_day
  FROM target t
), completed AS (
  UPDATE bookings b
  SET status = 'COMPLETED', checked_in_at = now(), hobbs_in = :hobbsIn::numeric, tach_in = :tachIn::numeric,
      flight_hours = :hobbsIn::numeric - b.hobbs_out
  FROM checked k
  WHERE b.id = k.id AND b.status = 'DISPATCHED' AND k.hobbs_forward AND k.tach_forward AND k.hobbs_within_day AND k.tach_within_day
  RETURNING b.*
), advanced AS (
  UPDATE aircraft a
  SET hobbs_hours = :hobbsIn::numeric, tach_hours = :tachIn::numeric
  FROM completed c
  WHERE a.id = c.aircraft_id
  RETURNING a.id, a.hobbs_hours, a.tach_hours
), filed AS (
  INSERT INTO squawks (aircraft_id, severity, description, booking_id, reported_by)
  SELECT c.aircraft_id, x.severity, x.description, c.id, :actorId::uuid
  FROM completed c
  CROSS JOIN jsonb_to_recordset(:squawks!::jsonb) AS x (severity text, description text)
  RETURNING *
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'booking', c.id::text, 'booking.checked_in', :actorId::uuid,
         jsonb_build_object('from', 'DISPATCHED', 'to', 'COMPLETED', 'hobbs_in', c.hobbs_in, 'tach_in', c.tach_in,
                            'flight_hours', c.flight_hours, 'squawks', (SELECT count(*) FROM filed))
  FROM completed c
  UNION ALL
  SELECT 'aircraft', a.id::text, 'aircraft.times_advanced', :actorId::uuid,
         jsonb_build_object('booking_id', :bookingId::uuid, 'hobbs_hours', a.hobbs_hours, 'tach_hours', a.tach_hours)
  FROM advanced a
  UNION ALL
  SELECT 'squawk', f.id::text, 'squawk.filed', :actorId::uuid,
         jsonb_build_object('aircraft_id', f.aircraft_id, 'severity', f.severity, 'booking_id', f.booking_id)
  FROM filed f
)
SELECT k.status AS seen_status, k.hobbs_out AS seen_hobbs_out, k.tach_out AS seen_tach_out,
       k.hobbs_forward, k.tach_forward, k.hobbs_within_day, k.tach_within_day,
       (SELECT coalesce(jsonb_agg(to_jsonb(f) ORDER BY f.reported_at, f.id), '[]'::jsonb) FROM filed f) AS squawks,
       c.*
FROM checked k
LEFT JOIN completed c ON true;
