-- Up Migration

-- The command-line import also reads JSON arrays and Parquet files and logs its runs here.
ALTER TABLE ingestion_logs DROP CONSTRAINT ingestion_logs_format_check;
ALTER TABLE ingestion_logs ADD CONSTRAINT ingestion_logs_format_check
  CHECK (format IN ('ndjson', 'csv', 'json', 'parquet'));

-- ---------------------------------------------------------------- delay rollup
-- Arrival-delay histogram per analytics grouping and month, kept by every ingestion in the same
-- statement that inserts the flights. Exact medians and percentiles come from the histogram, so
-- a whole-month query reads about a tenth of the rows it would read from flights.
-- Times are the origin airport's local time (UTC when the airport has no known timezone).
CREATE TABLE flight_delay_rollup (
  -- Which GET /v1/analytics/delays group_by this row serves.
  dimension     text     NOT NULL,
  -- The group's key as the API shows it (ICAO code, ORIG-DEST, YYYY-MM-DD, hour, day of week).
  key           text     NOT NULL,
  delay_minutes smallint NOT NULL,
  -- First day of the origin-local month of the scheduled departure.
  month         date     NOT NULL,
  flights       integer  NOT NULL,
  -- Key then delay first: an index scan yields each group's histogram already in delay order.
  PRIMARY KEY (dimension, key, delay_minutes, month),
  CONSTRAINT flight_delay_rollup_dimension_check
    CHECK (dimension IN ('origin', 'destination', 'airline', 'hour', 'dow', 'route', 'day')),
  CONSTRAINT flight_delay_rollup_delay_check CHECK (delay_minutes BETWEEN -2880 AND 2880),
  CONSTRAINT flight_delay_rollup_month_check CHECK (extract(day FROM month) = 1),
  CONSTRAINT flight_delay_rollup_flights_check CHECK (flights > 0)
);
COMMENT ON TABLE flight_delay_rollup IS
  'Arrival-delay histogram of flights per analytics grouping and origin-local month, maintained by ingestion.';

-- Down Migration

DROP TABLE IF EXISTS flight_delay_rollup;
ALTER TABLE ingestion_logs DROP CONSTRAINT ingestion_logs_format_check;
ALTER TABLE ingestion_logs ADD CONSTRAINT ingestion_logs_format_check CHECK (format IN ('ndjson', 'csv')) NOT VALID;
