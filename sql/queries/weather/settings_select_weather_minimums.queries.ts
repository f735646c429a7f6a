/** Types generated for queries found in "sql/queries/weather/settings_select_weather_minimums.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'SettingsSelectWeatherMinimums' parameters type */
export type SettingsSelectWeatherMinimumsParams = void;

/** 'SettingsSelectWeatherMinimums' return type */
export interface SettingsSelectWeatherMinimumsResult {
  updated_at: Date;
  updated_by: string | null;
  value: Json;
}

/** 'SettingsSelectWeatherMinimums' query type */
export interface SettingsSelectWeatherMinimumsQuery {
  params: SettingsSelectWeatherMinimumsParams;
  result: SettingsSelectWeatherMinimumsResult;
}

const settingsSelectWeatherMinimumsIR: any = {"usedParamSet":{},"params":[],"statement":"-- The weather minimums per training level, as an admin last set them.\nSELECT value, updated_at, updated_by FROM settings WHERE key = 'weather_minimums'"};

/**
 * Query generated from SQL:
 * ```
 * -- The weather minimums per training level, as an admin last set them.
 * SELECT value, updated_at, updated_by FROM settings WHERE key = 'weather_minimums'
 * ```
 */
export const settingsSelectWeatherMinimums = new PreparedQuery<SettingsSelectWeatherMinimumsParams,SettingsSelectWeatherMinimumsResult>(settingsSelectWeatherMinimumsIR);


