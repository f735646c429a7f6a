/** Types generated for queries found in "sql/queries/weather/weather_forecasts_upsert_latest.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'WeatherForecastsUpsertLatest' parameters type */
export interface WeatherForecastsUpsertLatestParams {
  tafs: Json;
}

/** 'WeatherForecastsUpsertLatest' return type */
export type WeatherForecastsUpsertLatestResult = void;

/** 'WeatherForecastsUpsertLatest' query type */
export interface WeatherForecastsUpsertLatestQuery {
  params: WeatherForecastsUpsertLatestParams;
  result: WeatherForecastsUpsertLatestResult;
}

const weatherForecastsUpsertLatestIR: any = {"usedParamSet":{"tafs":true},"params":[{"name":"tafs","required":true,"transform":{"type":"scalar"},"locs":[{"a":324,"b":329}]}],"statement":"-- Keeps the newest TAF per airport: an older issue never replaces a newer one, and ids that\n-- are not airports we know are skipped.\n-- :tafs jsonb array of TAFs (icaoId, issueTime ISO, validTimeFrom/validTimeTo epoch seconds, fcsts...)\nWITH fetched AS (\n  SELECT DISTINCT ON (t ->> 'icaoId') t\n  FROM jsonb_array_elements(:tafs!::jsonb) AS t\n  ORDER BY t ->> 'icaoId', (t ->> 'issueTime')::timestamptz DESC\n)\nINSERT INTO weather_forecasts (airport, issue_time, valid_from, valid_to, forecast, fetched_at)\nSELECT a.icao, (f.t ->> 'issueTime')::timestamptz, to_timestamp((f.t ->> 'validTimeFrom')::double precision),\n       to_timestamp((f.t ->> 'validTimeTo')::double precision), f.t, now()\nFROM fetched f\nJOIN airports a ON a.icao = f.t ->> 'icaoId'\nON CONFLICT (airport) DO UPDATE SET\n  issue_time = EXCLUDED.issue_time,\n  valid_from = EXCLUDED.valid_from,\n  valid_to   = EXCLUDED.valid_to,\n  forecast   = EXCLUDED.forecast,\n  fetched_at = EXCLUDED.fetched_at\nWHERE weather_forecasts.issue_time <= EXCLUDED.issue_time"};

/**
 * Query generated from SQL:
 * ```
 * -- Keeps the newest TAF per airport: an older issue never replaces a newer one, and ids that
 * -- are not airports we know are skipped.
 * -- :tafs jsonb array of TAFs (icaoId, issueTime ISO, validTimeFrom/validTimeTo epoch seconds, fcsts...)
 * WITH fetched AS (
 *   SELECT DISTINCT ON (t ->> 'icaoId') t
 *   FROM jsonb_array_elements(:tafs!::jsonb) AS t
 *   ORDER BY t ->> 'icaoId', (t ->> 'issueTime')::timestamptz DESC
 * )
 * INSERT INTO weather_forecasts (airport, issue_time, valid_from, valid_to, forecast, fetched_at)
 * SELECT a.icao, (f.t ->> 'issueTime')::timestamptz, to_timestamp((f.t ->> 'validTimeFrom')::double precision),
 *        to_timestamp((f.t ->> 'validTimeTo')::double precision), f.t, now()
 * FROM fetched f
 * JOIN airports a ON a.icao = f.t ->> 'icaoId'
 * ON CONFLICT (airport) DO UPDATE SET
 *   issue_time = EXCLUDED.issue_time,
 *   valid_from = EXCLUDED.valid_from,
 *   valid_to   = EXCLUDED.valid_to,
 *   forecast   = EXCLUDED.forecast,
 *   fetched_at = EXCLUDED.fetched_at
 * WHERE weather_forecasts.issue_time <= EXCLUDED.issue_time
 * ```
 */
export const weatherForecastsUpsertLatest = new PreparedQuery<WeatherForecastsUpsertLatestParams,WeatherForecastsUpsertLatestResult>(weatherForecastsUpsertLatestIR);


