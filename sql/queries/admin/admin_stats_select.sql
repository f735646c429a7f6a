/* @name AdminStatsSelect */
-- Database statistics in one row, shared by GET /v1/admin/stats and `npm run db -- stats`.
-- Row counts are exact (a count(*) per table) for tables the planner estimates below 100 000
-- rows, and the planner's estimate (pg_class.reltuples, refreshed by ANALYZE) above that, so
-- the call stays cheap on large flight and log tables; `exact` says which one a count is.
-- A partitioned table (system_logs) is reported once, summing its partitions.
WITH tables AS (
  SELECT c.oid, c.relname,
         (SELECT coalesce(sum(greatest(p.reltuples, 0)), 0)
            FROM pg_class p
           WHERE p.oid = c.oid AND c.relkind = 'r'
              OR p.oid IN (SELECT relid FROM pg_partition_tree(c.oid) WHERE isleaf)) AS estimate,
         (SELECT coalesce(sum(pg_total_relation_size(p.oid)), 0)
            FROM pg_class p
           WHERE p.oid = c.oid AND c.relkind = 'r'
              OR p.oid IN (SELECT relid FROM pg_partition_tree(c.oid) WHERE isleaf)) AS bytes
  FROM pg_class c
  WHERE c.relnamespace = 'public'::regnamespace
    AND c.relkind IN ('r', 'p')
    AND NOT c.relispartition
    -- Migration bookkeeping, not product data (and not readable by the application role).
    AND c.relname <> 'pgmigrations'
),
counted AS (
  SELECT relname, bytes,
         estimate >= 100000 AS estimated,
         CASE WHEN estimate >= 100000 THEN estimate::bigint
              ELSE (xpath('/row/n/text()',
                      query_to_xml(format('SELECT count(*) AS n FROM public.%I', relname), false, true, '')))[1]::text::bigint
         END AS row_count
  FROM tables
),
last_runs AS (
  SELECT DISTINCT ON (job) job, id, scheduled_for, started_at, finished_at, status, stats, error
  FROM job_runs
  ORDER BY job, started_at DESC, id DESC
)
SELECT
  pg_database_size(current_database())::bigint AS database_bytes,
  (SELECT json_agg(json_build_object('name', relname, 'rows', row_count, 'exact', NOT estimated, 'bytes', bytes)
                   ORDER BY relname)
     FROM counted) AS tables,
  (SELECT json_build_object('blocks_hit', blks_hit, 'blocks_read', blks_read)
     FROM pg_stat_database WHERE datname = current_database()) AS buffer_cache,
  (SELECT coalesce(json_agg(json_build_object(
            'id', id, 'job', job, 'scheduled_for', scheduled_for, 'started_at', started_at,
            'finished_at', finished_at, 'status', status, 'stats', stats, 'error', error) ORDER BY job), '[]')
     FROM last_runs) AS last_runs;
