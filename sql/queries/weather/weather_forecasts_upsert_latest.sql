/* @name WeatherForecastsUpsertLatest */
-- Keeps the newest TAF per airport: an older issue never replaces a newer one, and ids that
-- are not airports we know are skipped.
-- :tafs jsonb array of TAFs (icaoId, issueTime ISO, validTimeFrom/validTimeTo epoch seconds, fcsts...)
WITH fetched AS (
  SELECT DISTINCT ON (t ->> 'icaoId') t
  FROM jsonb_array_elements(:tafs!::jsonb) AS t
  ORDER BY t ->> 'icaoId', (t ->> 'issueTime')::timestamptz DESC
)
INSERT INTO weather_forecasts (airport, issue_time, valid_from, valid_to, forecast, fetched_at)
SELECT a.icao, (f.t ->> 'issueTime')::timestamptz, to_timestamp((f.t ->> 'validTimeFrom')::double precision),
       to_timestamp((f.t ->> 'validTimeTo')::double precision), f.t, now()
FROM fetched f
JOIN airports a ON a.icao = f.t ->> 'icaoId'
ON CONFLICT (airport) DO UPDATE SET
  issue_time = EXCLUDED.issue_time,
  valid_from = EXCLUDED.valid_from,
  valid_to   = EXCLUDED.valid_to,
  forecast   = EXCLUDED.forecast,
  fetched_at = EXCLUDED.fetched_at
WHERE weather_forecasts.issue_time <= EXCLUDED.issue_time;
