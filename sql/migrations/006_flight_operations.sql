-- Up Migration

-- ---------------------------------------------------------------- airlines
CREATE TABLE airlines (
  code       text        PRIMARY KEY,
  icao       text,
  name       text        NOT NULL,
  country    text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- IATA airline designators: two characters, letters or a digit (e.g. B6).
  CONSTRAINT airlines_code_check CHECK (code ~ '^[A-Z0-9]{2}$'),
  CONSTRAINT airlines_icao_check CHECK (icao ~ '^[A-Z]{3}$'),
  CONSTRAINT airlines_icao_key UNIQUE (icao),
  CONSTRAINT airlines_name_check CHECK (length(btrim(name)) > 0)
);
COMMENT ON TABLE airlines IS 'Reference airlines keyed by IATA designator, for flight operations data.';

CREATE TRIGGER airlines_set_updated_at BEFORE UPDATE ON airlines
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- ---------------------------------------------------------------- ingestion logs
CREATE TABLE ingestion_logs (
  id             uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  source         text         NOT NULL,
  format         text         NOT NULL,
  status         text         NOT NULL DEFAULT 'RUNNING',
  rows_received  integer      NOT NULL DEFAULT 0,
  rows_inserted  integer      NOT NULL DEFAULT 0,
  rows_rejected  integer      NOT NULL DEFAULT 0,
  rows_duplicate integer      NOT NULL DEFAULT 0,
  quality_score  numeric(5,4),
  -- First errors as [{ row, message }].
  errors         jsonb        NOT NULL DEFAULT '[]',
  started_at     timestamptz  NOT NULL DEFAULT now(),
  finished_at    timestamptz,
  -- SET NULL: an import's record outlives the admin who ran it (the audit log keeps who).
  created_by     uuid         REFERENCES users (id) ON DELETE SET NULL,
  created_at     timestamptz  NOT NULL DEFAULT now(),
  updated_at     timestamptz  NOT NULL DEFAULT now(),
  CONSTRAINT ingestion_logs_source_check CHECK (length(source) BETWEEN 1 AND 200),
  CONSTRAINT ingestion_logs_format_check CHECK (format IN ('ndjson', 'csv')),
  -- SUCCEEDED: every row accepted; PARTIAL: some rows rejected; FAILED: the import itself failed.
  CONSTRAINT ingestion_logs_status_check CHECK (status IN ('RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED')),
  CONSTRAINT ingestion_logs_counts_check CHECK (
    rows_received >= 0 AND rows_inserted >= 0 AND rows_rejected >= 0 AND rows_duplicate >= 0
    AND rows_inserted + rows_rejected + rows_duplicate <= rows_received),
  CONSTRAINT ingestion_logs_quality_score_check CHECK (quality_score BETWEEN 0 AND 1),
  CONSTRAINT ingestion_logs_errors_check CHECK (jsonb_typeof(errors) = 'array'),
  CONSTRAINT ingestion_logs_finished_check CHECK (finished_at >= started_at)
);
COMMENT ON TABLE ingestion_logs IS 'One row per flight-data import: counts, quality score and the first errors.';

-- GET /v1/ingestions keyset pagination.
CREATE INDEX ingestion_logs_created_idx ON ingestion_logs (created_at, id);
CREATE INDEX ingestion_logs_created_by_idx ON ingestion_logs (created_by) WHERE created_by IS NOT NULL;

CREATE TRIGGER ingestion_logs_set_updated_at BEFORE UPDATE ON ingestion_logs
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- ---------------------------------------------------------------- flights
CREATE TABLE flights (
  id                      uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Computed by the ingestion from the row's identifying fields; re-sending a file inserts nothing.
  natural_key             text        NOT NULL,
  flight_number           text,
  -- RESTRICT: reference data referenced by operations data stays.
  airline_code            text        REFERENCES airlines (code) ON UPDATE CASCADE ON DELETE RESTRICT,
  -- RESTRICT: flights are analysed by airport; the airport must stay.
  origin                  text        NOT NULL REFERENCES airports (icao) ON DELETE RESTRICT,
  destination             text        NOT NULL REFERENCES airports (icao) ON DELETE RESTRICT,
  scheduled_departure     timestamptz NOT NULL,
  scheduled_arrival       timestamptz,
  actual_departure        timestamptz,
  actual_arrival          timestamptz,
  departure_delay_minutes integer,
  arrival_delay_minutes   integer,
  distance_miles          integer,
  status                  text,
  -- SET NULL: removing an import's log keeps the flights it brought in.
  ingestion_id            uuid        REFERENCES ingestion_logs (id) ON DELETE SET NULL,
  created_at              timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT flights_natural_key_key UNIQUE (natural_key),
  CONSTRAINT flights_natural_key_check CHECK (length(natural_key) BETWEEN 1 AND 200),
  CONSTRAINT flights_flight_number_check CHECK (length(flight_number) BETWEEN 1 AND 10),
  -- Delays beyond two days are data errors, not delays.
  CONSTRAINT flights_departure_delay_check CHECK (departure_delay_minutes BETWEEN -2880 AND 2880),
  CONSTRAINT flights_arrival_delay_check CHECK (arrival_delay_minutes BETWEEN -2880 AND 2880),
  CONSTRAINT flights_scheduled_order_check CHECK (scheduled_arrival >= scheduled_departure),
  CONSTRAINT flights_actual_order_check CHECK (actual_arrival >= actual_departure),
  CONSTRAINT flights_distance_check CHECK (distance_miles BETWEEN 1 AND 13000),
  -- Free label from the source, normalised to an upper-case word (e.g. LANDED, CANCELLED).
  CONSTRAINT flights_status_check CHECK (status ~ '^[A-Z][A-Z_]{0,19}$')
);
COMMENT ON TABLE flights IS 'Historical flight operations (scheduled/actual times, delays) imported for delay and congestion analysis.';

-- Analytics and GET /v1/flights filter by airport or airline over a time range.
CREATE INDEX flights_origin_departure_idx ON flights (origin, scheduled_departure);
CREATE INDEX flights_destination_departure_idx ON flights (destination, scheduled_departure);
CREATE INDEX flights_airline_departure_idx ON flights (airline_code, scheduled_departure)
  WHERE airline_code IS NOT NULL;
-- Unfiltered listing with keyset pagination.
CREATE INDEX flights_departure_id_idx ON flights (scheduled_departure, id);
CREATE INDEX flights_ingestion_idx ON flights (ingestion_id) WHERE ingestion_id IS NOT NULL;

-- ---------------------------------------------------------------- analysis results
CREATE TABLE analysis_results (
  id              uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  type            text         NOT NULL,
  params          jsonb        NOT NULL DEFAULT '{}',
  metrics         jsonb        NOT NULL DEFAULT '{}',
  recommendations jsonb        NOT NULL DEFAULT '[]',
  confidence      numeric(4,3),
  -- SET NULL: a stored analysis stays after its author is gone.
  created_by      uuid         REFERENCES users (id) ON DELETE SET NULL,
  created_at      timestamptz  NOT NULL DEFAULT now(),
  CONSTRAINT analysis_results_type_check CHECK (type IN ('delay_summary', 'congestion')),
  CONSTRAINT analysis_results_confidence_check CHECK (confidence BETWEEN 0 AND 1),
  CONSTRAINT analysis_results_params_check CHECK (jsonb_typeof(params) = 'object'),
  CONSTRAINT analysis_results_recommendations_check CHECK (jsonb_typeof(recommendations) = 'array')
);
COMMENT ON TABLE analysis_results IS 'Stored results of delay and congestion analyses over the flight data.';

CREATE INDEX analysis_results_created_idx ON analysis_results (created_at, id);
CREATE INDEX analysis_results_type_created_idx ON analysis_results (type, created_at, id);
CREATE INDEX analysis_results_created_by_idx ON analysis_results (created_by) WHERE created_by IS NOT NULL;

-- Down Migration

DROP TABLE IF EXISTS analysis_results;
DROP TABLE IF EXISTS flights;
DROP TABLE IF EXISTS ingestion_logs;
DROP TABLE IF EXISTS airlines;
