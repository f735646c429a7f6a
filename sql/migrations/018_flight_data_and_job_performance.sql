-- Up Migration

-- ---------------------------------------------------------------- deadlines job
-- The same outcomes as before, set-based: a chunk of due bookings is locked at once, the rare
-- booking whose two parties both ranked goes through reschedule_resolve (a replacement booking,
-- tried option by option), and every other one is escalated by three statements for the whole
-- chunk instead of three per booking.
CREATE OR REPLACE FUNCTION reschedule_close_due(p_now timestamptz, p_limit integer)
RETURNS TABLE (processed integer, resolved integer, escalated integer)
LANGUAGE plpgsql AS $$
DECLARE
  due_ids uuid[];
  one     uuid;
  outcome text;
BEGIN
  resolved := 0;
  SELECT coalesce(array_agg(d.id ORDER BY d.scheduled_at, d.id), '{}') INTO due_ids
  FROM (SELECT b.id, b.scheduled_at
        FROM bookings b
        WHERE b.status = 'RESCHEDULING'
          AND EXISTS (SELECT 1 FROM preference_rankings p
                      WHERE p.booking_id = b.id AND p.deadline <= p_now AND p.escalated_at IS NULL)
        ORDER BY b.scheduled_at, b.id
        LIMIT p_limit
        FOR UPDATE OF b SKIP LOCKED) d;
  processed := cardinality(due_ids);

  -- Both parties ranked: the full resolution, one booking at a time.
  escalated := 0;
  FOR one IN
    SELECT u.id FROM unnest(due_ids) WITH ORDINALITY AS u (id, n)
    WHERE (SELECT count(*) FROM preference_rankings p WHERE p.booking_id = u.id AND p.submitted_at IS NOT NULL) = 2
    ORDER BY u.n
  LOOP
    outcome := reschedule_resolve(one, NULL, p_now) ->> 'outcome';
    IF outcome = 'RESCHEDULED' THEN resolved := resolved + 1; END IF;
    IF outcome = 'ESCALATED' THEN escalated := escalated + 1; END IF;
  END LOOP;

  -- Everyone else: the deadline passed before both ranked. Escalated once per round (escalated_at),
  -- the admins told once (dedupe key), audited: what reschedule_resolve does for one booking.
  WITH pending AS (
    SELECT b.id, b.departure_airport, b.arrival_airport, b.scheduled_at, s.id AS student_pref,
           s.submitted_at IS NOT NULL AS student_submitted, i.submitted_at IS NOT NULL AS instructor_submitted
    FROM bookings b
    LEFT JOIN preference_rankings s ON s.booking_id = b.id AND s.party = 'STUDENT'
    LEFT JOIN preference_rankings i ON i.booking_id = b.id AND i.party = 'INSTRUCTOR'
    WHERE b.id = ANY (due_ids) AND b.status = 'RESCHEDULING'
      AND NOT (s.submitted_at IS NOT NULL AND i.submitted_at IS NOT NULL)
  ), marked AS (
    UPDATE preference_rankings p SET escalated_at = p_now
    FROM pending
    WHERE p.booking_id = pending.id AND p.escalated_at IS NULL
    RETURNING p.booking_id
  ), escalating AS (
    SELECT * FROM pending WHERE id IN (SELECT booking_id FROM marked)
  ), notified AS (
    INSERT INTO notifications (user_id, type, booking_id, title, body, data, dedupe_key)
    SELECT u.id, 'ESCALATION', e.id, 'Rescheduling needs an admin',
           'The deadline passed before both parties ranked the options'
             || ' for the flight from ' || e.departure_airport || ' to ' || e.arrival_airport
             || ' on ' || to_char(e.scheduled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC.',
           jsonb_build_object('reason', 'deadline_passed', 'student_submitted', e.student_submitted,
                              'instructor_submitted', e.instructor_submitted),
           'escalation:' || e.id || ':' || e.student_pref || ':' || u.id
    FROM escalating e CROSS JOIN users u
    WHERE u.role = 'ADMIN'
    ON CONFLICT (dedupe_key) DO NOTHING
  ), audited AS (
    INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
    SELECT 'booking', e.id::text, 'booking.escalated', NULL,
           jsonb_build_object('reason', 'deadline_passed', 'student_submitted', e.student_submitted,
                              'instructor_submitted', e.instructor_submitted)
    FROM escalating e
  )
  SELECT escalated + count(*)::integer INTO escalated FROM escalating;
  RETURN NEXT;
END
$$;

-- Reminders and escalations rewrite every due preference row once: room on each page lets those
-- be heap-only updates (no index entry rewritten) for rows inserted from now on.
ALTER TABLE preference_rankings SET (fillfactor = 80);

-- ---------------------------------------------------------------- cleanup job
-- The cleanup job deletes old read notifications in keyset chunks over (read_at, id).
CREATE INDEX notifications_read_at_id_idx ON notifications (read_at, id) WHERE read_at IS NOT NULL;
DROP INDEX notifications_read_at_idx;

-- ---------------------------------------------------------------- delay rollup by airport and day
-- The rollup gains the groupings that make filtered analytics lookups (keys hold both parts,
-- space-separated; every one is kept per origin-local month, those without a day part also over
-- all time):
--   origin_day, destination_day, airline_day  'VALUE YYYY-MM-DD'  part of a month, by airport or airline
--   day_hour                                  'YYYY-MM-DD H'      part of a month, by hour or weekday
--   airport_day                               'ICAO YYYY-MM-DD'   one airport (departing or arriving), by day or weekday
--   airport_hour, airport_airline             'ICAO H', 'ICAO AL' one airport, by hour or airline
-- One airport by origin, destination or route reads the origin, destination and route rows.
ALTER TABLE flight_delay_rollup DROP CONSTRAINT flight_delay_rollup_dimension_check;
ALTER TABLE flight_delay_rollup ADD CONSTRAINT flight_delay_rollup_dimension_check CHECK (dimension IN (
  'origin', 'destination', 'airline', 'hour', 'dow', 'route', 'day',
  'origin_day', 'destination_day', 'airline_day', 'day_hour', 'airport_day', 'airport_hour', 'airport_airline'));
ALTER TABLE flight_delay_rollup DROP CONSTRAINT flight_delay_rollup_period_check;
ALTER TABLE flight_delay_rollup ADD CONSTRAINT flight_delay_rollup_period_check CHECK (
  period ~ '^\d{4}-(0[1-9]|1[0-2])$'
  OR (period = 'all' AND dimension IN ('origin', 'destination', 'airline', 'hour', 'dow', 'route', 'airport_hour', 'airport_airline')));

-- Adds flights (parallel arrays: origin ICAO, destination ICAO, airline or null, scheduled
-- departure, arrival delay) to every grouping of the rollup; returns the rollup rows written.
-- Hours, weekdays, days and months are the origin airport's local time (UTC without a timezone).
-- The flights are counted once at their finest grains (grouping sets, one hashing pass), and the
-- coarser rows are sums of those. Writers lock rollup rows in one order, so concurrent
-- ingestions queue instead of deadlocking.
CREATE FUNCTION flight_delay_rollup_add(p_origin text[], p_destination text[], p_airline text[],
                                        p_departure timestamptz[], p_delay integer[])
RETURNS integer
LANGUAGE sql AS $$
WITH f AS (
  SELECT u.origin, u.destination, u.airline, u.delay, to_char(l.local, 'YYYY-MM-DD') AS day,
         to_char(l.local, 'YYYY-MM') AS month, extract(hour FROM l.local)::integer AS hour
  FROM unnest(p_origin, p_destination, p_airline, p_departure, p_delay) AS u (origin, destination, airline, departure, delay)
  JOIN airports o ON o.icao = u.origin
  CROSS JOIN LATERAL (SELECT u.departure AT TIME ZONE coalesce(o.timezone, 'UTC') AS local) l
  WHERE u.delay IS NOT NULL
), fine AS (
  -- GROUPING bits (origin, destination, airline, hour, day), 1 = not grouped by that column.
  SELECT origin, destination, airline, hour, day, coalesce(month, left(day, 7)) AS month, delay, count(*)::integer AS n,
         GROUPING(origin, destination, airline, hour, day) AS g
  FROM f
  GROUP BY GROUPING SETS ((origin, day, delay), (destination, day, delay), (airline, day, delay),
                          (day, hour, delay), (origin, destination, month, delay))
), at_airport AS (
  -- Each flight once per airport it touches (an origin that is also its destination counts once).
  SELECT a.airport, f.airline, f.hour, f.day, coalesce(f.month, left(f.day, 7)) AS month, f.delay, count(*)::integer AS n,
         GROUPING(f.airline, f.hour, f.day) AS g
  FROM f CROSS JOIN LATERAL (SELECT f.origin UNION SELECT f.destination) AS a (airport)
  GROUP BY GROUPING SETS ((a.airport, f.day, f.delay), (a.airport, f.month, f.hour, f.delay),
                          (a.airport, f.month, f.airline, f.delay))
), daily AS (
  -- (dimension, month, key, delay, n) at a day grain or finer, and routes per month.
  SELECT d.dimension, fine.month, d.key, fine.delay, fine.n
  FROM fine
  CROSS JOIN LATERAL (VALUES
    (CASE g WHEN 14 THEN 'origin_day' WHEN 22 THEN 'destination_day' WHEN 26 THEN 'airline_day' WHEN 28 THEN 'day_hour' WHEN 7 THEN 'route' END,
     CASE g WHEN 14 THEN origin || ' ' || day WHEN 22 THEN destination || ' ' || day WHEN 26 THEN airline || ' ' || day
            WHEN 28 THEN day || ' ' || hour WHEN 7 THEN origin || '-' || destination END)
  ) AS d (dimension, key)
  WHERE d.key IS NOT NULL
), monthly AS (
  SELECT dimension, month, key, delay, n FROM daily
  UNION ALL
  -- Coarser groupings, summed from the day ones.
  SELECT c.dimension, d.month, c.key, d.delay, sum(d.n)::integer
  FROM daily d
  CROSS JOIN LATERAL (VALUES
    (CASE d.dimension WHEN 'origin_day' THEN 'origin' WHEN 'destination_day' THEN 'destination' WHEN 'airline_day' THEN 'airline'
                      WHEN 'day_hour' THEN 'hour' END,
     CASE WHEN d.dimension = 'day_hour' THEN split_part(d.key, ' ', 2) ELSE split_part(d.key, ' ', 1) END),
    (CASE WHEN d.dimension = 'day_hour' THEN 'dow' END,
     CASE WHEN d.dimension = 'day_hour' THEN extract(dow FROM split_part(d.key, ' ', 1)::date)::integer::text END),
    (CASE WHEN d.dimension = 'day_hour' THEN 'day' END, split_part(d.key, ' ', 1))
  ) AS c (dimension, key)
  WHERE c.dimension IS NOT NULL
  GROUP BY 1, 2, 3, 4
  UNION ALL
  -- GROUPING bits (airline, hour, day): 6 = by day, 5 = by hour, 3 = by airline.
  SELECT CASE g WHEN 6 THEN 'airport_day' WHEN 5 THEN 'airport_hour' ELSE 'airport_airline' END,
         month, airport || ' ' || CASE g WHEN 6 THEN day WHEN 5 THEN hour::text ELSE airline END, delay, n
  FROM at_airport
  WHERE g = 6 OR g = 5 OR (g = 3 AND airline IS NOT NULL)
), counted AS (
  -- Byte order ("C") for the sorts that build the histograms: much cheaper than the database's
  -- collation, and the same for every writer.
  SELECT dimension COLLATE "C" AS dimension, period COLLATE "C" AS period, key COLLATE "C" AS key, delay, n
  FROM (SELECT dimension, month AS period, key, delay, n FROM monthly
        UNION ALL
        SELECT dimension, 'all', key, delay, sum(n)::integer
        FROM monthly
        WHERE dimension IN ('origin', 'destination', 'airline', 'hour', 'dow', 'route', 'airport_hour', 'airport_airline')
        GROUP BY 1, 2, 3, 4) c
), written AS (
  INSERT INTO flight_delay_rollup AS r (dimension, period, key, flights, delay_sum, delays, counts, upto)
  SELECT dimension, period, key, sum(n), sum(n::bigint * delay),
         array_agg(delay ORDER BY delay), array_agg(n ORDER BY delay), array_agg(upto ORDER BY delay)
  FROM (SELECT c.*, sum(n) OVER (PARTITION BY dimension, period, key ORDER BY delay)::integer AS upto
        FROM counted c) h
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT (dimension, period, key) DO UPDATE SET
    flights = r.flights + EXCLUDED.flights,
    delay_sum = r.delay_sum + EXCLUDED.delay_sum,
    -- Both histograms merged by delay value, the running total recounted.
    (delays, counts, upto) = (
      SELECT array_agg(delay ORDER BY delay), array_agg(n ORDER BY delay), array_agg(upto ORDER BY delay)
      FROM (SELECT delay, n, sum(n) OVER (ORDER BY delay)::integer AS upto
            FROM (SELECT delay, sum(n)::integer AS n
                  FROM (SELECT * FROM unnest(r.delays, r.counts)
                        UNION ALL SELECT * FROM unnest(EXCLUDED.delays, EXCLUDED.counts)) AS u (delay, n)
                  GROUP BY delay) s) m)
  RETURNING 1
)
SELECT count(*)::integer FROM written
$$;
REVOKE ALL ON FUNCTION flight_delay_rollup_add(text[], text[], text[], timestamptz[], integer[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION flight_delay_rollup_add(text[], text[], text[], timestamptz[], integer[]) TO skyslot_app;

-- The flights already stored, counted again into every grouping, a month of them at a time.
DELETE FROM flight_delay_rollup;
DO $$
DECLARE
  month timestamptz;
BEGIN
  FOR month IN SELECT DISTINCT date_trunc('month', scheduled_departure) FROM flights ORDER BY 1 LOOP
    PERFORM flight_delay_rollup_add(array_agg(origin), array_agg(destination), array_agg(airline_code),
                                    array_agg(scheduled_departure), array_agg(arrival_delay_minutes))
    FROM flights
    WHERE scheduled_departure >= month AND scheduled_departure < month + interval '1 month';
  END LOOP;
END
$$;

-- Down Migration

DROP FUNCTION IF EXISTS flight_delay_rollup_add(text[], text[], text[], timestamptz[], integer[]);
DELETE FROM flight_delay_rollup WHERE dimension NOT IN ('origin', 'destination', 'airline', 'hour', 'dow', 'route', 'day');
ALTER TABLE flight_delay_rollup DROP CONSTRAINT flight_delay_rollup_dimension_check;
ALTER TABLE flight_delay_rollup ADD CONSTRAINT flight_delay_rollup_dimension_check
  CHECK (dimension IN ('origin', 'destination', 'airline', 'hour', 'dow', 'route', 'day'));
ALTER TABLE flight_delay_rollup DROP CONSTRAINT flight_delay_rollup_period_check;
ALTER TABLE flight_delay_rollup ADD CONSTRAINT flight_delay_rollup_period_check
  CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$' OR (period = 'all' AND dimension <> 'day'));

CREATE INDEX notifications_read_at_idx ON notifications (read_at) WHERE read_at IS NOT NULL;
DROP INDEX IF EXISTS notifications_read_at_id_idx;
ALTER TABLE preference_rankings RESET (fillfactor);

CREATE OR REPLACE FUNCTION reschedule_close_due(p_now timestamptz, p_limit integer)
RETURNS TABLE (processed integer, resolved integer, escalated integer)
LANGUAGE plpgsql AS $$
DECLARE
  due     record;
  outcome text;
BEGIN
  processed := 0;
  resolved := 0;
  escalated := 0;
  FOR due IN
    SELECT b.id
    FROM bookings b
    WHERE b.status = 'RESCHEDULING'
      AND EXISTS (SELECT 1 FROM preference_rankings p
                  WHERE p.booking_id = b.id AND p.deadline <= p_now AND p.escalated_at IS NULL)
    ORDER BY b.scheduled_at, b.id
    LIMIT p_limit
    FOR UPDATE OF b SKIP LOCKED
  LOOP
    outcome := reschedule_resolve(due.id, NULL, p_now) ->> 'outcome';
    processed := processed + 1;
    IF outcome = 'RESCHEDULED' THEN resolved := resolved + 1; END IF;
    IF outcome = 'ESCALATED' THEN escalated := escalated + 1; END IF;
  END LOOP;
  RETURN NEXT;
END
$$;
