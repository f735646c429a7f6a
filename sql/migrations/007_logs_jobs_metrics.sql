-- Up Migration

-- ---------------------------------------------------------------- system logs
-- Daily range partitions make 30-day retention a cheap DROP TABLE instead of a large DELETE.
CREATE TABLE system_logs (
  id         bigint      GENERATED ALWAYS AS IDENTITY,
  created_at timestamptz NOT NULL DEFAULT now(),
  level      text        NOT NULL,
  event      text        NOT NULL,
  message    text,
  request_id text,
  -- No foreign key: logs are diagnostics and must never block or follow user deletion.
  user_id    uuid,
  data       jsonb       NOT NULL DEFAULT '{}',
  -- The partition key must be part of the primary key.
  PRIMARY KEY (id, created_at),
  CONSTRAINT system_logs_level_check CHECK (level IN ('debug', 'info', 'warn', 'error')),
  CONSTRAINT system_logs_event_check CHECK (length(event) BETWEEN 1 AND 200)
) PARTITION BY RANGE (created_at);
COMMENT ON TABLE system_logs IS 'Structured application log events, partitioned by UTC day (system_logs_pYYYYMMDD) with a default partition.';

-- Catches rows for days without a partition so an insert never fails.
CREATE TABLE system_logs_default PARTITION OF system_logs DEFAULT;
COMMENT ON TABLE system_logs_default IS 'Default partition of system_logs for days without a daily partition.';

CREATE INDEX system_logs_created_idx ON system_logs (created_at);
CREATE INDEX system_logs_request_idx ON system_logs (request_id) WHERE request_id IS NOT NULL;

-- Creates the daily partitions for [from_day, from_day + days) that are missing; returns how
-- many it created. SECURITY DEFINER so the application role (which owns nothing) can call it
-- from the cleanup job; search_path is pinned so callers cannot redirect names.
CREATE FUNCTION system_logs_ensure_partitions(from_day date, days integer) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  day       date;
  part      text;
  lower_ts  timestamptz;
  upper_ts  timestamptz;
  created   integer := 0;
BEGIN
  IF from_day IS NULL OR days IS NULL OR days < 0 OR days > 366 THEN
    RAISE EXCEPTION 'system_logs_ensure_partitions: days must be between 0 and 366'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  -- Serialise concurrent callers so two jobs never race to create the same partition.
  PERFORM pg_advisory_xact_lock(hashtext('public.system_logs partitions'));

  FOR i IN 0 .. days - 1 LOOP
    day := from_day + i;
    part := 'system_logs_p' || to_char(day, 'YYYYMMDD');
    CONTINUE WHEN to_regclass('public.' || part) IS NOT NULL;
    -- Partitions cover whole UTC days.
    lower_ts := day::timestamp AT TIME ZONE 'UTC';
    upper_ts := (day + 1)::timestamp AT TIME ZONE 'UTC';

    IF EXISTS (SELECT 1 FROM public.system_logs_default
               WHERE created_at >= lower_ts AND created_at < upper_ts) THEN
      -- Rows for this day already landed in the default partition: move them into a new
      -- table and attach it, since a partition cannot be created over rows the default holds.
      EXECUTE format('CREATE TABLE public.%I (LIKE public.system_logs INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', part);
      EXECUTE format(
        'WITH moved AS (DELETE FROM public.system_logs_default WHERE created_at >= %L AND created_at < %L RETURNING *)
         INSERT INTO public.%I SELECT * FROM moved', lower_ts, upper_ts, part);
      EXECUTE format('ALTER TABLE public.system_logs ATTACH PARTITION public.%I FOR VALUES FROM (%L) TO (%L)',
                     part, lower_ts, upper_ts);
    ELSE
      EXECUTE format('CREATE TABLE public.%I PARTITION OF public.system_logs FOR VALUES FROM (%L) TO (%L)',
                     part, lower_ts, upper_ts);
    END IF;
    created := created + 1;
  END LOOP;
  RETURN created;
END
$$;
COMMENT ON FUNCTION system_logs_ensure_partitions(date, integer) IS 'Creates missing daily system_logs partitions for [from_day, from_day + days); returns how many were created.';

-- Drops every daily partition whose whole day lies before cutoff (UTC) and deletes older rows
-- that landed in the default partition; returns the number of partitions dropped.
CREATE FUNCTION system_logs_drop_partitions_before(cutoff date) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  part    record;
  dropped integer := 0;
BEGIN
  IF cutoff IS NULL THEN
    RAISE EXCEPTION 'system_logs_drop_partitions_before: cutoff is required'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('public.system_logs partitions'));

  FOR part IN
    SELECT c.relname
    FROM pg_catalog.pg_inherits i
    JOIN pg_catalog.pg_class c ON c.oid = i.inhrelid
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE i.inhparent = 'public.system_logs'::regclass
      AND n.nspname = 'public'
      -- CASE, not AND: Postgres may evaluate conditions in any order, and the default
      -- partition's name is not a date.
      AND CASE WHEN c.relname ~ '^system_logs_p[0-9]{8}$'
               THEN to_date(substr(c.relname, 14), 'YYYYMMDD') < cutoff
               ELSE false END
    ORDER BY c.relname
  LOOP
    EXECUTE format('DROP TABLE public.%I', part.relname);
    dropped := dropped + 1;
  END LOOP;

  DELETE FROM public.system_logs_default
  WHERE created_at < cutoff::timestamp AT TIME ZONE 'UTC';

  RETURN dropped;
END
$$;
COMMENT ON FUNCTION system_logs_drop_partitions_before(date) IS 'Drops daily system_logs partitions for days before cutoff (and purges older default-partition rows); returns how many partitions were dropped.';

-- Only the application role (and the owner) may call them.
REVOKE ALL ON FUNCTION system_logs_ensure_partitions(date, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION system_logs_drop_partitions_before(date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION system_logs_ensure_partitions(date, integer) TO skyslot_app;
GRANT EXECUTE ON FUNCTION system_logs_drop_partitions_before(date) TO skyslot_app;

-- The past 2 and the next 14 UTC days.
SELECT system_logs_ensure_partitions((now() AT TIME ZONE 'UTC')::date - 2, 17);

-- ---------------------------------------------------------------- job runs
CREATE TABLE job_runs (
  id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  job           text        NOT NULL,
  -- The cron firing this run belongs to (manual runs: the time they were requested).
  scheduled_for timestamptz NOT NULL,
  started_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz,
  status        text        NOT NULL DEFAULT 'RUNNING',
  stats         jsonb       NOT NULL DEFAULT '{}',
  error         text,
  -- One cron firing runs at most once, even when delivered twice or run concurrently.
  CONSTRAINT job_runs_job_scheduled_for_key UNIQUE (job, scheduled_for),
  CONSTRAINT job_runs_job_check CHECK (job IN ('deadlines', 'weather', 'cleanup')),
  CONSTRAINT job_runs_status_check CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
  CONSTRAINT job_runs_finished_check CHECK (finished_at >= started_at),
  CONSTRAINT job_runs_stats_check CHECK (jsonb_typeof(stats) = 'object')
);
COMMENT ON TABLE job_runs IS 'One row per cron job execution (deadlines, weather, cleanup) with its outcome and stats.';

-- Last runs per job (admin stats, GET /v1/admin/jobs?name=).
CREATE INDEX job_runs_job_started_idx ON job_runs (job, started_at DESC);
CREATE INDEX job_runs_started_idx ON job_runs (started_at DESC, id DESC);

-- ---------------------------------------------------------------- metric rollups
CREATE TABLE metric_rollups (
  id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  period       text        NOT NULL,
  -- First day of the period: any day (daily), a Monday (weekly, ISO weeks as date_trunc('week')),
  -- the 1st (monthly).
  period_start date        NOT NULL,
  metric       text        NOT NULL,
  dimensions   jsonb       NOT NULL DEFAULT '{}',
  value        numeric     NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  -- Re-running a rollup upserts instead of duplicating.
  CONSTRAINT metric_rollups_key UNIQUE (period, period_start, metric, dimensions),
  CONSTRAINT metric_rollups_period_check CHECK (period IN ('daily', 'weekly', 'monthly')),
  CONSTRAINT metric_rollups_period_start_check CHECK (
    CASE period WHEN 'weekly'  THEN extract(isodow FROM period_start) = 1
                WHEN 'monthly' THEN extract(day FROM period_start) = 1
                ELSE true END),
  CONSTRAINT metric_rollups_metric_check CHECK (length(metric) BETWEEN 1 AND 100),
  CONSTRAINT metric_rollups_dimensions_check CHECK (jsonb_typeof(dimensions) = 'object')
);
COMMENT ON TABLE metric_rollups IS 'Daily, weekly and monthly aggregates written by the cleanup job.';

-- GET /v1/admin/metrics?period=&from=&to= is served by the unique key's index
-- (it leads with period, period_start).

CREATE TRIGGER metric_rollups_set_updated_at BEFORE UPDATE ON metric_rollups
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Down Migration

DROP TABLE IF EXISTS metric_rollups;
DROP TABLE IF EXISTS job_runs;
DROP FUNCTION IF EXISTS system_logs_drop_partitions_before(date);
DROP FUNCTION IF EXISTS system_logs_ensure_partitions(date, integer);
-- Dropping the partitioned table drops every partition with it.
DROP TABLE IF EXISTS system_logs;
