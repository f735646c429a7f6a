-- Up Migration

-- Each histogram's figures, kept with it: a read whose groups each come from one rollup row (every
-- grouping over all time or one month, one airport's hours or airlines) takes them as they are,
-- instead of searching thousands of histograms for their medians at read time. Stored generated
-- columns, so every write of a histogram (ingestion's rollup, its repair, a restore) recomputes
-- them. The expressions are the ones analytics_delays_from_rollup.sql applies to a group merged
-- from several rows, term for term, so both give the same figures: the share of flights under 15
-- minutes late, the mean, and the median and 90th percentile interpolated between ranked delays
-- as percentile_cont does (the delay at 0-based rank k is the first whose running count passes k).
ALTER TABLE flight_delay_rollup
  ADD COLUMN on_time_pct float8 GENERATED ALWAYS AS (
    round(100.0 * coalesce(upto[width_bucket(14::smallint, delays)], 0) / flights, 2)::float8) STORED,
  ADD COLUMN avg_delay_minutes float8 GENERATED ALWAYS AS (round(delay_sum::numeric / flights, 2)::float8) STORED,
  ADD COLUMN median_delay_minutes float8 GENERATED ALWAYS AS (
    round(delays[width_bucket(floor((flights - 1) * 0.5)::integer, upto) + 1]
          + ((flights - 1) * 0.5 - floor((flights - 1) * 0.5))
            * (delays[width_bucket(ceil((flights - 1) * 0.5)::integer, upto) + 1]
               - delays[width_bucket(floor((flights - 1) * 0.5)::integer, upto) + 1]), 2)::float8) STORED,
  ADD COLUMN p90_delay_minutes float8 GENERATED ALWAYS AS (
    round(delays[width_bucket(floor((flights - 1) * 0.9)::integer, upto) + 1]
          + ((flights - 1) * 0.9 - floor((flights - 1) * 0.9))
            * (delays[width_bucket(ceil((flights - 1) * 0.9)::integer, upto) + 1]
               - delays[width_bucket(floor((flights - 1) * 0.9)::integer, upto) + 1]), 2)::float8) STORED;
COMMENT ON COLUMN flight_delay_rollup.median_delay_minutes IS
  'The histogram''s median delay (as percentile_cont), kept so a group read from this one row needs no search.';

-- Down Migration

ALTER TABLE flight_delay_rollup
  DROP COLUMN on_time_pct, DROP COLUMN avg_delay_minutes, DROP COLUMN median_delay_minutes, DROP COLUMN p90_delay_minutes;
