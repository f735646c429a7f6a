-- A page of stored analyses, newest first, optionally of one type.
-- $1 type or null, $2/$3 the cursor (created_at as text, id) or nulls, $4 page size + 1
SELECT id, type, params, metrics, recommendations, confidence::float8 AS confidence, created_by, created_at,
       created_at::text AS cursor_at
FROM analysis_results
WHERE ($1::text IS NULL OR type = $1)
  AND ($2::timestamptz IS NULL OR (created_at, id) < ($2::timestamptz, $3::uuid))
ORDER BY created_at DESC, id DESC
LIMIT $4
