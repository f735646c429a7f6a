-- Moves a booking in time or changes its aircraft, with the same checks as booking it: aircraft
-- known (airworthy: the rules trigger), instructor available at the new time (unless an admin
-- overrides), overlaps refused by the exclusion constraints. Audits the change and tells the other parties, in one
-- statement. The flags in the answer say why nothing changed, if nothing did.
-- $1 booking id, $2 acting user id, $3 acting role, $4 new scheduled_at or null,
-- $5 new duration_minutes or null, $6 whether aircraft_id was sent, $7 new aircraft id or null,
-- $8 override availability, $9 statuses that may be edited, $10 override rules (the aircraft and
-- booking rules are applied by the bookings_verify_rules trigger, SQLSTATE SK409), $11 civil
-- twilight rows for the daylight rule at the new time (jsonb [{ airport, day, civil_dawn, civil_dusk }])
WITH twilight AS (
  -- Stored before the booking row changes (it reads this CTE), so the rules trigger sees it.
  INSERT INTO civil_twilight (airport, day, civil_dawn, civil_dusk)
  SELECT x.airport, x.day, x.civil_dawn, x.civil_dusk
  FROM jsonb_to_recordset($11::jsonb) AS x (airport text, day date, civil_dawn timestamptz, civil_dusk timestamptz)
  ON CONFLICT (airport, day) DO NOTHING
  RETURNING 1
), seen AS (
  SELECT b.*, ($3 = 'ADMIN' OR b.instructor_id = $2::uuid) AS may_edit
  FROM bookings b
  WHERE b.id = $1::uuid AND ($3 = 'ADMIN' OR b.student_id = $2::uuid OR b.instructor_id = $2::uuid)
), checked AS (
  SELECT s.id, s.status AS seen_status, s.may_edit,
         s.scheduled_at AS was_scheduled_at, s.duration_minutes AS was_duration_minutes, s.aircraft_id AS was_aircraft_id,
         (NOT $6::boolean OR $7::uuid IS NULL
           OR EXISTS (SELECT 1 FROM aircraft a WHERE a.id = $7::uuid)) AS aircraft_found,
         -- A booking keeps its time when only the aircraft changes, so availability is checked
         -- only for a new time or length.
         ($8::boolean OR s.lesson_type = 'SOLO' OR ($4::timestamptz IS NULL AND $5::int IS NULL)
           OR user_available_during(s.instructor_id, coalesce($4::timestamptz, s.scheduled_at),
                coalesce($4::timestamptz, s.scheduled_at) + make_interval(mins => coalesce($5::int, s.duration_minutes))))
           AS instructor_available
  FROM seen s
), updated AS (
  UPDATE bookings b
  SET scheduled_at = coalesce($4::timestamptz, b.scheduled_at),
      duration_minutes = coalesce($5::int, b.duration_minutes),
      aircraft_id = CASE WHEN $6::boolean THEN $7::uuid ELSE b.aircraft_id END,
      availability_overridden = b.availability_overridden OR $8::boolean,
      rules_overridden = $10::boolean
  FROM checked k
  CROSS JOIN (SELECT count(*) FROM twilight) AS twilight_stored
  WHERE b.id = k.id AND k.may_edit AND k.aircraft_found AND k.instructor_available
    AND b.status = ANY ($9::text[])
  RETURNING b.*
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'booking', u.id::text, 'booking.updated', $2::uuid,
         jsonb_build_object(
           'before', jsonb_build_object('scheduled_at', k.was_scheduled_at, 'duration_minutes', k.was_duration_minutes,
                                        'aircraft_id', k.was_aircraft_id),
           'after', jsonb_build_object('scheduled_at', u.scheduled_at, 'duration_minutes', u.duration_minutes,
                                       'aircraft_id', u.aircraft_id),
           'override_availability', $8::boolean, 'override_rules', $10::boolean, 'warnings', u.warnings)
  FROM updated u
  JOIN checked k ON k.id = u.id
), notified AS (
  -- A new time matters to both people; whoever made the change knows already.
  INSERT INTO notifications (user_id, type, booking_id, title, body, data)
  SELECT party.user_id, 'CONFIRMATION', u.id, 'Flight changed',
         'The training flight is now booked for ' || to_char(u.scheduled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI')
           || ' UTC, ' || u.duration_minutes || ' minutes.',
         jsonb_build_object('scheduled_at', u.scheduled_at, 'ends_at', u.ends_at,
                            'previous_scheduled_at', k.was_scheduled_at)
  FROM updated u
  JOIN checked k ON k.id = u.id
  CROSS JOIN LATERAL (VALUES (u.student_id), (u.instructor_id)) AS party (user_id)
  WHERE party.user_id <> $2::uuid
    AND (u.scheduled_at <> k.was_scheduled_at OR u.duration_minutes <> k.was_duration_minutes)
)
SELECT k.seen_status, k.may_edit, k.aircraft_found, k.instructor_available, u.*
FROM checked k
LEFT JOIN updated u ON true
