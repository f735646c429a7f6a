-- Up Migration

-- ---------------------------------------------------------------- delay rollup once per ingestion
-- Batches only insert flights; an ingestion adds its flights to the delay rollup when its last
-- batch is in, a chunk of flights (in id order) per call, instead of merging ~20 rollup rows per
-- flight batch after batch. Each ingestion remembers how far it got, so an ingestion whose
-- request died (left RUNNING, or finished before its rollup) is completed later by the repair,
-- and no flight is ever counted twice.
ALTER TABLE ingestion_logs
  ADD COLUMN rollup_pending boolean NOT NULL DEFAULT false,
  ADD COLUMN rollup_through uuid;
-- Existing ingestions are in the rollup already; new ones start pending.
ALTER TABLE ingestion_logs ALTER COLUMN rollup_pending SET DEFAULT true;
COMMENT ON COLUMN ingestion_logs.rollup_pending IS 'Some of this ingestion''s flights are not yet in flight_delay_rollup.';
COMMENT ON COLUMN ingestion_logs.rollup_through IS 'The last flight id (in id order) of this ingestion added to flight_delay_rollup.';
CREATE INDEX ingestion_logs_rollup_pending_idx ON ingestion_logs (started_at) WHERE rollup_pending;

-- An ingestion's flights in id order, for the chunks of its rollup.
CREATE INDEX flights_ingestion_id_idx ON flights (ingestion_id, id) WHERE ingestion_id IS NOT NULL;
DROP INDEX flights_ingestion_idx;

-- Adds the next p_limit flights (all when null) of an ingestion, in id order, to the delay
-- rollup (flight_delay_rollup_add) and records how far it got, in one transaction. The
-- ingestion's log row is locked first, so a finishing request and the repair never add the same
-- chunk twice. `pending` is false once every flight of the ingestion is in.
CREATE FUNCTION flight_delay_rollup_add_ingestion(p_ingestion uuid, p_limit integer)
RETURNS TABLE (flights integer, rollup_rows integer, pending boolean)
LANGUAGE plpgsql AS $$
DECLARE
  through    uuid;
  is_pending boolean;
  last_id    uuid;
BEGIN
  SELECT l.rollup_through, l.rollup_pending INTO through, is_pending
  FROM ingestion_logs l WHERE l.id = p_ingestion FOR UPDATE;
  IF NOT FOUND OR NOT is_pending THEN
    flights := 0; rollup_rows := 0; pending := false;
    RETURN NEXT;
    RETURN;
  END IF;
  SELECT count(*)::integer, (array_agg(c.id ORDER BY c.id DESC))[1],
         coalesce(flight_delay_rollup_add(array_agg(c.origin), array_agg(c.destination), array_agg(c.airline_code),
                                          array_agg(c.scheduled_departure), array_agg(c.arrival_delay_minutes)), 0)
    INTO flights, last_id, rollup_rows
  FROM (SELECT f.id, f.origin, f.destination, f.airline_code, f.scheduled_departure, f.arrival_delay_minutes
        FROM flights f
        WHERE f.ingestion_id = p_ingestion AND (through IS NULL OR f.id > through)
        ORDER BY f.id
        LIMIT p_limit) c;
  pending := p_limit IS NOT NULL AND flights = p_limit;
  UPDATE ingestion_logs SET rollup_through = coalesce(last_id, rollup_through), rollup_pending = pending
  WHERE id = p_ingestion;
  RETURN NEXT;
END
$$;
REVOKE ALL ON FUNCTION flight_delay_rollup_add_ingestion(uuid, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION flight_delay_rollup_add_ingestion(uuid, integer) TO skyslot_app;

-- Completes the rollup of ingestions whose request ended before it did: those no longer RUNNING,
-- and RUNNING ones started before p_stale_before (no request lives that long). Adds at most about
-- p_limit flights per call, oldest ingestion first; returns how many it added.
CREATE FUNCTION flight_delay_rollup_repair(p_stale_before timestamptz, p_limit integer)
RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  one   uuid;
  added integer := 0;
  step  record;
BEGIN
  FOR one IN
    SELECT l.id FROM ingestion_logs l
    WHERE l.rollup_pending AND (l.status <> 'RUNNING' OR l.started_at < p_stale_before)
    ORDER BY l.started_at, l.id
  LOOP
    LOOP
      EXIT WHEN added >= p_limit;
      SELECT * INTO step FROM flight_delay_rollup_add_ingestion(one, p_limit - added);
      added := added + step.flights;
      EXIT WHEN NOT step.pending;
    END LOOP;
    EXIT WHEN added >= p_limit;
  END LOOP;
  RETURN added;
END
$$;
REVOKE ALL ON FUNCTION flight_delay_rollup_repair(timestamptz, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION flight_delay_rollup_repair(timestamptz, integer) TO skyslot_app;

-- Down Migration

DROP FUNCTION IF EXISTS flight_delay_rollup_repair(timestamptz, integer);
DROP FUNCTION IF EXISTS flight_delay_rollup_add_ingestion(uuid, integer);
CREATE INDEX flights_ingestion_idx ON flights (ingestion_id) WHERE ingestion_id IS NOT NULL;
DROP INDEX IF EXISTS flights_ingestion_id_idx;
DROP INDEX IF EXISTS ingestion_logs_rollup_pending_idx;
ALTER TABLE ingestion_logs DROP COLUMN rollup_through, DROP COLUMN rollup_pending;
