/** Types generated for queries found in "sql/queries/settings/settings_update_booking_rules_audited.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'SettingsUpdateBookingRulesAudited' parameters type */
export interface SettingsUpdateBookingRulesAuditedParams {
  actorId: string;
  changes: Json;
}

/** 'SettingsUpdateBookingRulesAudited' return type */
export interface SettingsUpdateBookingRulesAuditedResult {
  updated_at: Date;
  updated_by: string | null;
  value: Json;
}

/** 'SettingsUpdateBookingRulesAudited' query type */
export interface SettingsUpdateBookingRulesAuditedQuery {
  params: SettingsUpdateBookingRulesAuditedParams;
  result: SettingsUpdateBookingRulesAuditedResult;
}

const settingsUpdateBookingRulesAuditedIR: any = {"usedParamSet":{"changes":true,"actorId":true},"params":[{"name":"changes","required":true,"transform":{"type":"scalar"},"locs":[{"a":698,"b":706},{"a":852,"b":859}]},{"name":"actorId","required":true,"transform":{"type":"scalar"},"locs":[{"a":1049,"b":1057},{"a":1360,"b":1367}]}],"statement":"-- Changes the booking rules and audits the rules before and after, in one statement. Each rule\n-- sent replaces the fields it names; rules and fields left out keep their values. The merge\n-- starts from the locked row, so two changes at once each keep the other's.\n-- :changes jsonb { rules?: { <rule>: { mode?, ...params } }, late_cancel_hours? }, :actorId acting user id\nWITH before AS (\n  SELECT value FROM settings WHERE key = 'booking_rules' FOR UPDATE\n), current AS (\n  SELECT booking_rules_over(coalesce((SELECT value FROM before), '{}'::jsonb)) AS value\n), merged AS (\n  SELECT booking_rules_over(jsonb_build_object(\n           'rules', (SELECT jsonb_object_agg(r.key, r.value || coalesce(:changes!::jsonb -> 'rules' -> r.key, '{}'::jsonb))\n                     FROM jsonb_each(c.value -> 'rules') r),\n           'late_cancel_hours', coalesce(:changes::jsonb -> 'late_cancel_hours', c.value -> 'late_cancel_hours'))) AS value\n  FROM current c\n), saved AS (\n  INSERT INTO settings (key, value, updated_by)\n  SELECT 'booking_rules', m.value, :actorId!::uuid FROM merged m\n  ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by\n  RETURNING value, updated_at, updated_by\n), audited AS (\n  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)\n  SELECT 'setting', 'booking_rules', 'setting.updated', :actorId::uuid,\n         jsonb_build_object('before', (SELECT value FROM current), 'after', s.value)\n  FROM saved s\n)\nSELECT value, updated_at, updated_by FROM saved"};

/**
 * Query generated from SQL:
 * ```
 * -- Changes the booking rules and audits the rules before and after, in one statement. Each rule
 * -- sent replaces the fields it names; rules and fields left out keep their values. The merge
 * -- starts from the locked row, so two changes at once each keep the other's.
 * -- :changes jsonb { rules?: { <rule>: { mode?, ...params } }, late_cancel_hours? }, :actorId acting user id
 * WITH before AS (
 *   SELECT value FROM settings WHERE key = 'booking_rules' FOR UPDATE
 * ), current AS (
 *   SELECT booking_rules_over(coalesce((SELECT value FROM before), '{}'::jsonb)) AS value
 * ), merged AS (
 *   SELECT booking_rules_over(jsonb_build_object(
 *            'rules', (SELECT jsonb_object_agg(r.key, r.value || coalesce(:changes!::jsonb -> 'rules' -> r.key, '{}'::jsonb))
 *                      FROM jsonb_each(c.value -> 'rules') r),
 *            'late_cancel_hours', coalesce(:changes::jsonb -> 'late_cancel_hours', c.value -> 'late_cancel_hours'))) AS value
 *   FROM current c
 * ), saved AS (
 *   INSERT INTO settings (key, value, updated_by)
 *   SELECT 'booking_rules', m.value, :actorId!::uuid FROM merged m
 *   ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by
 *   RETURNING value, updated_at, updated_by
 * ), audited AS (
 *   INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
 *   SELECT 'setting', 'booking_rules', 'setting.updated', :actorId::uuid,
 *          jsonb_build_object('before', (SELECT value FROM current), 'after', s.value)
 *   FROM saved s
 * )
 * SELECT value, updated_at, updated_by FROM saved
 * ```
 */
export const settingsUpdateBookingRulesAudited = new PreparedQuery<SettingsUpdateBookingRulesAuditedParams,SettingsUpdateBookingRulesAuditedResult>(settingsUpdateBookingRulesAuditedIR);


