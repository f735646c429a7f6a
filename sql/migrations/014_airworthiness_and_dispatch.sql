-- Up Migration

-- v1.1 airworthiness: the aircraft's hobbs and tach totals, maintenance items by hours and/or
-- months, squawks, maintenance blocks; the aircraft rule every booking write passes
-- (booking_aircraft_findings), and one re-evaluation (aircraft_refresh_risk) that every change of
-- airworthiness runs, through triggers, in the transaction that makes the change.

ALTER TABLE aircraft
  ADD COLUMN hobbs_hours numeric(8, 1) NOT NULL DEFAULT 0,
  ADD COLUMN tach_hours numeric(8, 1) NOT NULL DEFAULT 0,
  ADD CONSTRAINT aircraft_hobbs_hours_check CHECK (hobbs_hours BETWEEN 0 AND 99999.9),
  ADD CONSTRAINT aircraft_tach_hours_check CHECK (tach_hours BETWEEN 0 AND 99999.9);
COMMENT ON COLUMN aircraft.hobbs_hours IS 'Hobbs meter total; advanced only by check-in.';
COMMENT ON COLUMN aircraft.tach_hours IS 'Tachometer total, the clock maintenance intervals run on; advanced only by check-in.';

-- Meters only ever go forward: a lower total would hand hours back to every maintenance item.
CREATE FUNCTION aircraft_times_forward() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.hobbs_hours < OLD.hobbs_hours OR NEW.tach_hours < OLD.tach_hours THEN
    RAISE EXCEPTION 'aircraft times never go backwards' USING ERRCODE = 'check_violation',
      CONSTRAINT = 'aircraft_times_forward';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER aircraft_times_forward BEFORE UPDATE OF hobbs_hours, tach_hours ON aircraft
  FOR EACH ROW EXECUTE FUNCTION aircraft_times_forward();

-- The last day of the month `months` after `done_on`, as annual inspections run.
CREATE FUNCTION maintenance_due_on(done_on date, months integer) RETURNS date
LANGUAGE sql IMMUTABLE AS $$
  SELECT (date_trunc('month', done_on + make_interval(months => months)) + interval '1 month' - interval '1 day')::date
$$;

CREATE TABLE maintenance_items (
  id              uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
  -- RESTRICT: an aircraft's maintenance record must not vanish.
  aircraft_id     uuid          NOT NULL REFERENCES aircraft (id) ON DELETE RESTRICT,
  name            text          NOT NULL,
  interval_hours  numeric(6, 1),
  interval_months integer,
  last_done_tach  numeric(8, 1),
  last_done_on    date,
  due_tach        numeric(8, 1) GENERATED ALWAYS AS (last_done_tach + interval_hours) STORED,
  due_on          date          GENERATED ALWAYS AS (maintenance_due_on(last_done_on, interval_months)) STORED,
  warn_hours      numeric(6, 1) NOT NULL DEFAULT 10,
  warn_days       integer       NOT NULL DEFAULT 30,
  blocks_booking  boolean       NOT NULL DEFAULT true,
  -- Set when the admins were told the item is coming due; cleared when it is completed.
  due_notified_at timestamptz,
  created_by      uuid          REFERENCES users (id) ON DELETE SET NULL,
  created_at      timestamptz   NOT NULL DEFAULT now(),
  updated_at      timestamptz   NOT NULL DEFAULT now(),
  CONSTRAINT maintenance_items_interval_check CHECK (interval_hours IS NOT NULL OR interval_months IS NOT NULL),
  CONSTRAINT maintenance_items_interval_hours_check CHECK (interval_hours > 0),
  CONSTRAINT maintenance_items_interval_months_check CHECK (interval_months BETWEEN 1 AND 240),
  -- An interval counts from somewhere: hours from a tach reading, months from a date.
  CONSTRAINT maintenance_items_hours_basis_check CHECK (interval_hours IS NULL OR last_done_tach IS NOT NULL),
  CONSTRAINT maintenance_items_months_basis_check CHECK (interval_months IS NULL OR last_done_on IS NOT NULL),
  CONSTRAINT maintenance_items_last_done_tach_check CHECK (last_done_tach >= 0),
  CONSTRAINT maintenance_items_warn_check CHECK (warn_hours >= 0 AND warn_days >= 0),
  CONSTRAINT maintenance_items_name_check CHECK (length(name) BETWEEN 1 AND 200)
);
COMMENT ON TABLE maintenance_items IS 'Recurring inspections and services of an aircraft (100-hour, annual, oil change), due by tach hours and/or calendar months.';
CREATE INDEX maintenance_items_aircraft_idx ON maintenance_items (aircraft_id, created_at, id);
CREATE TRIGGER maintenance_items_set_updated_at BEFORE UPDATE ON maintenance_items
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE squawks (
  id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  aircraft_id     uuid        NOT NULL REFERENCES aircraft (id) ON DELETE RESTRICT,
  severity        text        NOT NULL,
  description     text        NOT NULL,
  -- OPEN, DEFERRED (open but not grounding: flown with until a later repair) or RESOLVED.
  status          text        NOT NULL DEFAULT 'OPEN',
  reported_by     uuid        REFERENCES users (id) ON DELETE SET NULL,
  reported_at     timestamptz NOT NULL DEFAULT now(),
  booking_id      uuid        REFERENCES bookings (id) ON DELETE SET NULL,
  resolution      text,
  resolution_note text,
  resolved_by     uuid        REFERENCES users (id) ON DELETE SET NULL,
  resolved_at     timestamptz,
  CONSTRAINT squawks_severity_check CHECK (severity IN ('INFO', 'DISCREPANCY', 'GROUNDING')),
  CONSTRAINT squawks_status_check CHECK (status IN ('OPEN', 'DEFERRED', 'RESOLVED')),
  CONSTRAINT squawks_resolution_check CHECK (resolution IN ('REPAIRED', 'NOT_REPRODUCED', 'NO_ACTION', 'DEFERRED')),
  CONSTRAINT squawks_lifecycle_check CHECK (
    (status = 'OPEN' AND resolution IS NULL AND resolved_at IS NULL)
    OR (status = 'DEFERRED' AND resolution = 'DEFERRED' AND severity <> 'GROUNDING')
    OR (status = 'RESOLVED' AND resolution IN ('REPAIRED', 'NOT_REPRODUCED', 'NO_ACTION') AND resolved_at IS NOT NULL)),
  CONSTRAINT squawks_description_check CHECK (length(description) BETWEEN 1 AND 4000)
);
COMMENT ON TABLE squawks IS 'Defects reported on an aircraft: the whole history, never deleted; what was reported never changes.';
CREATE INDEX squawks_aircraft_reported_idx ON squawks (aircraft_id, reported_at DESC, id DESC);
CREATE INDEX squawks_open_grounding_idx ON squawks (aircraft_id) WHERE status = 'OPEN' AND severity = 'GROUNDING';

-- What a pilot reported is a record: who, when, on which aircraft and what they wrote stay as written.
CREATE FUNCTION squawks_keep_report() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'squawks are never deleted' USING ERRCODE = 'restrict_violation';
  END IF;
  IF NEW.description IS DISTINCT FROM OLD.description OR NEW.aircraft_id IS DISTINCT FROM OLD.aircraft_id
     OR NEW.reported_by IS DISTINCT FROM OLD.reported_by OR NEW.reported_at IS DISTINCT FROM OLD.reported_at
     OR NEW.severity IS DISTINCT FROM OLD.severity THEN
    RAISE EXCEPTION 'a squawk''s report never changes' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER squawks_keep_report BEFORE UPDATE OR DELETE ON squawks
  FOR EACH ROW EXECUTE FUNCTION squawks_keep_report();
REVOKE DELETE, TRUNCATE ON squawks FROM skyslot_app;

CREATE TABLE maintenance_blocks (
  id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  aircraft_id uuid        NOT NULL REFERENCES aircraft (id) ON DELETE RESTRICT,
  starts_at   timestamptz NOT NULL,
  ends_at     timestamptz NOT NULL,
  reason      text        NOT NULL,
  created_by  uuid        REFERENCES users (id) ON DELETE SET NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT maintenance_blocks_time_order_check CHECK (ends_at > starts_at),
  CONSTRAINT maintenance_blocks_reason_check CHECK (length(reason) BETWEEN 1 AND 1000)
);
COMMENT ON TABLE maintenance_blocks IS 'Windows an admin took an aircraft out of service for.';
CREATE INDEX maintenance_blocks_aircraft_span_idx ON maintenance_blocks USING gist (aircraft_id, tstzrange(starts_at, ends_at, '[)'));
CREATE INDEX maintenance_blocks_aircraft_starts_idx ON maintenance_blocks (aircraft_id, starts_at, id);

-- The aircraft a reschedule option moves the flight to (null: the booking's own).
ALTER TABLE reschedule_options ADD COLUMN aircraft_id uuid REFERENCES aircraft (id) ON DELETE CASCADE;

-- Hours the aircraft's active bookings still have to fly (the dispatched ones are not yet on the
-- meters), leaving one booking out: the one being placed, counted by its caller.
CREATE FUNCTION aircraft_booked_hours(p_aircraft uuid, p_except uuid) RETURNS numeric
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (
    SELECT coalesce(sum(duration_minutes), 0) / 60.0
    FROM bookings
    WHERE aircraft_id = p_aircraft AND id IS DISTINCT FROM p_except
      AND status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING', 'DISPATCHED')
      AND (ends_at > now() OR status = 'DISPATCHED')
  );
END
$$;

-- Why an aircraft may not fly [p_from, p_to) on local day p_day with p_hours to be flown by then
-- (besides what its meters show): findings as booking_aircraft_findings returns them. An open
-- GROUNDING squawk is never overridable.
CREATE FUNCTION aircraft_risk_findings(
  p_aircraft uuid, p_status text, p_tach numeric, p_from timestamptz, p_to timestamptz, p_day date, p_hours numeric
) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (
    SELECT coalesce(jsonb_agg(f.finding ORDER BY f.position, f.at), '[]'::jsonb)
    FROM (
      SELECT 1 AS position, NULL::timestamptz AS at,
             jsonb_build_object('code', 'aircraft_unavailable', 'mode', 'block', 'overridable', true, 'kind', 'status',
                                'detail', 'The aircraft is ' || p_status || '.') AS finding
      WHERE p_status <> 'AVAILABLE'
      UNION ALL
      SELECT 2, s.reported_at,
             jsonb_build_object('code', 'aircraft_unavailable', 'mode', 'block', 'overridable', false, 'kind', 'squawk',
                                'id', s.id, 'detail', 'Open grounding squawk: ' || left(s.description, 200))
      FROM squawks s
      WHERE s.aircraft_id = p_aircraft AND s.status = 'OPEN' AND s.severity = 'GROUNDING'
      UNION ALL
      SELECT 3, m.starts_at,
             jsonb_build_object('code', 'aircraft_unavailable', 'mode', 'block', 'overridable', true,
                                'kind', 'maintenance_block', 'id', m.id,
                                'detail', 'Out of service ' || to_char(m.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI')
                                  || ' to ' || to_char(m.ends_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC: ' || m.reason)
      FROM maintenance_blocks m
      WHERE m.aircraft_id = p_aircraft AND tstzrange(m.starts_at, m.ends_at, '[)') && tstzrange(p_from, p_to, '[)')
      UNION ALL
      SELECT 4, i.created_at,
             jsonb_build_object('code', 'aircraft_unavailable', 'mode', 'block', 'overridable', true,
                                'kind', 'maintenance_overdue', 'id', i.id,
                                'detail', CASE WHEN i.due_on < p_day
                                  THEN i.name || ' was due by ' || i.due_on || '.'
                                  ELSE i.name || ' is due at ' || i.due_tach || ' tach hours: '
                                    || greatest(i.due_tach - p_tach, 0) || ' h left, ' || round(p_hours, 1) || ' h booked.' END)
      FROM maintenance_items i
      WHERE i.aircraft_id = p_aircraft AND i.blocks_booking
        AND (i.due_on < p_day OR i.due_tach <= p_tach OR i.due_tach - p_tach < p_hours)
    ) AS f
  );
END
$$;

-- Why the aircraft cannot fly right now (the aircraft responses' grounded_reasons).
CREATE FUNCTION aircraft_grounded_reasons(a aircraft) RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT coalesce(jsonb_agg(f - 'code' - 'mode' - 'overridable'), '[]'::jsonb)
  FROM jsonb_array_elements(aircraft_risk_findings(
    a.id, a.status, a.tach_hours, now(), now() + interval '1 microsecond',
    (now() AT TIME ZONE coalesce((SELECT p.timezone FROM airports p WHERE p.icao = a.home_airport), 'UTC'))::date, 0)) AS f
$$;

-- The aircraft rule of bookings_verify_rules: at the booking's time the aircraft must be
-- AVAILABLE, free of open GROUNDING squawks and maintenance blocks, with no blocks_booking item
-- due by date (before the booking's local day at departure) or by hours: all the aircraft's
-- active future bookings, this one included, must fit in the hours left. The trigger holds the
-- aircraft's row, so concurrent bookings of it count each other.
CREATE OR REPLACE FUNCTION booking_aircraft_findings(b bookings) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (
    SELECT coalesce((
      SELECT aircraft_risk_findings(
        a.id, a.status, a.tach_hours, b.scheduled_at, b.ends_at,
        (b.scheduled_at AT TIME ZONE coalesce(p.timezone, 'UTC'))::date,
        aircraft_booked_hours(a.id, b.id) + b.duration_minutes / 60.0)
      FROM aircraft a
      LEFT JOIN airports p ON p.icao = b.departure_airport
      WHERE a.id = b.aircraft_id), '[]'::jsonb)
  );
END
$$;

-- Whether an aircraft could take a booking moved to [p_from, p_to): no other active booking of it
-- overlaps, and the aircraft rule passes for the booking as it would be (reschedule options;
-- the booking's own hours are counted once, as it would be moved, not added).
-- COST tells the planner it is dear: cheaper conditions are applied first.
CREATE FUNCTION aircraft_can_take(p_booking uuid, p_aircraft uuid, p_from timestamptz, p_to timestamptz) RETURNS boolean
LANGUAGE plpgsql STABLE COST 1000 AS $$
BEGIN
  RETURN (
    SELECT NOT EXISTS (
             SELECT 1 FROM bookings o
             WHERE o.aircraft_id = p_aircraft AND o.id <> p_booking
               AND o.status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING', 'DISPATCHED')
               AND tstzrange(o.scheduled_at, o.ends_at, '[)') && tstzrange(p_from, p_to, '[)'))
       AND booking_aircraft_findings(jsonb_populate_record(b, jsonb_build_object(
             'aircraft_id', p_aircraft, 'scheduled_at', p_from, 'ends_at', p_to))) = '[]'::jsonb
    FROM bookings b
    WHERE b.id = p_booking
  );
END
$$;

-- Re-evaluates the aircraft's active future bookings after its airworthiness changed: a
-- CONFIRMED or AT_RISK booking the aircraft could not fly gains 'aircraft' in risk_reasons
-- (AT_RISK; AIRCRAFT_GROUNDED to its student and instructor, once per grounding, as only the
-- move notifies); a booking it can fly again loses it (CONFIRMED when no reason is left). By
-- hours, the bookings are counted in time order, so the later ones are the ones left short.
-- The aircraft's row is taken first, so bookings written concurrently are either seen here or
-- see this change (bookings_verify_rules takes the same row).
-- Returns { "flagged": [booking ids], "freed": [booking ids] }.
CREATE FUNCTION aircraft_refresh_risk(p_aircraft uuid) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  flagged uuid[];
  freed   uuid[];
BEGIN
  PERFORM 1 FROM aircraft WHERE id = p_aircraft FOR NO KEY UPDATE;
  WITH ahead AS (
    SELECT b.id, b.status, b.scheduled_at, b.ends_at, b.departure_airport,
           sum(b.duration_minutes) OVER (ORDER BY b.scheduled_at, b.id) / 60.0 AS hours_through
    FROM bookings b
    WHERE b.aircraft_id = p_aircraft AND b.status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING', 'DISPATCHED')
      AND (b.ends_at > now() OR b.status = 'DISPATCHED')
  ), judged AS (
    SELECT h.id, aircraft_risk_findings(a.id, a.status, a.tach_hours, h.scheduled_at, h.ends_at,
             (h.scheduled_at AT TIME ZONE coalesce(p.timezone, 'UTC'))::date, h.hours_through) AS findings
    FROM ahead h
    JOIN aircraft a ON a.id = p_aircraft
    LEFT JOIN airports p ON p.icao = h.departure_airport
    WHERE h.status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING')
  ), grounding AS (
    UPDATE bookings b
    SET status = 'AT_RISK', risk_reasons = array_append(b.risk_reasons, 'aircraft')
    FROM judged j
    JOIN bookings was ON was.id = j.id
    WHERE b.id = j.id AND b.status IN ('CONFIRMED', 'AT_RISK') AND NOT 'aircraft' = ANY (b.risk_reasons)
      AND j.findings <> '[]'::jsonb
    RETURNING b.id, b.student_id, b.instructor_id, b.scheduled_at, b.departure_airport, b.arrival_airport,
              was.status AS was_status, j.findings
  ), freeing AS (
    UPDATE bookings b
    SET status = CASE WHEN b.status = 'AT_RISK' AND array_remove(b.risk_reasons, 'aircraft') = '{}' THEN 'CONFIRMED'
                      ELSE b.status END,
        risk_reasons = array_remove(b.risk_reasons, 'aircraft')
    FROM judged j
    JOIN bookings was ON was.id = j.id
    WHERE b.id = j.id AND 'aircraft' = ANY (b.risk_reasons) AND j.findings = '[]'::jsonb
    RETURNING b.id, b.status, was.status AS was_status
  ), notified AS (
    INSERT INTO notifications (user_id, type, booking_id, title, body, data)
    SELECT party.user_id, 'AIRCRAFT_GROUNDED', g.id, 'Flight at risk: aircraft grounded',
           'The aircraft for your flight from ' || g.departure_airport || ' to ' || g.arrival_airport || ' on '
             || to_char(g.scheduled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC cannot fly it: '
             || (SELECT string_agg(f ->> 'detail', ' ') FROM jsonb_array_elements(g.findings) f),
           jsonb_build_object('aircraft_id', p_aircraft, 'scheduled_at', g.scheduled_at,
                              'reasons', (SELECT jsonb_agg(f - 'code' - 'mode' - 'overridable') FROM jsonb_array_elements(g.findings) f))
    FROM grounding g
    CROSS JOIN LATERAL (VALUES (g.student_id), (g.instructor_id)) AS party (user_id)
  ), audited AS (
    INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
    SELECT 'booking', g.id::text, 'booking.aircraft_at_risk', NULL::uuid,
           jsonb_build_object('from', g.was_status, 'to', 'AT_RISK', 'aircraft_id', p_aircraft,
                              'reasons', (SELECT jsonb_agg(f - 'code' - 'mode' - 'overridable') FROM jsonb_array_elements(g.findings) f))
    FROM grounding g
    UNION ALL
    SELECT 'booking', r.id::text, 'booking.aircraft_cleared', NULL,
           jsonb_build_object('from', r.was_status, 'to', r.status, 'aircraft_id', p_aircraft)
    FROM freeing r
  )
  SELECT (SELECT array_agg(id) FROM grounding), (SELECT array_agg(id) FROM freeing) INTO flagged, freed;
  -- `freed` holds the bookings this aircraft can fly again: the point where a grounding ends.
  RETURN jsonb_build_object('flagged', to_jsonb(coalesce(flagged, '{}')), 'freed', to_jsonb(coalesce(freed, '{}')));
END
$$;
COMMENT ON FUNCTION aircraft_refresh_risk(uuid) IS
  'Flags (AT_RISK, AIRCRAFT_GROUNDED) or frees the active future bookings of an aircraft whose airworthiness changed; run by triggers on aircraft, squawks, maintenance_blocks and maintenance_items.';

-- Every change that can make an aircraft (un)airworthy re-evaluates its bookings in the same
-- transaction, after the statement that made it, whichever path made it.
CREATE FUNCTION aircraft_airworthiness_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM aircraft_refresh_risk(NEW.id);
  RETURN NULL;
END
$$;
CREATE FUNCTION aircraft_record_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM aircraft_refresh_risk(OLD.aircraft_id);
  ELSE
    PERFORM aircraft_refresh_risk(NEW.aircraft_id);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER aircraft_refresh_risk AFTER UPDATE OF status, tach_hours ON aircraft
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.tach_hours IS DISTINCT FROM NEW.tach_hours)
  EXECUTE FUNCTION aircraft_airworthiness_changed();
CREATE TRIGGER squawks_refresh_risk AFTER INSERT OR UPDATE OF status ON squawks
  FOR EACH ROW WHEN (NEW.severity = 'GROUNDING') EXECUTE FUNCTION aircraft_record_changed();
CREATE TRIGGER maintenance_blocks_refresh_risk AFTER INSERT OR UPDATE OR DELETE ON maintenance_blocks
  FOR EACH ROW EXECUTE FUNCTION aircraft_record_changed();
CREATE TRIGGER maintenance_items_refresh_risk AFTER INSERT OR UPDATE OF last_done_tach, last_done_on,
  interval_hours, interval_months, blocks_booking OR DELETE ON maintenance_items
  FOR EACH ROW EXECUTE FUNCTION aircraft_record_changed();

-- An item's figures as the contract shows them: due, remaining (by the meters now),
-- projected (less the hours the aircraft's active future bookings will fly) and status.
CREATE FUNCTION maintenance_item_state(i maintenance_items) RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT to_jsonb(i) - 'due_notified_at' - 'created_by' || jsonb_build_object(
           'remaining_hours', r.hours,
           'projected_remaining_hours', r.hours - round(aircraft_booked_hours(i.aircraft_id, NULL), 1),
           'remaining_days', r.days,
           'status', CASE WHEN r.hours <= 0 OR r.days < 0 THEN 'OVERDUE'
                          WHEN r.hours <= i.warn_hours OR r.days <= i.warn_days THEN 'DUE_SOON'
                          ELSE 'OK' END)
  FROM aircraft a
  CROSS JOIN LATERAL (SELECT i.due_tach - a.tach_hours AS hours, i.due_on - current_date AS days) AS r
  WHERE a.id = i.aircraft_id
$$;

-- Resolution as in 013, on the option's aircraft when it moves the flight to another one.
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
      SELECT o.id, o.suggested_at, o.aircraft_id
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
        VALUES (new_id, original.student_id, original.instructor_id, coalesce(chosen.aircraft_id, original.aircraft_id),
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
                            'option_id', chosen.id, 'aircraft_id', replacement.aircraft_id)),
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

DROP TRIGGER IF EXISTS maintenance_items_refresh_risk ON maintenance_items;
DROP TRIGGER IF EXISTS maintenance_blocks_refresh_risk ON maintenance_blocks;
DROP TRIGGER IF EXISTS squawks_refresh_risk ON squawks;
DROP TRIGGER IF EXISTS aircraft_refresh_risk ON aircraft;
DROP FUNCTION IF EXISTS maintenance_item_state(maintenance_items);
DROP FUNCTION IF EXISTS aircraft_record_changed();
DROP FUNCTION IF EXISTS aircraft_airworthiness_changed();
DROP FUNCTION IF EXISTS aircraft_refresh_risk(uuid);
DROP FUNCTION IF EXISTS aircraft_can_take(uuid, uuid, timestamptz, timestamptz);
CREATE OR REPLACE FUNCTION booking_aircraft_findings(b bookings) RETURNS jsonb
LANGUAGE sql STABLE AS $$ SELECT '[]'::jsonb $$;
DROP FUNCTION IF EXISTS aircraft_grounded_reasons(aircraft);
DROP FUNCTION IF EXISTS aircraft_risk_findings(uuid, text, numeric, timestamptz, timestamptz, date, numeric);
DROP FUNCTION IF EXISTS aircraft_booked_hours(uuid, uuid);
UPDATE bookings SET risk_reasons = array_remove(risk_reasons, 'aircraft') WHERE 'aircraft' = ANY (risk_reasons);
UPDATE bookings SET status = 'CONFIRMED' WHERE status = 'AT_RISK' AND risk_reasons = '{}';
ALTER TABLE reschedule_options DROP COLUMN IF EXISTS aircraft_id;
DROP TABLE IF EXISTS maintenance_blocks;
DROP TABLE IF EXISTS squawks;
DROP FUNCTION IF EXISTS squawks_keep_report();
DROP TABLE IF EXISTS maintenance_items;
DROP FUNCTION IF EXISTS maintenance_due_on(date, integer);
DROP TRIGGER IF EXISTS aircraft_times_forward ON aircraft;
DROP FUNCTION IF EXISTS aircraft_times_forward();
ALTER TABLE aircraft DROP COLUMN IF EXISTS hobbs_hours, DROP COLUMN IF EXISTS tach_hours;
