-- Up Migration

-- Rules for people and sky: qualifications per user, runways per airport (for crosswind),
-- civil twilight per airport and day (for daylight), the booking-rules setting, and the
-- booking_rule_findings the bookings_verify_rules trigger (013) applies to every write that
-- places a booking in time.

CREATE TABLE user_qualifications (
  id                 uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id            uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind               text        NOT NULL,
  -- Checkouts are per aircraft type; every other kind has none.
  aircraft_type_code text        REFERENCES aircraft_types (code) ON UPDATE CASCADE ON DELETE RESTRICT,
  issued_on          date,
  expires_on         date,
  recorded_by        uuid        REFERENCES users (id) ON DELETE SET NULL,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT user_qualifications_kind_check CHECK (kind IN
    ('MEDICAL', 'FLIGHT_REVIEW', 'CFI_CERTIFICATE', 'SOLO_ENDORSEMENT', 'AIRCRAFT_CHECKOUT')),
  CONSTRAINT user_qualifications_type_check CHECK ((kind = 'AIRCRAFT_CHECKOUT') = (aircraft_type_code IS NOT NULL)),
  CONSTRAINT user_qualifications_dates_check CHECK (expires_on >= issued_on),
  -- Recording the same qualification again replaces it.
  CONSTRAINT user_qualifications_one_key UNIQUE NULLS NOT DISTINCT (user_id, kind, aircraft_type_code)
);
COMMENT ON TABLE user_qualifications IS 'Medicals, flight reviews, CFI certificates, solo endorsements and aircraft checkouts, with their validity.';
CREATE INDEX user_qualifications_user_created_idx ON user_qualifications (user_id, created_at, id);
CREATE TRIGGER user_qualifications_set_updated_at BEFORE UPDATE ON user_qualifications
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- One row per runway end, with its TRUE heading: TAF winds are true, not magnetic.
CREATE TABLE airport_runways (
  airport     text         NOT NULL REFERENCES airports (icao) ON DELETE CASCADE,
  name        text         NOT NULL,
  heading_deg numeric(4, 1) NOT NULL,
  PRIMARY KEY (airport, name),
  CONSTRAINT airport_runways_name_check CHECK (name ~ '^[0-9]{1,2}[LCRW]?$'),
  CONSTRAINT airport_runways_heading_check CHECK (heading_deg BETWEEN 0 AND 360)
);
COMMENT ON TABLE airport_runways IS 'Runway ends per airport with their true headings, for the crosswind rule.';

-- Civil dawn and dusk at an airport on a local day. Postgres cannot compute them: the
-- application fills the rows for the airports and days it books, in the statement that books
-- (or, for paths inside SQL such as a reschedule option's resolution, when it offers the times).
-- Both null: the sun stays below civil twilight all day (polar night).
CREATE TABLE civil_twilight (
  airport    text        NOT NULL REFERENCES airports (icao) ON DELETE CASCADE,
  day        date        NOT NULL,
  civil_dawn timestamptz,
  civil_dusk timestamptz,
  PRIMARY KEY (airport, day),
  CONSTRAINT civil_twilight_both_check CHECK ((civil_dawn IS NULL) = (civil_dusk IS NULL)),
  CONSTRAINT civil_twilight_order_check CHECK (civil_dawn <= civil_dusk)
);
COMMENT ON TABLE civil_twilight IS 'Civil dawn/dusk per airport and local day, computed by the application (solar position).';

-- The runway ends of some airports, keyed by airport: what the crosswind rule reads.
CREATE FUNCTION airport_runway_ends(p_airports text[]) RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT coalesce(jsonb_object_agg(r.airport, r.ends), '{}'::jsonb)
  FROM (SELECT airport, jsonb_agg(jsonb_build_object('name', name, 'heading_deg', heading_deg) ORDER BY name) AS ends
        FROM airport_runways WHERE airport = ANY (p_airports) GROUP BY airport) r
$$;

-- Weather minimums gain a crosswind limit per level.
UPDATE settings s
SET value = (SELECT jsonb_object_agg(l.key, jsonb_build_object('crosswind_max_kt',
                CASE l.key WHEN 'STUDENT_PILOT' THEN 10 WHEN 'PRIVATE_PILOT' THEN 15 ELSE 20 END) || l.value)
             FROM jsonb_each(s.value) l)
WHERE s.key = 'weather_minimums';

-- The booking rules a stored setting value means: the defaults per rule, overlaid with what the
-- value holds for that rule; rules the value leaves out keep their defaults.
CREATE FUNCTION booking_rules_over(stored jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_object(
           'rules', (SELECT jsonb_object_agg(d.key, d.value || coalesce(stored -> 'rules' -> d.key, '{}'::jsonb))
                     FROM jsonb_each('{
                       "instructor_certificate":  {"mode": "warn"},
                       "solo_endorsement":        {"mode": "block"},
                       "medical":                 {"mode": "block"},
                       "flight_review":           {"mode": "warn"},
                       "aircraft_checkout":       {"mode": "block"},
                       "daylight":                {"mode": "block", "levels": ["STUDENT_PILOT"]},
                       "instructor_duty":         {"mode": "block", "max_minutes": 480},
                       "booking_horizon":         {"mode": "block", "days": 365},
                       "student_active_bookings": {"mode": "off", "max": 10}
                     }'::jsonb) d),
           'late_cancel_hours', coalesce(stored -> 'late_cancel_hours', '24'::jsonb))
$$;
COMMENT ON FUNCTION booking_rules_over(jsonb) IS 'The booking rules a stored booking_rules setting means: per-rule defaults overlaid with the stored values.';

-- The booking rules in force (GET /v1/settings/booking-rules, the rules trigger, cancellations).
CREATE FUNCTION booking_rules() RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT booking_rules_over(coalesce((SELECT value FROM settings WHERE key = 'booking_rules'), '{}'::jsonb))
$$;

INSERT INTO settings (key, value) VALUES ('booking_rules', booking_rules_over('{}'::jsonb)) ON CONFLICT (key) DO NOTHING;

-- Whether a user holds a qualification valid on a day (no issue date: valid from always; no
-- expiry: valid for ever).
CREATE FUNCTION qualification_valid(p_user uuid, p_kind text, p_type text, p_day date) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM user_qualifications q
    WHERE q.user_id = p_user AND q.kind = p_kind AND q.aircraft_type_code IS NOT DISTINCT FROM p_type
      AND (q.issued_on IS NULL OR q.issued_on <= p_day)
      AND (q.expires_on IS NULL OR q.expires_on >= p_day))
$$;

-- The busiest rolling 24 h of DUAL flight time for a booking's instructor among the windows that
-- contain part of the booking, the booking included (its own stored row, if any, is not counted
-- twice). The busiest window starts at some flight's start or ends at some flight's end, so only
-- those windows are summed. Flown (COMPLETED) and dispatched lessons count as much as booked ones.
CREATE FUNCTION instructor_duty_peak(b bookings, OUT window_start timestamptz, OUT minutes integer)
LANGUAGE sql STABLE AS $$
  WITH flights AS (
    SELECT o.scheduled_at AS starts_at, o.ends_at
    FROM bookings o
    WHERE o.instructor_id = b.instructor_id
      -- Lessons last at most 12 h, so nothing starting earlier reaches into the windows.
      AND o.scheduled_at > b.scheduled_at - interval '36 hours'
      AND o.scheduled_at < b.ends_at + interval '24 hours'
      AND o.lesson_type = 'DUAL' AND o.id IS DISTINCT FROM b.id
      AND o.status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING', 'DISPATCHED', 'COMPLETED')
    UNION ALL
    SELECT b.scheduled_at, b.ends_at
  ), windows AS (
    SELECT DISTINCT w.starts_at
    FROM flights f
    CROSS JOIN LATERAL (VALUES (f.starts_at), (f.ends_at - interval '24 hours')) AS w (starts_at)
    WHERE w.starts_at > b.scheduled_at - interval '24 hours' AND w.starts_at < b.ends_at
  )
  SELECT w.starts_at,
         (SELECT round(sum(extract(epoch FROM least(f.ends_at, w.starts_at + interval '24 hours')
                                             - greatest(f.starts_at, w.starts_at))) / 60)::int
          FROM flights f
          WHERE f.starts_at < w.starts_at + interval '24 hours' AND f.ends_at > w.starts_at)
  FROM windows w
  ORDER BY 2 DESC, 1
  LIMIT 1
$$;
COMMENT ON FUNCTION instructor_duty_peak(bookings) IS 'The busiest rolling 24 h of DUAL minutes for the booking''s instructor among windows containing part of the booking.';

-- The local day of a booking at its departure airport, which qualifications and daylight are judged on.
CREATE FUNCTION booking_local_day(b bookings) RETURNS date
LANGUAGE sql STABLE AS $$
  SELECT (b.scheduled_at AT TIME ZONE coalesce((SELECT a.timezone FROM airports a WHERE a.icao = b.departure_airport), 'UTC'))::date
$$;

CREATE FUNCTION utc_text(t timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE AS $$ SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') $$;

-- One broken rule as the trigger expects it, in the mode the setting gives the rule.
CREATE FUNCTION rule_finding(rules jsonb, rule text, detail text) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_object('code', 'rule_failed', 'mode', rules -> rule ->> 'mode', 'overridable', true,
                            'rule', rule, 'detail', detail)
$$;

-- The people and sky rules (contract v1.1, "Rules for people and sky"), each as the setting's
-- mode says: block (refused unless an admin overrides), warn (kept in the booking's warnings),
-- off (not checked). Runs inside bookings_verify_rules after the people's rows are locked, so
-- the sums (duty minutes, active bookings) see every committed booking of the same people.
CREATE OR REPLACE FUNCTION booking_rule_findings(b bookings) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
  rules    jsonb := booking_rules() -> 'rules';
  broken   jsonb := '[]'::jsonb;
  flight_day date := booking_local_day(b);
  on_day   text;
  type_code text;
  twilight civil_twilight%ROWTYPE;
  duty     record;
  held     integer;
BEGIN
  on_day := to_char(flight_day, 'YYYY-MM-DD');
  IF b.lesson_type = 'DUAL' THEN
    IF rules -> 'instructor_certificate' ->> 'mode' <> 'off'
       AND NOT qualification_valid(b.instructor_id, 'CFI_CERTIFICATE', NULL, flight_day) THEN
      broken := broken || rule_finding(rules, 'instructor_certificate',
                                     'The instructor has no CFI certificate valid on ' || on_day || '.');
    END IF;
    IF rules -> 'instructor_duty' ->> 'mode' <> 'off' THEN
      SELECT * INTO duty FROM instructor_duty_peak(b);
      IF duty.minutes > (rules -> 'instructor_duty' ->> 'max_minutes')::int THEN
        broken := broken || (rule_finding(rules, 'instructor_duty',
                   format('The instructor would fly %s minutes of DUAL lessons between %s and %s, over the limit of %s in any 24 hours.',
                          duty.minutes, utc_text(duty.window_start), utc_text(duty.window_start + interval '24 hours'),
                          rules -> 'instructor_duty' ->> 'max_minutes'))
                 || jsonb_build_object('code', 'duty_limit_exceeded',
                      'window_start', utc_text(duty.window_start),
                      'window_end', utc_text(duty.window_start + interval '24 hours'),
                      'minutes', duty.minutes,
                      'limit_minutes', (rules -> 'instructor_duty' ->> 'max_minutes')::int));
      END IF;
    END IF;
  ELSE
    IF rules -> 'solo_endorsement' ->> 'mode' <> 'off' AND b.training_level = 'STUDENT_PILOT'
       AND NOT qualification_valid(b.student_id, 'SOLO_ENDORSEMENT', NULL, flight_day) THEN
      broken := broken || rule_finding(rules, 'solo_endorsement',
                                     'The student pilot has no solo endorsement valid on ' || on_day || '.');
    END IF;
    IF rules -> 'medical' ->> 'mode' <> 'off' AND NOT qualification_valid(b.student_id, 'MEDICAL', NULL, flight_day) THEN
      broken := broken || rule_finding(rules, 'medical', 'The student has no medical valid on ' || on_day || '.');
    END IF;
    IF rules -> 'flight_review' ->> 'mode' <> 'off' AND b.training_level IN ('PRIVATE_PILOT', 'INSTRUMENT_RATED')
       AND NOT qualification_valid(b.student_id, 'FLIGHT_REVIEW', NULL, flight_day) THEN
      broken := broken || rule_finding(rules, 'flight_review', 'The pilot has no flight review valid on ' || on_day || '.');
    END IF;
    IF rules -> 'aircraft_checkout' ->> 'mode' <> 'off' THEN
      SELECT p.type_code INTO type_code FROM aircraft p WHERE p.id = b.aircraft_id;
      IF NOT qualification_valid(b.student_id, 'AIRCRAFT_CHECKOUT', type_code, flight_day) THEN
        broken := broken || rule_finding(rules, 'aircraft_checkout',
                                       format('The student has no checkout in the %s valid on %s.', coalesce(type_code, 'aircraft'), on_day));
      END IF;
    END IF;
    IF rules -> 'daylight' ->> 'mode' <> 'off' AND (rules -> 'daylight' -> 'levels') ? b.training_level THEN
      SELECT * INTO twilight FROM civil_twilight t WHERE t.airport = b.departure_airport AND t.day = flight_day;
      IF NOT FOUND THEN
        broken := broken || rule_finding(rules, 'daylight',
                   format('Civil twilight at %s on %s is not known, so daylight cannot be confirmed.', b.departure_airport, on_day));
      ELSIF twilight.civil_dawn IS NULL THEN
        broken := broken || rule_finding(rules, 'daylight',
                   format('The sun stays below civil twilight at %s on %s.', b.departure_airport, on_day));
      ELSIF b.scheduled_at < twilight.civil_dawn OR b.ends_at > twilight.civil_dusk THEN
        broken := broken || rule_finding(rules, 'daylight',
                   format('A solo flight must start after civil dawn (%s) and end before civil dusk (%s) at %s.',
                          utc_text(twilight.civil_dawn), utc_text(twilight.civil_dusk), b.departure_airport));
      END IF;
    END IF;
  END IF;

  IF rules -> 'booking_horizon' ->> 'mode' <> 'off'
     AND b.scheduled_at > now() + make_interval(days => (rules -> 'booking_horizon' ->> 'days')::int) THEN
    broken := broken || rule_finding(rules, 'booking_horizon',
               format('Bookings can be made at most %s days ahead.', rules -> 'booking_horizon' ->> 'days'));
  END IF;
  IF rules -> 'student_active_bookings' ->> 'mode' <> 'off' AND b.ends_at > now() THEN
    SELECT count(*) + 1 INTO held
    FROM bookings o
    WHERE o.student_id = b.student_id AND o.id IS DISTINCT FROM b.id
      AND o.scheduled_at > now() - interval '12 hours' AND o.ends_at > now()
      AND o.status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING', 'DISPATCHED');
    IF held > (rules -> 'student_active_bookings' ->> 'max')::int THEN
      broken := broken || rule_finding(rules, 'student_active_bookings',
                 format('The student would hold %s active future bookings; the limit is %s.',
                        held, rules -> 'student_active_bookings' ->> 'max'));
    END IF;
  END IF;
  RETURN broken;
END
$$;

-- Down Migration

CREATE OR REPLACE FUNCTION booking_rule_findings(b bookings) RETURNS jsonb
LANGUAGE sql STABLE AS $$ SELECT '[]'::jsonb $$;
DROP FUNCTION IF EXISTS rule_finding(jsonb, text, text);
DROP FUNCTION IF EXISTS utc_text(timestamptz);
DROP FUNCTION IF EXISTS booking_local_day(bookings);
DROP FUNCTION IF EXISTS instructor_duty_peak(bookings);
DROP FUNCTION IF EXISTS qualification_valid(uuid, text, text, date);
DROP FUNCTION IF EXISTS booking_rules();
DROP FUNCTION IF EXISTS booking_rules_over(jsonb);
DROP FUNCTION IF EXISTS airport_runway_ends(text[]);
DELETE FROM settings WHERE key = 'booking_rules';
UPDATE settings s
SET value = (SELECT jsonb_object_agg(l.key, l.value - 'crosswind_max_kt') FROM jsonb_each(s.value) l)
WHERE s.key = 'weather_minimums';
DROP TABLE IF EXISTS civil_twilight;
DROP TABLE IF EXISTS airport_runways;
DROP TABLE IF EXISTS user_qualifications;
