-- Up Migration

-- Set once when a booking's rescheduling is handed to the admins, so the deadlines job (and a
-- second submission that finds nothing acceptable) escalate each round of options exactly once.
-- Generating options again replaces the preference rows, which starts a new round.
ALTER TABLE preference_rankings ADD COLUMN escalated_at timestamptz;
COMMENT ON COLUMN preference_rankings.escalated_at IS 'When this round of options was escalated to the admins (null = not escalated).';

-- Resolves one booking in RESCHEDULING, in the caller's transaction:
-- - both parties submitted: among the options neither marked unavailable (and not yet started),
--   lowest summed rank first (unranked = 4), then higher confidence, then earlier time. Each is
--   tried in a subtransaction: the original becomes RESCHEDULED (leaving the active set, so its
--   slot is free) and the replacement is inserted; the exclusion constraints refuse a slot taken
--   meanwhile and the next option is tried. Both parties get CONFIRMATION.
-- - otherwise (a deadline passed with one submission or none), or nothing could be booked:
--   the admins get ESCALATION, once per round, and the booking stays RESCHEDULING.
-- Returns {"outcome": "RESCHEDULED", "booking": {...}, "option_id"} | {"outcome": "ESCALATED"}
-- | {"outcome": "WAITING"} (deadline not reached) | {"outcome": "UNCHANGED"}.
CREATE FUNCTION reschedule_resolve(p_booking uuid, p_actor uuid, p_now timestamptz) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  original    bookings%ROWTYPE;
  student     preference_rankings%ROWTYPE;
  instructor  preference_rankings%ROWTYPE;
  chosen      record;
  replacement bookings%ROWTYPE;
  new_id      uuid;
  reason      text;
BEGIN
  SELECT * INTO original FROM bookings WHERE id = p_booking AND status = 'RESCHEDULING' FOR UPDATE;
  IF NOT FOUND THEN
    RETURN jsonb_build_object('outcome', 'UNCHANGED');
  END IF;
  SELECT * INTO student FROM preference_rankings WHERE booking_id = p_booking AND party = 'STUDENT';
  SELECT * INTO instructor FROM preference_rankings WHERE booking_id = p_booking AND party = 'INSTRUCTOR';

  IF student.submitted_at IS NOT NULL AND instructor.submitted_at IS NOT NULL THEN
    FOR chosen IN
      SELECT o.id, o.suggested_at
      FROM reschedule_options o
      WHERE o.booking_id = p_booking
        AND o.suggested_at > p_now
        AND NOT o.id = ANY (student.unavailable_option_ids)
        AND NOT o.id = ANY (instructor.unavailable_option_ids)
      ORDER BY coalesce(array_position(student.ranked_option_ids, o.id), 4)
             + coalesce(array_position(instructor.ranked_option_ids, o.id), 4),
               o.confidence DESC, o.suggested_at
    LOOP
      new_id := gen_random_uuid();
      BEGIN
        UPDATE bookings SET status = 'RESCHEDULED', rescheduled_to = new_id WHERE id = p_booking;
        INSERT INTO bookings (id, student_id, instructor_id, aircraft_id, departure_airport, arrival_airport,
                              departure_latitude, departure_longitude, arrival_latitude, arrival_longitude,
                              scheduled_at, duration_minutes, training_level, original_booking_id, created_by)
        VALUES (new_id, original.student_id, original.instructor_id, original.aircraft_id,
                original.departure_airport, original.arrival_airport,
                original.departure_latitude, original.departure_longitude,
                original.arrival_latitude, original.arrival_longitude,
                chosen.suggested_at, original.duration_minutes, original.training_level, p_booking, p_actor)
        RETURNING * INTO replacement;
        EXIT;
      EXCEPTION WHEN exclusion_violation THEN
        -- Taken meanwhile: this subtransaction (the status change included) is undone.
        replacement := NULL;
      END;
    END LOOP;

    IF replacement.id IS NOT NULL THEN
      INSERT INTO notifications (user_id, type, booking_id, title, body, data, dedupe_key)
      SELECT party.user_id, 'CONFIRMATION', replacement.id, 'Flight rescheduled',
             'Your flight from ' || replacement.departure_airport || ' to ' || replacement.arrival_airport
               || ' is now booked for ' || to_char(replacement.scheduled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI')
               || ' UTC.',
             jsonb_build_object('original_booking_id', p_booking, 'scheduled_at', replacement.scheduled_at,
                                'ends_at', replacement.ends_at),
             'confirmation:' || p_booking || ':' || party.user_id
      FROM (VALUES (original.student_id), (original.instructor_id)) AS party (user_id)
      ON CONFLICT (dedupe_key) DO NOTHING;
      INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata) VALUES
        ('booking', p_booking::text, 'booking.rescheduled', p_actor,
         jsonb_build_object('from', 'RESCHEDULING', 'to', 'RESCHEDULED', 'rescheduled_to', replacement.id,
                            'option_id', chosen.id)),
        ('booking', replacement.id::text, 'booking.created', p_actor,
         jsonb_build_object('original_booking_id', p_booking, 'scheduled_at', replacement.scheduled_at,
                            'duration_minutes', replacement.duration_minutes, 'via', 'reschedule'));
      RETURN jsonb_build_object('outcome', 'RESCHEDULED', 'booking', to_jsonb(replacement), 'option_id', chosen.id);
    END IF;
    reason := 'no_acceptable_option';
  ELSIF least(student.deadline, instructor.deadline) > p_now THEN
    RETURN jsonb_build_object('outcome', 'WAITING');
  ELSE
    reason := 'deadline_passed';
  END IF;

  UPDATE preference_rankings SET escalated_at = p_now WHERE booking_id = p_booking AND escalated_at IS NULL;
  IF NOT FOUND THEN
    RETURN jsonb_build_object('outcome', 'UNCHANGED');
  END IF;
  INSERT INTO notifications (user_id, type, booking_id, title, body, data, dedupe_key)
  SELECT u.id, 'ESCALATION', p_booking, 'Rescheduling needs an admin',
         CASE reason WHEN 'deadline_passed' THEN 'The deadline passed before both parties ranked the options'
                     ELSE 'No option acceptable to both parties is still free' END
           || ' for the flight from ' || original.departure_airport || ' to ' || original.arrival_airport
           || ' on ' || to_char(original.scheduled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC.',
         jsonb_build_object('reason', reason, 'student_submitted', student.submitted_at IS NOT NULL,
                            'instructor_submitted', instructor.submitted_at IS NOT NULL),
         'escalation:' || p_booking || ':' || student.id || ':' || u.id
  FROM users u
  WHERE u.role = 'ADMIN'
  ON CONFLICT (dedupe_key) DO NOTHING;
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  VALUES ('booking', p_booking::text, 'booking.escalated', p_actor,
          jsonb_build_object('reason', reason, 'student_submitted', student.submitted_at IS NOT NULL,
                             'instructor_submitted', instructor.submitted_at IS NOT NULL));
  RETURN jsonb_build_object('outcome', 'ESCALATED', 'reason', reason);
END
$$;
COMMENT ON FUNCTION reschedule_resolve(uuid, uuid, timestamptz) IS
  'Resolves a RESCHEDULING booking from both parties'' preferences (replacement booking + CONFIRMATION) or escalates it to the admins once; exactly once under concurrency (row lock + conditional updates).';

-- One party's ranking, and the resolution when it is the second: the booking row is locked
-- first, so a student and an instructor submitting at the same moment queue here and the second
-- one sees the first one's ranking. Expected refusals come back as {"error": ...} rather than
-- exceptions, so the caller can answer with the right problem.
CREATE FUNCTION reschedule_submit_preferences(
  p_booking uuid, p_user uuid, p_ranked uuid[], p_unavailable uuid[], p_now timestamptz
) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  target      bookings%ROWTYPE;
  viewer_role text;
  v_party     text;
  pref        preference_rankings%ROWTYPE;
  unknown_ids uuid[];
  outcome     jsonb;
BEGIN
  SELECT role INTO viewer_role FROM users WHERE id = p_user;
  SELECT * INTO target FROM bookings WHERE id = p_booking FOR UPDATE;
  IF NOT FOUND THEN
    RETURN jsonb_build_object('error', 'not_found');
  END IF;
  v_party := CASE p_user WHEN target.student_id THEN 'STUDENT' WHEN target.instructor_id THEN 'INSTRUCTOR' END;
  IF v_party IS NULL THEN
    RETURN jsonb_build_object('error', CASE WHEN viewer_role = 'ADMIN' THEN 'forbidden' ELSE 'not_found' END);
  END IF;
  IF target.status <> 'RESCHEDULING' THEN
    RETURN jsonb_build_object('error', 'invalid_state', 'status', target.status);
  END IF;
  SELECT * INTO pref FROM preference_rankings WHERE booking_id = p_booking AND party = v_party;
  IF NOT FOUND THEN
    RETURN jsonb_build_object('error', 'invalid_state', 'status', target.status);
  END IF;
  IF pref.deadline <= p_now THEN
    RETURN jsonb_build_object('error', 'deadline_passed', 'deadline', pref.deadline);
  END IF;
  SELECT array_agg(DISTINCT x) INTO unknown_ids
  FROM unnest(p_ranked || p_unavailable) AS x
  WHERE NOT EXISTS (SELECT 1 FROM reschedule_options o WHERE o.booking_id = p_booking AND o.id = x);
  IF unknown_ids IS NOT NULL THEN
    RETURN jsonb_build_object('error', 'unknown_options', 'option_ids', to_jsonb(unknown_ids));
  END IF;

  UPDATE preference_rankings
  SET ranked_option_ids = p_ranked, unavailable_option_ids = p_unavailable, submitted_at = p_now
  WHERE id = pref.id
  RETURNING * INTO pref;
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  VALUES ('booking', p_booking::text, 'booking.preferences_submitted', p_user,
          jsonb_build_object('party', v_party, 'ranked_option_ids', to_jsonb(p_ranked),
                             'unavailable_option_ids', to_jsonb(p_unavailable)));

  IF EXISTS (SELECT 1 FROM preference_rankings WHERE booking_id = p_booking AND submitted_at IS NULL) THEN
    outcome := jsonb_build_object('outcome', 'WAITING');
  ELSE
    outcome := reschedule_resolve(p_booking, p_user, p_now);
  END IF;
  RETURN outcome || jsonb_build_object('preference', to_jsonb(pref));
END
$$;
COMMENT ON FUNCTION reschedule_submit_preferences(uuid, uuid, uuid[], uuid[], timestamptz) IS
  'Stores the student''s or instructor''s ranking of a booking''s options (deadline and option ids checked) and resolves the booking when both have submitted.';

-- Closes up to p_limit RESCHEDULING bookings whose preference deadline has passed and that are
-- not escalated yet. SKIP LOCKED lets concurrent runs (and a booking being submitted right now)
-- pass each other; what one run skips, the next one picks up.
CREATE FUNCTION reschedule_close_due(p_now timestamptz, p_limit integer)
RETURNS TABLE (processed integer, resolved integer, escalated integer)
LANGUAGE plpgsql AS $$
DECLARE
  due     record;
  outcome text;
BEGIN
  processed := 0;
  resolved := 0;
  escalated := 0;
  FOR due IN
    SELECT b.id
    FROM bookings b
    WHERE b.status = 'RESCHEDULING'
      AND EXISTS (SELECT 1 FROM preference_rankings p
                  WHERE p.booking_id = b.id AND p.deadline <= p_now AND p.escalated_at IS NULL)
    ORDER BY b.scheduled_at, b.id
    LIMIT p_limit
    FOR UPDATE OF b SKIP LOCKED
  LOOP
    outcome := reschedule_resolve(due.id, NULL, p_now) ->> 'outcome';
    processed := processed + 1;
    IF outcome = 'RESCHEDULED' THEN resolved := resolved + 1; END IF;
    IF outcome = 'ESCALATED' THEN escalated := escalated + 1; END IF;
  END LOOP;
  RETURN NEXT;
END
$$;
COMMENT ON FUNCTION reschedule_close_due(timestamptz, integer) IS
  'Deadlines job: resolves or escalates up to p_limit RESCHEDULING bookings whose preference deadline has passed; returns the counts.';

REVOKE ALL ON FUNCTION reschedule_resolve(uuid, uuid, timestamptz) FROM PUBLIC;
REVOKE ALL ON FUNCTION reschedule_submit_preferences(uuid, uuid, uuid[], uuid[], timestamptz) FROM PUBLIC;
REVOKE ALL ON FUNCTION reschedule_close_due(timestamptz, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION reschedule_resolve(uuid, uuid, timestamptz) TO skyslot_app;
GRANT EXECUTE ON FUNCTION reschedule_submit_preferences(uuid, uuid, uuid[], uuid[], timestamptz) TO skyslot_app;
GRANT EXECUTE ON FUNCTION reschedule_close_due(timestamptz, integer) TO skyslot_app;

-- The deadlines job finds due, unescalated rounds by deadline.
CREATE INDEX preference_rankings_open_deadline_idx ON preference_rankings (deadline)
  WHERE escalated_at IS NULL;

-- Down Migration

DROP INDEX IF EXISTS preference_rankings_open_deadline_idx;
DROP FUNCTION IF EXISTS reschedule_close_due(timestamptz, integer);
DROP FUNCTION IF EXISTS reschedule_submit_preferences(uuid, uuid, uuid[], uuid[], timestamptz);
DROP FUNCTION IF EXISTS reschedule_resolve(uuid, uuid, timestamptz);
ALTER TABLE preference_rankings DROP COLUMN IF EXISTS escalated_at;
