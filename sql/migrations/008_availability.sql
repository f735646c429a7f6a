-- Up Migration

-- ---------------------------------------------------------------- weekly patterns never overlap
-- A range of wall-clock times, so a day's windows can be compared with && in a constraint.
CREATE TYPE timerange AS RANGE (subtype = time);
COMMENT ON TYPE timerange IS 'A range of times of day, e.g. an availability window [09:00, 17:00).';

-- Overlapping windows on the same weekday are a data error (the API answers 422 before this
-- fires). Deferred, so replacing a user's whole week in one statement never trips over the
-- rows that same statement deletes.
ALTER TABLE availability_patterns
  ADD CONSTRAINT availability_patterns_no_overlap EXCLUDE USING gist (
    user_id WITH =, day_of_week WITH =, timerange(start_time, end_time, '[)') WITH &&
  ) DEFERRABLE INITIALLY DEFERRED;

-- ---------------------------------------------------------------- is a person available?
-- True when [p_from, p_to) lies entirely inside the user's availability: weekly patterns in
-- the user's timezone, plus unblocking overrides, minus blocking overrides. Bookings are not
-- considered (the bookings table's exclusion constraints handle those).
--
-- Wall-clock times become instants with `timestamp AT TIME ZONE zone`, which reads a time
-- skipped by a spring-forward change with the offset before it (02:30 → 03:30 daylight time)
-- and a time repeated at a fall-back change as its second occurrence. src/domain/availability.ts
-- (computeAvailability) follows the same rule, so the API's slots and this check agree.
-- A window that ends up ending before it starts (possible only inside a skipped hour) is empty.
CREATE FUNCTION user_available_during(p_user uuid, p_from timestamptz, p_to timestamptz) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  WITH person AS (
    SELECT timezone FROM users WHERE id = p_user
  ), days AS (
    -- Every local date whose windows could touch the interval (a window stays inside its date).
    SELECT span.first_day + i AS day, person.timezone
    FROM person
    CROSS JOIN LATERAL (
      SELECT (p_from AT TIME ZONE person.timezone)::date - 1 AS first_day,
             (p_to AT TIME ZONE person.timezone)::date AS last_day
    ) span
    CROSS JOIN LATERAL generate_series(0, span.last_day - span.first_day) i
  ), bounds AS (
    SELECT false AS blocked,
           (days.day + p.start_time) AT TIME ZONE days.timezone AS starts,
           (days.day + p.end_time) AT TIME ZONE days.timezone AS ends
    FROM days
    JOIN availability_patterns p ON p.user_id = p_user AND p.day_of_week = extract(dow FROM days.day)
    UNION ALL
    -- An override without times covers its whole date.
    SELECT o.is_blocked,
           (days.day + coalesce(o.start_time, time '00:00')) AT TIME ZONE days.timezone,
           (days.day + coalesce(o.end_time, time '24:00')) AT TIME ZONE days.timezone
    FROM days
    JOIN availability_overrides o ON o.user_id = p_user AND o.date = days.day
  ), windows AS (
    SELECT blocked, tstzrange(starts, greatest(starts, ends), '[)') AS span FROM bounds
  )
  SELECT CASE
    WHEN p_from IS NULL OR p_to IS NULL OR p_from >= p_to THEN false
    ELSE coalesce((
      SELECT (coalesce(range_agg(span) FILTER (WHERE NOT blocked), '{}'::tstzmultirange)
              - coalesce(range_agg(span) FILTER (WHERE blocked), '{}'::tstzmultirange))
             @> tstzrange(p_from, p_to, '[)')
      FROM windows
    ), false)
  END
$$;
COMMENT ON FUNCTION user_available_during(uuid, timestamptz, timestamptz) IS
  'True when [p_from, p_to) lies inside the user''s availability windows (weekly patterns in their timezone + unblocking overrides - blocking overrides); bookings are not considered.';

REVOKE ALL ON FUNCTION user_available_during(uuid, timestamptz, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION user_available_during(uuid, timestamptz, timestamptz) TO skyslot_app;

-- Down Migration

DROP FUNCTION IF EXISTS user_available_during(uuid, timestamptz, timestamptz);
ALTER TABLE availability_patterns DROP CONSTRAINT IF EXISTS availability_patterns_no_overlap;
DROP TYPE IF EXISTS timerange;
