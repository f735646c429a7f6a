-- Up Migration

-- ---------------------------------------------------------------- availability
CREATE TABLE availability_patterns (
  id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  -- CASCADE: a person's availability means nothing once the person is gone.
  user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  day_of_week smallint    NOT NULL,
  start_time  time        NOT NULL,
  end_time    time        NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  -- 0 = Sunday .. 6 = Saturday, as in the contract (and extract(dow)).
  CONSTRAINT availability_patterns_day_of_week_check CHECK (day_of_week BETWEEN 0 AND 6),
  -- Wall-clock times in the user's timezone; '24:00' is allowed as an end of day.
  CONSTRAINT availability_patterns_time_order_check CHECK (end_time > start_time)
);
COMMENT ON TABLE availability_patterns IS 'Weekly recurring availability windows per user, wall-clock in the user''s timezone.';

CREATE INDEX availability_patterns_user_day_idx ON availability_patterns (user_id, day_of_week, start_time);

CREATE TRIGGER availability_patterns_set_updated_at BEFORE UPDATE ON availability_patterns
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE availability_overrides (
  id         uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  -- CASCADE: same reasoning as availability_patterns.
  user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  date       date        NOT NULL,
  start_time time,
  end_time   time,
  is_blocked boolean     NOT NULL DEFAULT true,
  reason     text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Both times omitted means the whole day.
  CONSTRAINT availability_overrides_times_both_or_neither_check
    CHECK ((start_time IS NULL) = (end_time IS NULL)),
  CONSTRAINT availability_overrides_time_order_check CHECK (end_time > start_time),
  CONSTRAINT availability_overrides_reason_check CHECK (length(reason) <= 500)
);
COMMENT ON TABLE availability_overrides IS 'Date-specific exceptions to a user''s weekly pattern: blocked or extra-available time, or a whole day.';

CREATE INDEX availability_overrides_user_date_idx ON availability_overrides (user_id, date);

CREATE TRIGGER availability_overrides_set_updated_at BEFORE UPDATE ON availability_overrides
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- ---------------------------------------------------------------- bookings
CREATE TABLE bookings (
  id                      uuid             PRIMARY KEY DEFAULT gen_random_uuid(),
  -- RESTRICT on people, aircraft and airports: booking history must not vanish with them.
  student_id              uuid             NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  instructor_id           uuid             NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  aircraft_id             uuid             REFERENCES aircraft (id) ON DELETE RESTRICT,
  departure_airport       text             NOT NULL REFERENCES airports (icao) ON DELETE RESTRICT,
  arrival_airport         text             NOT NULL REFERENCES airports (icao) ON DELETE RESTRICT,
  departure_latitude      double precision NOT NULL,
  departure_longitude     double precision NOT NULL,
  arrival_latitude        double precision NOT NULL,
  arrival_longitude       double precision NOT NULL,
  scheduled_at            timestamptz      NOT NULL,
  -- Maintained by bookings_set_ends_at (timestamptz + interval is not immutable, so it
  -- cannot be a generated column); whatever a writer puts here is overwritten.
  ends_at                 timestamptz      NOT NULL,
  duration_minutes        integer          NOT NULL DEFAULT 60,
  status                  text             NOT NULL DEFAULT 'CONFIRMED',
  training_level          text             NOT NULL,
  -- RESTRICT: the reschedule chain is history too.
  original_booking_id     uuid             REFERENCES bookings (id) ON DELETE RESTRICT,
  -- Deferred so a resolver can mark the original RESCHEDULED (freeing its slot for the
  -- exclusion constraints) before inserting the replacement it points to.
  rescheduled_to          uuid             REFERENCES bookings (id) ON DELETE RESTRICT
                                           DEFERRABLE INITIALLY DEFERRED,
  weather_status          text,
  weather_checked_at      timestamptz,
  cancel_reason           text,
  -- SET NULL: who cancelled/created is also in the audit log; the booking itself must stay.
  cancelled_by            uuid             REFERENCES users (id) ON DELETE SET NULL,
  created_by              uuid             REFERENCES users (id) ON DELETE SET NULL,
  availability_overridden boolean          NOT NULL DEFAULT false,
  created_at              timestamptz      NOT NULL DEFAULT now(),
  updated_at              timestamptz      NOT NULL DEFAULT now(),
  CONSTRAINT bookings_duration_minutes_check CHECK (duration_minutes BETWEEN 15 AND 720),
  CONSTRAINT bookings_time_order_check CHECK (ends_at > scheduled_at),
  CONSTRAINT bookings_status_check CHECK (status IN
    ('CONFIRMED', 'AT_RISK', 'RESCHEDULING', 'RESCHEDULED', 'CANCELLED', 'COMPLETED')),
  CONSTRAINT bookings_training_level_check
    CHECK (training_level IN ('STUDENT_PILOT', 'PRIVATE_PILOT', 'INSTRUMENT_RATED')),
  CONSTRAINT bookings_weather_status_check CHECK (weather_status IN ('OK', 'VIOLATION', 'UNKNOWN')),
  CONSTRAINT bookings_departure_latitude_check CHECK (departure_latitude BETWEEN -90 AND 90),
  CONSTRAINT bookings_departure_longitude_check CHECK (departure_longitude BETWEEN -180 AND 180),
  CONSTRAINT bookings_arrival_latitude_check CHECK (arrival_latitude BETWEEN -90 AND 90),
  CONSTRAINT bookings_arrival_longitude_check CHECK (arrival_longitude BETWEEN -180 AND 180),
  CONSTRAINT bookings_distinct_people_check CHECK (student_id <> instructor_id),
  CONSTRAINT bookings_original_not_self_check CHECK (original_booking_id <> id),
  CONSTRAINT bookings_rescheduled_to_not_self_check CHECK (rescheduled_to <> id),
  -- A RESCHEDULED booking always points at its replacement, and only it does.
  CONSTRAINT bookings_rescheduled_to_check CHECK ((status = 'RESCHEDULED') = (rescheduled_to IS NOT NULL)),
  CONSTRAINT bookings_cancel_reason_check CHECK (length(cancel_reason) <= 1000),
  -- No double booking of a student, instructor or aircraft among active bookings, under any
  -- concurrency. The application maps these constraint names to booking_conflict resources.
  CONSTRAINT bookings_student_no_overlap EXCLUDE USING gist (
    student_id WITH =, tstzrange(scheduled_at, ends_at, '[)') WITH &&
  ) WHERE (status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING')),
  CONSTRAINT bookings_instructor_no_overlap EXCLUDE USING gist (
    instructor_id WITH =, tstzrange(scheduled_at, ends_at, '[)') WITH &&
  ) WHERE (status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING')),
  CONSTRAINT bookings_aircraft_no_overlap EXCLUDE USING gist (
    aircraft_id WITH =, tstzrange(scheduled_at, ends_at, '[)') WITH &&
  ) WHERE (status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING'))
);
COMMENT ON TABLE bookings IS 'Training flights: student, instructor, optional aircraft and route at a time; active ones (CONFIRMED, AT_RISK, RESCHEDULING) never overlap per resource.';

CREATE FUNCTION bookings_set_ends_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.ends_at := NEW.scheduled_at + make_interval(mins => NEW.duration_minutes);
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION bookings_set_ends_at() IS 'BEFORE INSERT/UPDATE trigger: ends_at = scheduled_at + duration_minutes.';

CREATE TRIGGER bookings_set_ends_at BEFORE INSERT OR UPDATE ON bookings
  FOR EACH ROW EXECUTE FUNCTION bookings_set_ends_at();
CREATE TRIGGER bookings_set_updated_at BEFORE UPDATE ON bookings
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Per-person and per-aircraft timelines (lists, availability, overlap reporting).
CREATE INDEX bookings_student_scheduled_idx ON bookings (student_id, scheduled_at);
CREATE INDEX bookings_instructor_scheduled_idx ON bookings (instructor_id, scheduled_at);
CREATE INDEX bookings_aircraft_scheduled_idx ON bookings (aircraft_id, scheduled_at)
  WHERE aircraft_id IS NOT NULL;
-- Jobs scan active bookings by start time (weather window, completion sweep).
CREATE INDEX bookings_active_status_scheduled_idx ON bookings (status, scheduled_at)
  WHERE status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING');
-- GET /v1/bookings keyset pagination on (scheduled_at, id).
CREATE INDEX bookings_scheduled_id_idx ON bookings (scheduled_at, id);
-- Foreign keys looked up on delete/reschedule paths.
CREATE INDEX bookings_original_booking_idx ON bookings (original_booking_id)
  WHERE original_booking_id IS NOT NULL;
CREATE INDEX bookings_rescheduled_to_idx ON bookings (rescheduled_to)
  WHERE rescheduled_to IS NOT NULL;
CREATE INDEX bookings_departure_airport_idx ON bookings (departure_airport);
CREATE INDEX bookings_arrival_airport_idx ON bookings (arrival_airport);

-- Down Migration

DROP TABLE IF EXISTS bookings;
DROP FUNCTION IF EXISTS bookings_set_ends_at();
DROP TABLE IF EXISTS availability_overrides;
DROP TABLE IF EXISTS availability_patterns;
