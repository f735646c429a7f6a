/* @name MetricRollupsListByPeriod */
-- GET /v1/admin/metrics: stored rollups of one period kind, oldest period first; the unique
-- key's index (period, period_start, ...) serves the range.
-- :fromDay from date or null, :toDay to date (inclusive) or null, :limit row cap + 1
SELECT period, period_start::text AS period_start, metric, dimensions, value::float8 AS value, updated_at
FROM metric_rollups
WHERE period = :period!
  AND (:fromDay::date IS NULL OR period_start >= :fromDay::date)
  AND (:toDay::date IS NULL OR period_start <= :toDay::date)
ORDER BY period_start, metric, dimensions::text
LIMIT :limit!;
