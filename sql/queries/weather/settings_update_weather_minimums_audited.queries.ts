/** Types generated for queries found in "sql/queries/weather/settings_update_weather_minimums_audited.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'SettingsUpdateWeatherMinimumsAudited' parameters type */
export interface SettingsUpdateWeatherMinimumsAuditedParams {
  actorId: string;
  minimums: Json;
}

/** 'SettingsUpdateWeatherMinimumsAudited' return type */
export interface SettingsUpdateWeatherMinimumsAuditedResult {
  updated_at: Date;
  updated_by: string | null;
  value: Json;
}

/** 'SettingsUpdateWeatherMinimumsAudited' query type */
export interface SettingsUpdateWeatherMinimumsAuditedQuery {
  params: SettingsUpdateWeatherMinimumsAuditedParams;
  result: SettingsUpdateWeatherMinimumsAuditedResult;
}

const settingsUpdateWeatherMinimumsAuditedIR: any = {"usedParamSet":{"minimums":true,"actorId":true},"params":[{"name":"minimums","required":true,"transform":{"type":"scalar"},"locs":[{"a":342,"b":351}]},{"name":"actorId","required":true,"transform":{"type":"scalar"},"locs":[{"a":361,"b":369},{"a":662,"b":669}]}],"statement":"-- Replaces the weather minimums and audits the values before and after, in one statement.\n-- :minimums (jsonb, keyed by training level), :actorId acting user id\nWITH before AS (\n  SELECT value FROM settings WHERE key = 'weather_minimums' FOR UPDATE\n), saved AS (\n  INSERT INTO settings (key, value, updated_by)\n  VALUES ('weather_minimums', :minimums!::jsonb, :actorId!::uuid)\n  ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by\n  RETURNING value, updated_at, updated_by\n), audited AS (\n  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)\n  SELECT 'setting', 'weather_minimums', 'setting.updated', :actorId::uuid,\n         jsonb_build_object('before', (SELECT value FROM before), 'after', s.value)\n  FROM saved s\n)\nSELECT value, updated_at, updated_by FROM saved"};

/**
 * Query generated from SQL:
 * ```
 * -- Replaces the weather minimums and audits the values before and after, in one statement.
 * -- :minimums (jsonb, keyed by training level), :actorId acting user id
 * WITH before AS (
 *   SELECT value FROM settings WHERE key = 'weather_minimums' FOR UPDATE
 * ), saved AS (
 *   INSERT INTO settings (key, value, updated_by)
 *   VALUES ('weather_minimums', :minimums!::jsonb, :actorId!::uuid)
 *   ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by
 *   RETURNING value, updated_at, updated_by
 * ), audited AS (
 *   INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
 *   SELECT 'setting', 'weather_minimums', 'setting.updated', :actorId::uuid,
 *          jsonb_build_object('before', (SELECT value FROM before), 'after', s.value)
 *   FROM saved s
 * )
 * SELECT value, updated_at, updated_by FROM saved
 * ```
 */
export const settingsUpdateWeatherMinimumsAudited = new PreparedQuery<SettingsUpdateWeatherMinimumsAuditedParams,SettingsUpdateWeatherMinimumsAuditedResult>(settingsUpdateWeatherMinimumsAuditedIR);


