/* @name AnalysisResultsListPage */
-- A page of stored analyses, newest first, optionally of one type.
-- :type or null, :cursorAt/:cursorId the cursor (created_at as text, id) or nulls, :limit page size + 1
SELECT id, type, params, metrics, recommendations, confidence::float8 AS confidence, created_by, created_at,
       created_at::text AS cursor_at
FROM analysis_results
WHERE (:type::text IS NULL OR type = :type)
  AND (:cursorAt::timestamptz IS NULL OR (created_at, id) < (:cursorAt::timestamptz, :cursorId::uuid))
ORDER BY created_at DESC, id DESC
LIMIT :limit!;
