/* @name BookingsUpdateAudited */
-- Moves a booking in time or changes its aircraft, with the same checks as booking it: aircraft
-- known (airworthy: the rules trigger), instructor available at the new time (unless an admin
-- overrides), overlaps refused by the exclusion constraints. Audits the change and tells the other parties, in one
-- statement. The flags in the answer say why nothing changed, if nothing did.
-- :actorId acting user id, :actorRole acting role, :scheduledAt new scheduled_at or null,
-- :durationMinutes new duration_minutes or null, :aircraftGiven whether aircraft_id was sent, :aircraftId new aircraft id or null,
-- :statuses that may be edited, :overrideRules (the aircraft and
-- booking rules are applied by the bookings_verify_rules trigger, SQLSTATE SK409), :twilight civil
-- twilight rows for the daylight rule at the new time (jsonb [{ airport, day, civil_dawn, civil_dusk }])
WITH twilight AS (
  -- Stored before the booking row changes (it reads this CTE), so the rules trigger sees it.
  INSERT INTO civil_twilight (airport, day, civil_dawn, civil_dusk)
  SELECT x.airport, x.day, x.civil_dawn, x.civil_dusk
  FROM jsonb_to_recordset(:twilight!::jsonb) AS x (airport text, day date, civil_dawn timestamptz, civil_dusk timestamptz)
  ON CONFLICT (airport, day) DO NOTHING
  RETURNING 1
), seen AS (
  SELECT b.*, (:actorRole! = 'ADMIN' OR b.instructor_id = :actorId!::uuid) AS may_edit
  FROM bookings b
  WHERE b.id = :bookingId!::uuid AND (:actorRole = 'ADMIN' OR b.student_id = :actorId::uuid OR b.instructor_id = :actorId::uuid)
), checked AS (
  SELECT s.id, s.status AS seen_status, s.may_edit,
         s.scheduled_at AS was_scheduled_at, s.duration_minutes AS was_duration_minutes, s.aircraft_id AS was_aircraft_id,
         (NOT :aircraftGiven!::boolean OR :aircraftId::uuid IS NULL
           OR EXISTS (SELECT 1 FROM aircraft a WHERE a.id = :aircraftId::uuid)) AS aircraft_found,
         -- A booking keeps its time when only the aircraft changes, so availability is checked
         -- only for a new time or length.
         (:overrideAvailability!::boolean OR s.lesson_type = 'SOLO' OR (:scheduledAt::timestamptz IS NULL AND :durationMinutes::int IS NULL)
           OR user_available_during(s.instructor_id, coalesce(:scheduledAt::timestamptz, s.scheduled_at),
                coalesce(:scheduledAt::timestamptz, s.scheduled_at) + make_interval(mins => coalesce(:durationMinutes::int, s.duration_minutes))))
           AS instructor_available
  FROM seen s
), updated AS (
  UPDATE bookings b
  SET scheduled_at = coalesce(:scheduledAt::timestamptz, b.scheduled_at),
      duration_minutes = coalesce(:durationMinutes::int, b.duration_minutes),
      aircraft_id = CASE WHEN :aircraftGiven::boolean THEN :aircraftId::uuid ELSE b.aircraft_id END,
      availability_overridden = b.availability_overridden OR :overrideAvailability::boolean,
      rules_overridden = :overrideRules!::boolean
  FROM checked k
  CROSS JOIN (SELECT count(*) FROM twilight) AS twilight_stored
  WHERE b.id = k.id AND k.may_edit AND k.aircraft_found AND k.instructor_available
    AND b.status = ANY (:statuses!::text[])
  RETURNING b.*
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'booking', u.id::text, 'booking.updated', :actorId::uuid,
         jsonb_build_object(
           'before', jsonb_build_object('scheduled_at', k.was_scheduled_at, 'duration_minutes', k.was_duration_minutes,
                                        'aircraft_id', k.was_aircraft_id),
           'after', jsonb_build_object('scheduled_at', u.scheduled_at, 'duration_minutes', u.duration_minutes,
                                       'aircraft_id', u.aircraft_id),
           'override_availability', :overrideAvailability::boolean, 'override_rules', :overrideRules::boolean, 'warnings', u.warnings)
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
  WHERE party.user_id <> :actorId::uuid
    AND (u.scheduled_at <> k.was_scheduled_at OR u.duration_minutes <> k.was_duration_minutes)
)
SELECT k.seen_status, k.may_edit, k.aircraft_found, k.instructor_available, u.*
FROM checked k
LEFT JOIN updated u ON true;
