-- GET /v1/admin/metrics: stored rollups of one period kind, oldest period first; the unique
-- key's index (period, period_start, ...) serves the range.
-- $1 period, $2 from date or null, $3 to date (inclusive) or null, $4 row cap + 1
SELECT period, period_start::text AS period_start, metric, dimensions, value::float8 AS value, updated_at
FROM metric_rollups
WHERE period = $1
  AND ($2::date IS NULL OR period_start >= $2::date)
  AND ($3::date IS NULL OR period_start <= $3::date)
ORDER BY period_start, metric, dimensions::text
LIMIT $4
