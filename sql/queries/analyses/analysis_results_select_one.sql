/* @name AnalysisResultsSelectOne */
-- One stored analysis.
SELECT id, type, params, metrics, recommendations, confidence::float8 AS confidence, created_by, created_at
FROM analysis_results WHERE id = :analysisId!;
