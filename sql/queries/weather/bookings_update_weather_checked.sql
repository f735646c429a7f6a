/* @name BookingsUpdateWeatherChecked */
-- Applies weather results to bookings. A violation adds 'weather' to a CONFIRMED or AT_RISK
-- booking's risk_reasons (it becomes AT_RISK; WEATHER_ALERT to student and instructor, once per
-- check time); a clear forecast removes it (back to CONFIRMED when no other reason is left, e.g.
-- a grounded aircraft). The weather status is stamped on every active booking checked. Each move
-- is a conditional UPDATE, so two checks racing move a booking once. UNKNOWN never moves a booking.
-- :checks jsonb array [{ id, weather_status, violations }], :checkedAt check time, :actorId acting user id or null,
-- :source ('monitor' | 'check')
WITH checked AS (
  SELECT x.id, x.weather_status, coalesce(x.violations, '[]'::jsonb) AS violations
  FROM jsonb_to_recordset(:checks!::jsonb) AS x (id uuid, weather_status text, violations jsonb)
), at_risk AS (
  UPDATE bookings b
  SET status = 'AT_RISK', risk_reasons = array_append(b.risk_reasons, 'weather'),
      weather_status = c.weather_status, weather_checked_at = :checkedAt!::timestamptz
  FROM checked c
  JOIN bookings was ON was.id = c.id
  WHERE b.id = c.id AND b.status IN ('CONFIRMED', 'AT_RISK') AND NOT 'weather' = ANY (b.risk_reasons)
    AND c.weather_status = 'VIOLATION'
  RETURNING b.id, b.status, b.weather_status, b.student_id, b.instructor_id, b.scheduled_at,
            b.departure_airport, b.arrival_airport, c.violations, was.status AS was_status
), cleared AS (
  UPDATE bookings b
  SET status = CASE WHEN array_remove(b.risk_reasons, 'weather') = '{}' THEN 'CONFIRMED' ELSE 'AT_RISK' END,
      risk_reasons = array_remove(b.risk_reasons, 'weather'),
      weather_status = c.weather_status, weather_checked_at = :checkedAt::timestamptz
  FROM checked c
  JOIN bookings was ON was.id = c.id
  WHERE b.id = c.id AND b.status IN ('CONFIRMED', 'AT_RISK') AND 'weather' = ANY (b.risk_reasons)
    AND c.weather_status = 'OK'
  RETURNING b.id, b.status, b.weather_status, was.status AS was_status
), stamped AS (
  UPDATE bookings b
  SET weather_status = c.weather_status, weather_checked_at = :checkedAt::timestamptz
  FROM checked c
  WHERE b.id = c.id AND b.status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING', 'DISPATCHED')
    AND NOT (b.status IN ('CONFIRMED', 'AT_RISK') AND NOT 'weather' = ANY (b.risk_reasons) AND c.weather_status = 'VIOLATION')
    AND NOT (b.status IN ('CONFIRMED', 'AT_RISK') AND 'weather' = ANY (b.risk_reasons) AND c.weather_status = 'OK')
  RETURNING b.id, b.status, b.weather_status
), alerted AS (
  INSERT INTO notifications (user_id, type, booking_id, title, body, data, dedupe_key)
  SELECT party.user_id, 'WEATHER_ALERT', r.id, 'Flight at risk: weather',
         'The forecast for your flight from ' || r.departure_airport || ' to ' || r.arrival_airport || ' on '
           || to_char(r.scheduled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI')
           || ' UTC breaks the weather minimums for its training level.',
         jsonb_build_object('scheduled_at', r.scheduled_at, 'violations', r.violations),
         'weather_alert:' || r.id || ':' || party.user_id || ':' || extract(epoch FROM :checkedAt::timestamptz)
  FROM at_risk r
  CROSS JOIN LATERAL (VALUES (r.student_id), (r.instructor_id)) AS party (user_id)
  ON CONFLICT (dedupe_key) DO NOTHING
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'booking', r.id::text, 'booking.weather_at_risk', :actorId::uuid,
         jsonb_build_object('from', r.was_status, 'to', r.status, 'source', :source!::text, 'violations', r.violations)
  FROM at_risk r
  UNION ALL
  SELECT 'booking', c.id::text, 'booking.weather_cleared', :actorId::uuid,
         jsonb_build_object('from', c.was_status, 'to', c.status, 'source', :source::text)
  FROM cleared c
)
SELECT id, status, weather_status, CASE WHEN was_status <> status THEN 'AT_RISK' END AS moved FROM at_risk
UNION ALL
SELECT id, status, weather_status, CASE WHEN was_status <> status THEN 'CONFIRMED' END FROM cleared
UNION ALL
SELECT id, status, weather_status, NULL FROM stamped;
