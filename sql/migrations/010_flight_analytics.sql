-- Up Migration

-- The command-line import also reads JSON arrays and Parquet files and logs its runs here.
ALTER TABLE ingestion_logs DROP CONSTRAINT ingestion_logs_format_check;
ALTER TABLE ingestion_logs ADD CONSTRAINT ingestion_logs_format_check
  CHECK (format IN ('ndjson', 'csv', 'json', 'parquet'));

-- ---------------------------------------------------------------- delay rollup
-- Arrival-delay histogram per analytics grouping, per origin-local month and over all time, kept
-- by every ingestion in the same statement that inserts the flights. One row holds a group's whole
-- histogram as arrays, so exact medians and percentiles take a binary search (width_bucket over the
-- running counts) instead of reading and ranking one row per delay value.
-- Times are the origin airport's local time (UTC when the airport has no known timezone).
CREATE TABLE flight_delay_rollup (
  -- Which GET /v1/analytics/delays group_by this row serves.
  dimension     text       NOT NULL,
  -- 'YYYY-MM' of the origin-local scheduled departure, or 'all' for every month together ('day'
  -- keys lie in one month each, so that dimension keeps months only).
  period        text       NOT NULL,
  -- The group's key as the API shows it (ICAO code, ORIG-DEST, YYYY-MM-DD, hour, day of week).
  key           text       NOT NULL,
  flights       integer    NOT NULL,
  delay_sum     bigint     NOT NULL,
  -- Distinct delays ascending, the flights at each, and the running total of those counts.
  delays        smallint[] NOT NULL,
  counts        integer[]  NOT NULL,
  upto          integer[]  NOT NULL,
  PRIMARY KEY (dimension, period, key),
  CONSTRAINT flight_delay_rollup_dimension_check
    CHECK (dimension IN ('origin', 'destination', 'airline', 'hour', 'dow', 'route', 'day')),
  CONSTRAINT flight_delay_rollup_period_check
    CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$' OR (period = 'all' AND dimension <> 'day')),
  CONSTRAINT flight_delay_rollup_histogram_check
    CHECK (cardinality(delays) > 0 AND cardinality(counts) = cardinality(delays) AND cardinality(upto) = cardinality(delays)
           AND upto[cardinality(upto)] = flights),
  CONSTRAINT flight_delay_rollup_delay_check CHECK (-2880 <= ALL (delays) AND 2880 >= ALL (delays))
);
COMMENT ON TABLE flight_delay_rollup IS
  'Arrival-delay histogram of flights per analytics grouping, per origin-local month and over all time, maintained by ingestion.';

-- Down Migration

DROP TABLE IF EXISTS flight_delay_rollup;
ALTER TABLE ingestion_logs DROP CONSTRAINT ingestion_logs_format_check;
ALTER TABLE ingestion_logs ADD CONSTRAINT ingestion_logs_format_check CHECK (format IN ('ndjson', 'csv')) NOT VALID;
