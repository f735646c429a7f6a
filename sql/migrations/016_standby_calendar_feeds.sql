-- Up Migration

-- Standby lists promoted when a slot frees up, and per-user calendar feeds. (The cancellation
-- policy needs no schema of its own: its columns came with the v1.1 bookings.)

-- ---------------------------------------------------------------- calendar feeds
-- SEQUENCE of a booking's calendar event (RFC 5545 3.8.7.4): it rises with every change, so
-- calendar clients replace the copy they hold.
ALTER TABLE bookings ADD COLUMN sequence integer NOT NULL DEFAULT 0;

CREATE FUNCTION bookings_bump_sequence() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.sequence := OLD.sequence + 1;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION bookings_bump_sequence() IS 'BEFORE UPDATE trigger: every change of a booking raises its calendar SEQUENCE.';

CREATE TRIGGER bookings_bump_sequence BEFORE UPDATE ON bookings
  FOR EACH ROW EXECUTE FUNCTION bookings_bump_sequence();

-- One secret feed URL per user. Only the SHA-256 of its token is kept, so a database leak does
-- not hand out anyone's schedule; a new token replaces the row, which revokes the old one.
CREATE TABLE calendar_feeds (
  -- CASCADE: a feed means nothing once its person is gone.
  user_id    uuid        PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  token_hash text        NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT calendar_feeds_token_hash_key UNIQUE (token_hash),
  CONSTRAINT calendar_feeds_token_hash_check CHECK (token_hash ~ '^[0-9a-f]{64}$')
);
COMMENT ON TABLE calendar_feeds IS 'The current secret calendar feed of a user, by the SHA-256 of its token; rotating replaces it.';

-- ---------------------------------------------------------------- standby
CREATE TABLE standby_entries (
  id                 uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  -- CASCADE: a person's wishes go with the person (a promoted entry's booking stays).
  student_id         uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  departure_airport  text        NOT NULL REFERENCES airports (icao) ON DELETE RESTRICT,
  window_start       timestamptz NOT NULL,
  window_end         timestamptz NOT NULL,
  duration_minutes   integer     NOT NULL,
  -- Null: any free instructor.
  instructor_id      uuid        REFERENCES users (id) ON DELETE CASCADE,
  -- Null: no aircraft (ground or simulator lesson); else any airworthy aircraft of the type.
  aircraft_type_code text        REFERENCES aircraft_types (code) ON UPDATE CASCADE ON DELETE RESTRICT,
  lesson_type        text        NOT NULL DEFAULT 'DUAL',
  status             text        NOT NULL DEFAULT 'WAITING',
  -- RESTRICT: the booking a promotion made is history.
  booking_id         uuid        REFERENCES bookings (id) ON DELETE RESTRICT,
  created_by         uuid        REFERENCES users (id) ON DELETE SET NULL,
  promoted_at        timestamptz,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT standby_entries_window_order_check CHECK (window_end > window_start),
  CONSTRAINT standby_entries_window_length_check CHECK (window_end - window_start <= interval '14 days'),
  CONSTRAINT standby_entries_duration_check CHECK (duration_minutes BETWEEN 15 AND 720),
  CONSTRAINT standby_entries_duration_fits_check
    CHECK (window_start + make_interval(mins => duration_minutes) <= window_end),
  CONSTRAINT standby_entries_lesson_type_check CHECK (lesson_type IN ('DUAL', 'SOLO')),
  -- A solo student flies an aircraft; the entry must say of which type.
  CONSTRAINT standby_entries_solo_type_check CHECK (lesson_type = 'DUAL' OR aircraft_type_code IS NOT NULL),
  CONSTRAINT standby_entries_status_check CHECK (status IN ('WAITING', 'PROMOTED', 'WITHDRAWN', 'EXPIRED')),
  CONSTRAINT standby_entries_promoted_check
    CHECK ((status = 'PROMOTED') = (booking_id IS NOT NULL) AND (status = 'PROMOTED') = (promoted_at IS NOT NULL)),
  -- A booking made by promotion belongs to one entry: a freed slot goes to one entry.
  CONSTRAINT standby_entries_booking_key UNIQUE (booking_id),
  CONSTRAINT standby_entries_distinct_people_check CHECK (instructor_id <> student_id)
);
COMMENT ON TABLE standby_entries IS 'Students waiting for a slot at an airport within a window; promoted oldest first to a booking when one frees up.';

-- Promotion scans an airport's waiting entries oldest first; expiry scans them by window end.
CREATE INDEX standby_entries_waiting_idx ON standby_entries (departure_airport, created_at, id)
  WHERE status = 'WAITING';
CREATE INDEX standby_entries_waiting_end_idx ON standby_entries (window_end) WHERE status = 'WAITING';
-- GET /v1/standby keyset pagination on (created_at, id), per student or overall.
CREATE INDEX standby_entries_student_created_idx ON standby_entries (student_id, created_at, id);
CREATE INDEX standby_entries_created_idx ON standby_entries (created_at, id);

CREATE TRIGGER standby_entries_set_updated_at BEFORE UPDATE ON standby_entries
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Whether an instructor could teach a DUAL lesson in the span: inside their availability and
-- not teaching another DUAL lesson then (the insert's constraints decide; this only picks).
CREATE FUNCTION standby_instructor_free(p_instructor uuid, p_span tstzrange) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT user_available_during(p_instructor, lower(p_span), upper(p_span))
     AND NOT EXISTS (
       SELECT 1 FROM bookings b
       WHERE b.instructor_id = p_instructor AND b.lesson_type = 'DUAL'
         AND b.status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING', 'DISPATCHED')
         AND tstzrange(b.scheduled_at, b.ends_at, '[)') && p_span)
$$;

-- Promotes waiting entries at p_airport into bookings starting between p_from and p_until,
-- oldest entry first, at most p_max of them (null: as many as fit), and returns how many.
-- An entry is locked before it is tried, so concurrent promoters queue on it and the later one
-- finds it PROMOTED: an entry is promoted at most once. Each try is the ordinary INSERT into
-- bookings in its own subtransaction, so the exclusion constraints and bookings_verify_rules
-- (airworthiness, people rules, duty time) decide; a refused try is undone and the next
-- candidate tried. Candidates, in order: start times from the earliest, 15 minutes apart; the
-- named instructor, else p_instructor (whose slot freed up), then the student's own
-- instructors, then any instructor available then; the aircraft p_aircraft when it is of the
-- entry's type, then the others of the type based at the airport.
-- p_instructor: only entries naming no instructor or this one. p_type: only entries of this type.
CREATE FUNCTION standby_promote(
  p_airport text, p_from timestamptz, p_until timestamptz, p_instructor uuid, p_aircraft uuid,
  p_type text, p_max integer, p_actor uuid
) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  entry      standby_entries%ROWTYPE;
  starts_at  timestamptz;
  span       tstzrange;
  teacher    uuid;
  plane      uuid;
  made       bookings%ROWTYPE;
  tries      integer;
  promoted   integer := 0;
  contended  boolean := false;
  -- Each entry gets a bounded number of tries, so one cancellation never turns into a search.
  max_tries  constant integer := 8;
  earliest   constant timestamptz := date_bin('15 minutes', now(), timestamptz 'epoch') + interval '15 minutes';
BEGIN
  FOR entry IN
    SELECT * FROM standby_entries s
    WHERE s.status = 'WAITING' AND s.departure_airport = p_airport
      AND s.window_end > greatest(p_from, earliest) AND s.window_start <= p_until
      AND (p_instructor IS NULL OR s.instructor_id IS NULL OR s.instructor_id = p_instructor)
      AND (p_type IS NULL OR s.aircraft_type_code = p_type)
    ORDER BY s.created_at, s.id
  LOOP
    EXIT WHEN promoted >= p_max;
    PERFORM 1 FROM standby_entries WHERE id = entry.id AND status = 'WAITING' FOR UPDATE;
    CONTINUE WHEN NOT FOUND;
    made := NULL;
    tries := 0;
    <<slots>>
    FOR starts_at IN
      SELECT generate_series(greatest(entry.window_start, p_from, earliest),
                             least(entry.window_end - make_interval(mins => entry.duration_minutes), p_until),
                             interval '15 minutes')
    LOOP
      span := tstzrange(starts_at, starts_at + make_interval(mins => entry.duration_minutes), '[)');
      CONTINUE WHEN EXISTS (
        SELECT 1 FROM bookings b
        WHERE b.student_id = entry.student_id AND b.status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING', 'DISPATCHED')
          AND tstzrange(b.scheduled_at, b.ends_at, '[)') && span);
      FOR teacher, plane IN
        SELECT i.id, a.id
        FROM (
          SELECT c.id, c.rank FROM (
            SELECT entry.instructor_id AS id, 1 AS rank WHERE entry.instructor_id IS NOT NULL
            UNION ALL
            SELECT p_instructor, 2 WHERE entry.instructor_id IS NULL AND p_instructor IS NOT NULL
            UNION ALL
            (SELECT b.instructor_id, 3 FROM bookings b
             WHERE entry.instructor_id IS NULL AND b.student_id = entry.student_id
             GROUP BY b.instructor_id ORDER BY max(b.scheduled_at) DESC LIMIT 3)
            UNION ALL
            -- Stops at the first two free ones: the whole staff is never checked.
            (SELECT u.id, 4 FROM users u
             WHERE entry.instructor_id IS NULL AND u.role = 'INSTRUCTOR'
               AND (entry.lesson_type = 'SOLO' OR standby_instructor_free(u.id, span))
             LIMIT 2)
          ) c
          JOIN users u ON u.id = c.id AND u.role = 'INSTRUCTOR' AND u.id <> entry.student_id
          WHERE c.rank = 4 OR entry.lesson_type = 'SOLO' OR standby_instructor_free(c.id, span)
          ORDER BY c.rank
          LIMIT 2
        ) i
        CROSS JOIN (
          SELECT NULL::uuid AS id, 0 AS rank WHERE entry.aircraft_type_code IS NULL
          UNION ALL
          (SELECT p.id, row_number() OVER (ORDER BY p.id IS NOT DISTINCT FROM p_aircraft DESC, p.tail_number)
           FROM aircraft p
           WHERE entry.aircraft_type_code IS NOT NULL AND p.type_code = entry.aircraft_type_code
             AND p.status = 'AVAILABLE' AND (p.id = p_aircraft OR p.home_airport = entry.departure_airport)
             AND NOT EXISTS (
               SELECT 1 FROM bookings b
               WHERE b.aircraft_id = p.id AND b.status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING', 'DISPATCHED')
                 AND tstzrange(b.scheduled_at, b.ends_at, '[)') && span)
           ORDER BY 2
           LIMIT 2)
        ) a
        ORDER BY i.rank, a.rank
      LOOP
        tries := tries + 1;
        BEGIN
          INSERT INTO bookings (student_id, instructor_id, aircraft_id, departure_airport, arrival_airport,
                                departure_latitude, departure_longitude, arrival_latitude, arrival_longitude,
                                scheduled_at, duration_minutes, training_level, created_by, lesson_type)
          SELECT entry.student_id, teacher, plane, ap.icao, ap.icao, ap.latitude, ap.longitude, ap.latitude, ap.longitude,
                 starts_at, entry.duration_minutes, s.training_level, p_actor, entry.lesson_type
          FROM airports ap, users s
          WHERE ap.icao = entry.departure_airport AND s.id = entry.student_id AND s.role = 'STUDENT'
          RETURNING * INTO made;
          EXIT slots WHEN made.id IS NOT NULL;
        EXCEPTION
          WHEN exclusion_violation OR SQLSTATE 'SK409' THEN
            -- Taken meanwhile, or against the rules: this try is undone.
            made := NULL;
          WHEN deadlock_detected THEN
            -- A writer booking these people right now waits for this transaction's freed slot
            -- while holding what this try needs: the slot is theirs. Undone, and the promotion
            -- ends, so the transaction that freed the slot still commits.
            contended := true;
            made := NULL;
        END;
        EXIT slots WHEN tries >= max_tries OR contended;
      END LOOP;
    END LOOP;
    EXIT WHEN contended;
    CONTINUE WHEN made.id IS NULL;

    UPDATE standby_entries SET status = 'PROMOTED', booking_id = made.id, promoted_at = now() WHERE id = entry.id;
    INSERT INTO notifications (user_id, type, booking_id, title, body, data, dedupe_key)
    VALUES (made.student_id, 'STANDBY_PROMOTED', made.id, 'Off the standby list',
            'A slot freed up: your flight from ' || made.departure_airport || ' is booked for '
              || to_char(made.scheduled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC.',
            jsonb_build_object('standby_entry_id', entry.id, 'scheduled_at', made.scheduled_at, 'ends_at', made.ends_at),
            'standby_promoted:' || entry.id);
    INSERT INTO notifications (user_id, type, booking_id, title, body, data)
    VALUES (made.instructor_id, 'CONFIRMATION', made.id, 'Flight booked',
            'A training flight from ' || made.departure_airport || ' is booked for '
              || to_char(made.scheduled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC (from the standby list).',
            jsonb_build_object('scheduled_at', made.scheduled_at, 'ends_at', made.ends_at, 'standby_entry_id', entry.id));
    INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata) VALUES
      ('standby_entry', entry.id::text, 'standby.promoted', p_actor,
       jsonb_build_object('from', 'WAITING', 'to', 'PROMOTED', 'booking_id', made.id)),
      ('booking', made.id::text, 'booking.created', p_actor,
       jsonb_build_object('student_id', made.student_id, 'instructor_id', made.instructor_id,
                          'aircraft_id', made.aircraft_id, 'scheduled_at', made.scheduled_at,
                          'duration_minutes', made.duration_minutes, 'lesson_type', made.lesson_type,
                          'warnings', made.warnings, 'via', 'standby', 'standby_entry_id', entry.id));
    promoted := promoted + 1;
  END LOOP;
  RETURN promoted;
END
$$;
COMMENT ON FUNCTION standby_promote(text, timestamptz, timestamptz, uuid, uuid, text, integer, uuid) IS
  'Promotes waiting standby entries at an airport, oldest first, into bookings starting in [p_from, p_until] through the ordinary booking insert; returns how many.';

-- For an aircraft back in service (its grounding ended): every waiting entry for its type at its
-- home airport that now fits is promoted. Call it in the transaction that ends the grounding.
CREATE FUNCTION standby_promote_for_aircraft(p_aircraft uuid, p_actor uuid) RETURNS integer
LANGUAGE sql AS $$
  SELECT coalesce((
    SELECT standby_promote(a.home_airport, now(), 'infinity', NULL, a.id, a.type_code, NULL, p_actor)
    FROM aircraft a WHERE a.id = p_aircraft AND a.status = 'AVAILABLE'
  ), 0)
$$;
COMMENT ON FUNCTION standby_promote_for_aircraft(uuid, uuid) IS
  'Promotes the waiting standby entries an aircraft returned to service can serve; returns how many.';

-- A booking leaving the active set (cancelled, rescheduled away) frees its slot for one waiting
-- entry. Deferred to the end of the transaction, so whatever else the transaction does first
-- (reschedule_resolve inserting the replacement) has its slot before the standby list does.
CREATE FUNCTION bookings_promote_standby() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM standby_promote(NEW.departure_airport, NEW.scheduled_at, NEW.ends_at - interval '1 minute',
                          NEW.instructor_id, NEW.aircraft_id, NULL, 1,
                          CASE WHEN NEW.status = 'CANCELLED' THEN NEW.cancelled_by END);
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION bookings_promote_standby() IS
  'Deferred AFTER UPDATE trigger: a booking leaving the active set promotes the oldest waiting standby entry its slot fits.';

CREATE CONSTRAINT TRIGGER bookings_promote_standby AFTER UPDATE OF status ON bookings
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW
  WHEN (OLD.status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING', 'DISPATCHED') AND NEW.status IN ('CANCELLED', 'RESCHEDULED'))
  EXECUTE FUNCTION bookings_promote_standby();

-- Down Migration

DROP TRIGGER IF EXISTS bookings_promote_standby ON bookings;
DROP FUNCTION IF EXISTS bookings_promote_standby();
DROP FUNCTION IF EXISTS standby_promote_for_aircraft(uuid, uuid);
DROP FUNCTION IF EXISTS standby_instructor_free(uuid, tstzrange);
DROP FUNCTION IF EXISTS standby_promote(text, timestamptz, timestamptz, uuid, uuid, text, integer, uuid);
DROP TABLE IF EXISTS standby_entries;
DROP TABLE IF EXISTS calendar_feeds;
DROP TRIGGER IF EXISTS bookings_bump_sequence ON bookings;
DROP FUNCTION IF EXISTS bookings_bump_sequence();
ALTER TABLE bookings DROP COLUMN IF EXISTS sequence;
