-- Up Migration

-- ---------------------------------------------------------------- delay rollup, fewer passes
-- The same rollup rows as 018's flight_delay_rollup_add, computed with less work per flight:
-- each flight's local day and hour are worked out once (a date and an integer, not text), every
-- grouping is counted straight from the flights in one hashing pass, and the histograms are
-- built on those plain values; the keys' text is written only for the finished rows (a few per
-- hundred flights) instead of for every (grouping, delay) pair. Computing the rows and merging
-- them into a rollup are two functions, so a session can gather a large import's rows in a table
-- of its own while another loads the flights (dev/import-flights.ts), and merge them once.

-- A rollup row as it is written: its key and histogram (what else the table keeps follows from them).
CREATE TYPE flight_delay_histogram AS (
  dimension text, period text, key text, flights integer, delay_sum bigint, delays smallint[], counts integer[], upto integer[]);

-- The rollup rows (one per dimension, period and key) of the given flights (parallel arrays:
-- origin ICAO, destination ICAO, airline or null, scheduled departure, arrival delay).
CREATE FUNCTION flight_delay_rollup_rows(p_origin text[], p_destination text[], p_airline text[],
                                         p_departure timestamptz[], p_delay integer[])
RETURNS SETOF flight_delay_histogram
LANGUAGE sql STABLE AS $$
WITH f AS MATERIALIZED (
  SELECT u.origin, u.destination, u.airline, u.delay, d.day, d.hour, date_trunc('month', d.day::timestamp)::date AS month,
         extract(dow FROM d.day)::integer AS dow
  FROM unnest(p_origin, p_destination, p_airline, p_departure, p_delay) AS u (origin, destination, airline, departure, delay)
  JOIN airports o ON o.icao = u.origin
  CROSS JOIN LATERAL (SELECT u.departure AT TIME ZONE coalesce(o.timezone, 'UTC') AS local) l
  CROSS JOIN LATERAL (SELECT l.local::date AS day, extract(hour FROM l.local)::integer AS hour) d
  WHERE u.delay IS NOT NULL
), counted AS (
  -- GROUPING bits (origin, destination, airline, hour, day, month, dow), 1 = not grouped by that
  -- column; the per-airport groupings below add 128 to bits (airline, hour, day, month).
  SELECT GROUPING(origin, destination, airline, hour, day, month, dow) AS g, origin AS a, destination AS b,
         airline, hour, day, month, dow, delay, count(*)::integer AS n
  FROM f
  GROUP BY GROUPING SETS (
    (origin, day, delay), (destination, day, delay), (airline, day, delay), (day, hour, delay), (day, delay),
    (origin, destination, month, delay), (origin, month, delay), (destination, month, delay), (airline, month, delay),
    (hour, month, delay), (dow, month, delay),
    (origin, destination, delay), (origin, delay), (destination, delay), (airline, delay), (hour, delay), (dow, delay))
  UNION ALL
  -- Each flight once per airport it touches (an origin that is also its destination counts once).
  SELECT 128 + GROUPING(airline, hour, day, month), airport, NULL, airline, hour, day, month, NULL, delay, count(*)::integer
  FROM (SELECT origin AS airport, airline, hour, day, month, delay FROM f
        UNION ALL
        SELECT destination, airline, hour, day, month, delay FROM f WHERE destination <> origin) a
  GROUP BY GROUPING SETS ((airport, day, delay), (airport, month, hour, delay), (airport, month, airline, delay),
                          (airport, hour, delay), (airport, airline, delay))
), histograms AS (
  SELECT g, a, b, airline, hour, day, month, dow, sum(n) AS flights, sum(n::bigint * delay) AS delay_sum,
         array_agg(delay ORDER BY delay) AS delays, array_agg(n ORDER BY delay) AS counts, array_agg(upto ORDER BY delay) AS upto
  FROM (SELECT c.*, sum(n) OVER (PARTITION BY g, a, b, airline, hour, day, month, dow ORDER BY delay)::integer AS upto
        FROM counted c) h
  GROUP BY g, a, b, airline, hour, day, month, dow
), keyed AS (
  -- Months are the origin-local month of the day where the grouping has a day; 'all' where it
  -- has neither. Groups without a key (no airline) are not kept.
  SELECT k.dimension COLLATE "C" AS dimension, coalesce(to_char(coalesce(h.day, h.month)::timestamp, 'YYYY-MM'), 'all') COLLATE "C" AS period,
         k.key COLLATE "C" AS key, h.flights, h.delay_sum, h.delays, h.counts, h.upto
  FROM histograms h
  CROSS JOIN LATERAL (SELECT to_char(h.day::timestamp, 'YYYY-MM-DD') AS day) d
  CROSS JOIN LATERAL (SELECT CASE h.g
      WHEN 59 THEN 'origin_day' WHEN 91 THEN 'destination_day' WHEN 107 THEN 'airline_day' WHEN 115 THEN 'day_hour'
      WHEN 123 THEN 'day' WHEN 29 THEN 'route' WHEN 31 THEN 'route' WHEN 61 THEN 'origin' WHEN 63 THEN 'origin'
      WHEN 93 THEN 'destination' WHEN 95 THEN 'destination' WHEN 109 THEN 'airline' WHEN 111 THEN 'airline'
      WHEN 117 THEN 'hour' WHEN 119 THEN 'hour' WHEN 124 THEN 'dow' WHEN 126 THEN 'dow'
      WHEN 141 THEN 'airport_day' WHEN 138 THEN 'airport_hour' WHEN 139 THEN 'airport_hour'
      WHEN 134 THEN 'airport_airline' WHEN 135 THEN 'airport_airline' END AS dimension,
    CASE h.g
      WHEN 59 THEN h.a || ' ' || d.day WHEN 91 THEN h.b || ' ' || d.day WHEN 107 THEN h.airline || ' ' || d.day
      WHEN 115 THEN d.day || ' ' || h.hour WHEN 123 THEN d.day
      WHEN 29 THEN h.a || '-' || h.b WHEN 31 THEN h.a || '-' || h.b WHEN 61 THEN h.a WHEN 63 THEN h.a
      WHEN 93 THEN h.b WHEN 95 THEN h.b WHEN 109 THEN h.airline WHEN 111 THEN h.airline
      WHEN 117 THEN h.hour::text WHEN 119 THEN h.hour::text WHEN 124 THEN h.dow::text WHEN 126 THEN h.dow::text
      WHEN 141 THEN h.a || ' ' || d.day WHEN 138 THEN h.a || ' ' || h.hour WHEN 139 THEN h.a || ' ' || h.hour
      WHEN 134 THEN h.a || ' ' || h.airline WHEN 135 THEN h.a || ' ' || h.airline END AS key) k
  WHERE k.key IS NOT NULL
)
SELECT dimension, period, key, flights::integer, delay_sum::bigint, delays::smallint[], counts, upto FROM keyed
$$;
REVOKE ALL ON FUNCTION flight_delay_rollup_rows(text[], text[], text[], timestamptz[], integer[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION flight_delay_rollup_rows(text[], text[], text[], timestamptz[], integer[]) TO skyslot_app;

-- Merges rollup rows (one per key) into p_into, flight_delay_rollup or a table like it: a key
-- already there gets both histograms merged by delay value. Rows are written in byte order of
-- their key, as before, so concurrent writers queue instead of deadlocking. Returns the rows
-- written.
CREATE FUNCTION flight_delay_rollup_merge(p_rows flight_delay_histogram[], p_into regclass)
RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  written integer;
BEGIN
  EXECUTE format($merge$
    INSERT INTO %s AS r (dimension, period, key, flights, delay_sum, delays, counts, upto)
    SELECT u.dimension, u.period, u.key, u.flights, u.delay_sum, u.delays, u.counts, u.upto
    FROM unnest($1) AS u
    ORDER BY u.dimension COLLATE "C", u.period COLLATE "C", u.key COLLATE "C"
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
  $merge$, p_into) USING p_rows;
  GET DIAGNOSTICS written = ROW_COUNT;
  RETURN written;
END
$$;
REVOKE ALL ON FUNCTION flight_delay_rollup_merge(flight_delay_histogram[], regclass) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION flight_delay_rollup_merge(flight_delay_histogram[], regclass) TO skyslot_app;

-- Adds flights to the rollup: their rows, merged into flight_delay_rollup; returns the rows written.
CREATE OR REPLACE FUNCTION flight_delay_rollup_add(p_origin text[], p_destination text[], p_airline text[],
                                                   p_departure timestamptz[], p_delay integer[])
RETURNS integer
LANGUAGE sql AS $$
SELECT flight_delay_rollup_merge(
  ARRAY(SELECT r FROM flight_delay_rollup_rows(p_origin, p_destination, p_airline, p_departure, p_delay) r),
  'flight_delay_rollup')
$$;

-- Merges rollup rows worked out elsewhere for all of an ingestion's flights (the command-line
-- import's second session) and records the ingestion as added through p_through, its last flight
-- in id order, as flight_delay_rollup_add_ingestion records its chunks (the log row locked first).
-- Only for an ingestion none of whose flights is in the rollup yet; otherwise it adds nothing and
-- returns false.
CREATE FUNCTION flight_delay_rollup_add_ingestion_rows(p_ingestion uuid, p_rows flight_delay_histogram[], p_through uuid)
RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
  through    uuid;
  is_pending boolean;
BEGIN
  SELECT l.rollup_through, l.rollup_pending INTO through, is_pending
  FROM ingestion_logs l WHERE l.id = p_ingestion FOR UPDATE;
  IF NOT FOUND OR NOT is_pending OR through IS NOT NULL THEN
    RETURN false;
  END IF;
  PERFORM flight_delay_rollup_merge(p_rows, 'flight_delay_rollup');
  UPDATE ingestion_logs SET rollup_through = p_through, rollup_pending = false WHERE id = p_ingestion;
  RETURN true;
END
$$;
REVOKE ALL ON FUNCTION flight_delay_rollup_add_ingestion_rows(uuid, flight_delay_histogram[], uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION flight_delay_rollup_add_ingestion_rows(uuid, flight_delay_histogram[], uuid) TO skyslot_app;

-- Down Migration

DROP FUNCTION IF EXISTS flight_delay_rollup_add_ingestion_rows(uuid, flight_delay_histogram[], uuid);
DROP FUNCTION IF EXISTS flight_delay_rollup_merge(flight_delay_histogram[], regclass);
DROP FUNCTION IF EXISTS flight_delay_rollup_rows(text[], text[], text[], timestamptz[], integer[]);
DROP TYPE IF EXISTS flight_delay_histogram;

-- As 018 left it.
CREATE OR REPLACE FUNCTION flight_delay_rollup_add(p_origin text[], p_destination text[], p_airline text[],
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
