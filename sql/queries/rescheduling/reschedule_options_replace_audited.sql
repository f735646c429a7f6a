/* @name RescheduleOptionsReplaceAudited */
-- Offers new options for a booking: earlier options and preferences go, the ranked options and
-- one unsubmitted preference row per party (with the deadline) come in, the booking moves to
-- RESCHEDULING, student and instructor get OPTIONS_AVAILABLE, and it is audited, all in one
-- statement. Nothing happens when the booking is no longer in one of the allowed statuses.
-- The inserts read `cleared`, so the old rows are gone before the new ones take their keys.
-- :statuses allowed statuses (text[]), :options jsonb [{ position, suggested_at,
-- ends_at, confidence, weather_status, reasons, aircraft_id }], :deadline, :actorId acting user id,
-- :idempotencyKey or null
WITH target AS (
  SELECT * FROM bookings WHERE id = :bookingId! AND status = ANY (:statuses!::text[]) FOR UPDATE
), dropped_options AS (
  DELETE FROM reschedule_options o USING target t WHERE o.booking_id = t.id RETURNING 1
), dropped_preferences AS (
  DELETE FROM preference_rankings p USING target t WHERE p.booking_id = t.id RETURNING 1
), cleared AS (
  SELECT (SELECT count(*) FROM dropped_options) + (SELECT count(*) FROM dropped_preferences) AS replaced
), created AS (
  INSERT INTO reschedule_options (booking_id, position, suggested_at, ends_at, confidence, weather_status, reasons, aircraft_id)
  SELECT t.id, x.position, x.suggested_at, x.ends_at, x.confidence, x.weather_status, x.reasons, x.aircraft_id
  FROM target t
  CROSS JOIN cleared
  CROSS JOIN jsonb_to_recordset(:options!::jsonb) AS x (position int, suggested_at timestamptz, ends_at timestamptz,
                                                 confidence numeric, weather_status text, reasons jsonb,
                                                 aircraft_id uuid)
  RETURNING id, position, suggested_at, ends_at, confidence, weather_status, reasons, aircraft_id
), asked AS (
  INSERT INTO preference_rankings (booking_id, party, deadline)
  SELECT t.id, p.party, :deadline!::timestamptz
  FROM target t
  CROSS JOIN cleared
  CROSS JOIN (VALUES ('STUDENT'), ('INSTRUCTOR')) AS p (party)
), moved AS (
  UPDATE bookings b SET status = 'RESCHEDULING' FROM target t WHERE b.id = t.id
), notified AS (
  INSERT INTO notifications (user_id, type, booking_id, title, body, data)
  SELECT party.user_id, 'OPTIONS_AVAILABLE', t.id, 'New times for your flight',
         'Rank the new times offered for your flight from ' || t.departure_airport || ' to ' || t.arrival_airport
           || ' before ' || to_char(:deadline::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC.',
         jsonb_build_object('deadline', :deadline::timestamptz, 'option_count', jsonb_array_length(:options::jsonb))
  FROM target t
  CROSS JOIN LATERAL (VALUES (t.student_id), (t.instructor_id)) AS party (user_id)
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'booking', t.id::text, 'booking.options_generated', :actorId!::uuid,
         jsonb_build_object('from', t.status, 'to', 'RESCHEDULING', 'deadline', :deadline::timestamptz,
                            'option_count', jsonb_array_length(:options::jsonb))
  FROM target t
), answer AS (
  SELECT jsonb_build_object(
           'booking_id', t.id, 'status', 'RESCHEDULING', 'deadline', :deadline::timestamptz,
           'options', (SELECT jsonb_agg(to_jsonb(c) ORDER BY c.position) FROM created c)) AS body
  FROM target t
), remembered AS (
  SELECT idempotency_remember(:actorId, :idempotencyKey, :requestPath, :requestHash, 201, a.body)
  FROM answer a
)
SELECT body FROM answer CROSS JOIN (SELECT count(*) FROM remembered) AS stored;
