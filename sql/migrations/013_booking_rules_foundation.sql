-- Up Migration

-- v1.1 bookings: lesson type, risk reasons, dispatch and check-in times, cancellation policy,
-- and one trigger through which every write that places a booking in time passes the rules
-- (airworthiness, people, duty time). The rule checks themselves live in
-- booking_aircraft_findings and booking_rule_findings, replaced by later migrations.

ALTER TABLE bookings
  ADD COLUMN lesson_type text NOT NULL DEFAULT 'DUAL',
  -- Why an active booking is AT_RISK: 'weather' (the monitor) and/or 'aircraft' (grounding).
  ADD COLUMN risk_reasons text[] NOT NULL DEFAULT '{}',
  -- Set when an admin booked or moved it past the rules; the trigger then lets overridable
  -- refusals through (the audit entry says which).
  ADD COLUMN rules_overridden boolean NOT NULL DEFAULT false,
  -- Rules in warn mode that the booking broke when it was last placed in time.
  ADD COLUMN warnings jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN dispatched_at timestamptz,
  ADD COLUMN checked_in_at timestamptz,
  ADD COLUMN hobbs_out numeric(8, 1),
  ADD COLUMN hobbs_in numeric(8, 1),
  ADD COLUMN tach_out numeric(8, 1),
  ADD COLUMN tach_in numeric(8, 1),
  ADD COLUMN flight_hours numeric(5, 1),
  ADD COLUMN cancellation_category text,
  ADD COLUMN cancellation_late boolean,
  ADD COLUMN cancellation_no_fault boolean,
  ADD CONSTRAINT bookings_lesson_type_check CHECK (lesson_type IN ('DUAL', 'SOLO')),
  -- A solo student flies an aircraft of the school's; a lesson without one is ground school.
  ADD CONSTRAINT bookings_solo_aircraft_check CHECK (lesson_type = 'DUAL' OR aircraft_id IS NOT NULL),
  ADD CONSTRAINT bookings_risk_reasons_check CHECK (risk_reasons <@ ARRAY['weather', 'aircraft']::text[]),
  ADD CONSTRAINT bookings_cancellation_category_check CHECK (cancellation_category IN
    ('WEATHER', 'MAINTENANCE', 'ILLNESS', 'STUDENT', 'INSTRUCTOR', 'OTHER'));

-- Bookings already at risk are so because of the weather: that was the only reason before.
UPDATE bookings SET risk_reasons = '{weather}' WHERE status = 'AT_RISK';
-- AT_RISK means there is a reason; CONFIRMED means there is none.
ALTER TABLE bookings ADD CONSTRAINT bookings_risk_status_check
  CHECK (status NOT IN ('CONFIRMED', 'AT_RISK') OR (status = 'AT_RISK') = (risk_reasons <> '{}'));

ALTER TABLE bookings DROP CONSTRAINT bookings_status_check;
ALTER TABLE bookings ADD CONSTRAINT bookings_status_check CHECK (status IN
  ('CONFIRMED', 'AT_RISK', 'RESCHEDULING', 'DISPATCHED', 'RESCHEDULED', 'CANCELLED', 'COMPLETED'));

-- A dispatched flight is in the air or about to be: it holds its slot like any active booking.
-- A SOLO flight names its supervising instructor without occupying them.
ALTER TABLE bookings
  DROP CONSTRAINT bookings_student_no_overlap,
  DROP CONSTRAINT bookings_instructor_no_overlap,
  DROP CONSTRAINT bookings_aircraft_no_overlap;
ALTER TABLE bookings
  ADD CONSTRAINT bookings_student_no_overlap EXCLUDE USING gist (
    student_id WITH =, tstzrange(scheduled_at, ends_at, '[)') WITH &&
  ) WHERE (status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING', 'DISPATCHED')),
  ADD CONSTRAINT bookings_instructor_no_overlap EXCLUDE USING gist (
    instructor_id WITH =, tstzrange(scheduled_at, ends_at, '[)') WITH &&
  ) WHERE (status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING', 'DISPATCHED') AND lesson_type = 'DUAL'),
  ADD CONSTRAINT bookings_aircraft_no_overlap EXCLUDE USING gist (
    aircraft_id WITH =, tstzrange(scheduled_at, ends_at, '[)') WITH &&
  ) WHERE (status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING', 'DISPATCHED'));

-- v1.1 notification types: a grounded aircraft, a standby promotion, maintenance coming due.
ALTER TABLE notifications DROP CONSTRAINT notifications_type_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_type_check CHECK (type IN
  ('WEATHER_ALERT', 'OPTIONS_AVAILABLE', 'DEADLINE_REMINDER', 'CONFIRMATION', 'ESCALATION', 'CANCELLATION',
   'AIRCRAFT_GROUNDED', 'STANDBY_PROMOTED', 'MAINTENANCE_DUE'));

DROP INDEX bookings_active_status_scheduled_idx;
CREATE INDEX bookings_active_status_scheduled_idx ON bookings (status, scheduled_at)
  WHERE status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING', 'DISPATCHED');

-- The findings of one rule family for a booking about to be placed in time: a jsonb array of
-- { code: "aircraft_unavailable"|"rule_failed"|"duty_limit_exceeded", mode: "block"|"warn",
--   overridable: boolean, ...what the contract shows (kind/id/detail, rule/detail, duty window) }.
-- `b` is the booking as it will be written (its own row, if it exists, must not be counted twice).
CREATE FUNCTION booking_aircraft_findings(b bookings) RETURNS jsonb
LANGUAGE sql STABLE AS $$ SELECT '[]'::jsonb $$;
CREATE FUNCTION booking_rule_findings(b bookings) RETURNS jsonb
LANGUAGE sql STABLE AS $$ SELECT '[]'::jsonb $$;

-- BEFORE INSERT/UPDATE: a booking entering the active set, moving in time, changing people,
-- aircraft or lesson type, or being dispatched is checked against every rule. Writers of the
-- same people or aircraft queue on their rows first, so rules that add up other bookings (duty
-- minutes, hours left before maintenance, bookings per student) see each other's committed rows:
-- each statement in this volatile function takes a fresh snapshot after the lock is granted.
-- A refusal raises SQLSTATE SK409 with the blocking findings as JSON in DETAIL; warnings and
-- overridden findings are kept in `warnings`.
-- Named after the set_* triggers so ends_at is already computed when it runs.
CREATE FUNCTION bookings_verify_rules() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  findings jsonb;
  refusing jsonb;
BEGIN
  IF NEW.status NOT IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING', 'DISPATCHED') THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE'
     AND NEW.scheduled_at = OLD.scheduled_at AND NEW.duration_minutes = OLD.duration_minutes
     AND NEW.student_id = OLD.student_id AND NEW.instructor_id = OLD.instructor_id
     AND NEW.aircraft_id IS NOT DISTINCT FROM OLD.aircraft_id AND NEW.lesson_type = OLD.lesson_type
     AND OLD.status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING', 'DISPATCHED')
     AND NOT (NEW.status = 'DISPATCHED' AND OLD.status <> 'DISPATCHED') THEN
    RETURN NEW;
  END IF;
  PERFORM 1 FROM users WHERE id IN (NEW.student_id, NEW.instructor_id) ORDER BY id FOR NO KEY UPDATE;
  IF NEW.aircraft_id IS NOT NULL THEN
    PERFORM 1 FROM aircraft WHERE id = NEW.aircraft_id FOR NO KEY UPDATE;
  END IF;
  findings := booking_aircraft_findings(NEW) || booking_rule_findings(NEW);
  -- Kept with the booking (and so in its audit entry): warnings, and what an admin overrode.
  NEW.warnings := coalesce(
    (SELECT jsonb_agg((f - 'mode' - 'overridable' - 'code')
                      || CASE WHEN f ->> 'mode' = 'block' THEN '{"overridden": true}'::jsonb ELSE '{}'::jsonb END)
     FROM jsonb_array_elements(findings) f
     WHERE f ->> 'mode' = 'warn' OR (NEW.rules_overridden AND (f ->> 'overridable')::boolean)),
    '[]'::jsonb);
  SELECT jsonb_agg(f) INTO refusing
  FROM jsonb_array_elements(findings) f
  WHERE f ->> 'mode' = 'block' AND NOT (NEW.rules_overridden AND (f ->> 'overridable')::boolean);
  IF refusing IS NOT NULL THEN
    RAISE EXCEPTION 'the booking breaks its rules' USING ERRCODE = 'SK409', DETAIL = refusing::text;
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION bookings_verify_rules() IS
  'BEFORE INSERT/UPDATE on bookings: serializes writers per person and aircraft, applies the aircraft and booking rules (SQLSTATE SK409 with the refusing findings in DETAIL), keeps warn-mode findings in warnings.';

CREATE TRIGGER bookings_verify_rules BEFORE INSERT OR UPDATE ON bookings
  FOR EACH ROW EXECUTE FUNCTION bookings_verify_rules();

-- Resolution now also skips an option the rules refuse (SK409), like one taken meanwhile, and the
-- replacement keeps the lesson type.
CREATE OR REPLACE FUNCTION reschedule_resolve(p_booking uuid, p_actor uuid, p_now timestamptz) RETURNS jsonb
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
                              scheduled_at, duration_minutes, training_level, original_booking_id, created_by,
                              lesson_type)
        VALUES (new_id, original.student_id, original.instructor_id, original.aircraft_id,
                original.departure_airport, original.arrival_airport,
                original.departure_latitude, original.departure_longitude,
                original.arrival_latitude, original.arrival_longitude,
                chosen.suggested_at, original.duration_minutes, original.training_level, p_booking, p_actor,
                original.lesson_type)
        RETURNING * INTO replacement;
        EXIT;
      EXCEPTION WHEN exclusion_violation OR SQLSTATE 'SK409' THEN
        -- Taken meanwhile, or no longer allowed: this subtransaction (the status change included) is undone.
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

-- Down Migration

DELETE FROM notifications WHERE type IN ('AIRCRAFT_GROUNDED', 'STANDBY_PROMOTED', 'MAINTENANCE_DUE');
ALTER TABLE notifications DROP CONSTRAINT notifications_type_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_type_check CHECK (type IN
  ('WEATHER_ALERT', 'OPTIONS_AVAILABLE', 'DEADLINE_REMINDER', 'CONFIRMATION', 'ESCALATION', 'CANCELLATION'));
DROP TRIGGER IF EXISTS bookings_verify_rules ON bookings;
DROP FUNCTION IF EXISTS bookings_verify_rules();
DROP FUNCTION IF EXISTS booking_rule_findings(bookings);
DROP FUNCTION IF EXISTS booking_aircraft_findings(bookings);
CREATE OR REPLACE FUNCTION reschedule_resolve(p_booking uuid, p_actor uuid, p_now timestamptz) RETURNS jsonb
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
ALTER TABLE bookings
  DROP CONSTRAINT bookings_student_no_overlap,
  DROP CONSTRAINT bookings_instructor_no_overlap,
  DROP CONSTRAINT bookings_aircraft_no_overlap,
  DROP CONSTRAINT bookings_status_check,
  DROP CONSTRAINT bookings_risk_status_check;
UPDATE bookings SET status = 'CONFIRMED' WHERE status = 'DISPATCHED';
ALTER TABLE bookings
  ADD CONSTRAINT bookings_status_check CHECK (status IN
    ('CONFIRMED', 'AT_RISK', 'RESCHEDULING', 'RESCHEDULED', 'CANCELLED', 'COMPLETED')),
  ADD CONSTRAINT bookings_student_no_overlap EXCLUDE USING gist (
    student_id WITH =, tstzrange(scheduled_at, ends_at, '[)') WITH &&
  ) WHERE (status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING')),
  ADD CONSTRAINT bookings_instructor_no_overlap EXCLUDE USING gist (
    instructor_id WITH =, tstzrange(scheduled_at, ends_at, '[)') WITH &&
  ) WHERE (status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING')),
  ADD CONSTRAINT bookings_aircraft_no_overlap EXCLUDE USING gist (
    aircraft_id WITH =, tstzrange(scheduled_at, ends_at, '[)') WITH &&
  ) WHERE (status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING'));
DROP INDEX IF EXISTS bookings_active_status_scheduled_idx;
CREATE INDEX bookings_active_status_scheduled_idx ON bookings (status, scheduled_at)
  WHERE status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING');
ALTER TABLE bookings
  DROP COLUMN lesson_type, DROP COLUMN risk_reasons, DROP COLUMN rules_overridden, DROP COLUMN warnings,
  DROP COLUMN dispatched_at, DROP COLUMN checked_in_at, DROP COLUMN hobbs_out, DROP COLUMN hobbs_in,
  DROP COLUMN tach_out, DROP COLUMN tach_in, DROP COLUMN flight_hours, DROP COLUMN cancellation_category,
  DROP COLUMN cancellation_late, DROP COLUMN cancellation_no_fault;
