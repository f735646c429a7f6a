-- Up Migration

-- ---------------------------------------------------------------- users
CREATE TABLE users (
  id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  auth_subject   text        NOT NULL,
  email          text        NOT NULL,
  first_name     text        NOT NULL,
  last_name      text        NOT NULL,
  phone_number   text,
  role           text        NOT NULL,
  training_level text,
  timezone       text        NOT NULL DEFAULT 'UTC',
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT users_auth_subject_key UNIQUE (auth_subject),
  CONSTRAINT users_auth_subject_check CHECK (length(auth_subject) BETWEEN 1 AND 255),
  CONSTRAINT users_email_check CHECK (email ~ '^[^@\s]+@[^@\s]+$' AND length(email) <= 320),
  CONSTRAINT users_first_name_check CHECK (length(btrim(first_name)) BETWEEN 1 AND 100),
  CONSTRAINT users_last_name_check CHECK (length(btrim(last_name)) BETWEEN 1 AND 100),
  CONSTRAINT users_role_check CHECK (role IN ('STUDENT', 'INSTRUCTOR', 'ADMIN')),
  CONSTRAINT users_training_level_check
    CHECK (training_level IN ('STUDENT_PILOT', 'PRIVATE_PILOT', 'INSTRUMENT_RATED')),
  -- A student's level drives the weather minimums, so a student without one is invalid.
  CONSTRAINT users_student_training_level_check
    CHECK (role <> 'STUDENT' OR training_level IS NOT NULL),
  CONSTRAINT users_timezone_check CHECK (length(timezone) BETWEEN 1 AND 64)
);
COMMENT ON TABLE users IS 'People who use the service; auth_subject links a JWT sub to a row, and the role comes from here, never from the token.';

-- Emails are unique regardless of case (the contract answers a duplicate with 409 conflict).
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));
-- GET /v1/users?role= with keyset pagination on (created_at, id).
CREATE INDEX users_role_created_idx ON users (role, created_at, id);
CREATE INDEX users_created_idx ON users (created_at, id);

CREATE TRIGGER users_set_updated_at BEFORE UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- ---------------------------------------------------------------- airports
CREATE TABLE airports (
  icao                     text             PRIMARY KEY,
  iata                     text,
  name                     text             NOT NULL,
  city                     text,
  country                  text,
  latitude                 double precision NOT NULL,
  longitude                double precision NOT NULL,
  elevation_ft             integer,
  timezone                 text,
  runway_capacity_per_hour integer,
  created_at               timestamptz      NOT NULL DEFAULT now(),
  updated_at               timestamptz      NOT NULL DEFAULT now(),
  -- ICAO location indicators are four characters; a few Canadian/US fields use digits.
  CONSTRAINT airports_icao_check CHECK (icao ~ '^[A-Z0-9]{4}$'),
  CONSTRAINT airports_iata_check CHECK (iata ~ '^[A-Z0-9]{3}$'),
  -- Unique only when present (NULLs never collide), so IATA resolves to exactly one airport.
  CONSTRAINT airports_iata_key UNIQUE (iata),
  CONSTRAINT airports_latitude_check CHECK (latitude BETWEEN -90 AND 90),
  CONSTRAINT airports_longitude_check CHECK (longitude BETWEEN -180 AND 180),
  CONSTRAINT airports_elevation_ft_check CHECK (elevation_ft BETWEEN -1500 AND 30000),
  CONSTRAINT airports_runway_capacity_check CHECK (runway_capacity_per_hour > 0),
  CONSTRAINT airports_name_check CHECK (length(btrim(name)) > 0)
);
COMMENT ON TABLE airports IS 'Reference airports keyed by ICAO code (OpenFlights data), with IANA timezone and optional hourly runway capacity.';

-- q= search over name and city; one multicolumn trigram index serves ILIKE on either column.
CREATE INDEX airports_search_trgm_idx ON airports USING gin (name gin_trgm_ops, city gin_trgm_ops);
-- country= filter with keyset pagination on icao.
CREATE INDEX airports_country_icao_idx ON airports (country, icao);

CREATE TRIGGER airports_set_updated_at BEFORE UPDATE ON airports
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- ---------------------------------------------------------------- aircraft types
CREATE TABLE aircraft_types (
  code            text        PRIMARY KEY,
  manufacturer    text        NOT NULL,
  model           text        NOT NULL,
  engines         smallint    NOT NULL,
  seats           smallint    NOT NULL,
  cruise_speed_kt integer     NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  -- ICAO aircraft type designators: 2 to 4 characters, e.g. C172, P28A, DA40.
  CONSTRAINT aircraft_types_code_check CHECK (code ~ '^[A-Z][A-Z0-9]{1,3}$'),
  CONSTRAINT aircraft_types_engines_check CHECK (engines BETWEEN 1 AND 4),
  CONSTRAINT aircraft_types_seats_check CHECK (seats BETWEEN 1 AND 20),
  CONSTRAINT aircraft_types_cruise_speed_check CHECK (cruise_speed_kt BETWEEN 30 AND 400)
);
COMMENT ON TABLE aircraft_types IS 'Reference aircraft types keyed by ICAO type designator.';

CREATE TRIGGER aircraft_types_set_updated_at BEFORE UPDATE ON aircraft_types
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- ---------------------------------------------------------------- aircraft
CREATE TABLE aircraft (
  id                 uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  tail_number        text        NOT NULL,
  -- RESTRICT: a type still flown by the fleet must not disappear from the reference data.
  type_code          text        NOT NULL REFERENCES aircraft_types (code) ON UPDATE CASCADE ON DELETE RESTRICT,
  -- RESTRICT: an aircraft's home base must stay resolvable.
  home_airport       text        NOT NULL REFERENCES airports (icao) ON DELETE RESTRICT,
  crosswind_limit_kt integer,
  status             text        NOT NULL DEFAULT 'AVAILABLE',
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT aircraft_tail_number_key UNIQUE (tail_number),
  -- Registrations are stored upper-case so uniqueness is case-proof.
  CONSTRAINT aircraft_tail_number_check CHECK (tail_number ~ '^[A-Z0-9][A-Z0-9-]{1,9}$'),
  CONSTRAINT aircraft_crosswind_limit_check CHECK (crosswind_limit_kt BETWEEN 1 AND 60),
  CONSTRAINT aircraft_status_check CHECK (status IN ('AVAILABLE', 'MAINTENANCE', 'RETIRED'))
);
COMMENT ON TABLE aircraft IS 'The school''s fleet: one row per airframe, bookable unless in maintenance or retired.';

CREATE INDEX aircraft_type_code_idx ON aircraft (type_code);
CREATE INDEX aircraft_home_airport_idx ON aircraft (home_airport);
CREATE INDEX aircraft_created_idx ON aircraft (created_at, id);

CREATE TRIGGER aircraft_set_updated_at BEFORE UPDATE ON aircraft
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Down Migration

DROP TABLE IF EXISTS aircraft;
DROP TABLE IF EXISTS aircraft_types;
DROP TABLE IF EXISTS airports;
DROP TABLE IF EXISTS users;
