/** Types generated for queries found in "sql/queries/settings/settings_select_booking_rules.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'SettingsSelectBookingRules' parameters type */
export type SettingsSelectBookingRulesParams = void;

/** 'SettingsSelectBookingRules' return type */
export interface SettingsSelectBookingRulesResult {
  updated_at: Date;
  updated_by: string | null;
  value: Json | null;
}

/** 'SettingsSelectBookingRules' query type */
export interface SettingsSelectBookingRulesQuery {
  params: SettingsSelectBookingRulesParams;
  result: SettingsSelectBookingRulesResult;
}

const settingsSelectBookingRulesIR: any = {"usedParamSet":{},"params":[],"statement":"-- The booking rules in force, with who changed them last.\nSELECT booking_rules() AS value, s.updated_at, s.updated_by\nFROM (SELECT 1) AS one\nLEFT JOIN settings s ON s.key = 'booking_rules'"};

/**
 * Query generated from SQL:
 * ```
 * -- The booking rules in force, with who changed them last.
 * SELECT booking_rules() AS value, s.updated_at, s.updated_by
 * FROM (SELECT 1) AS one
 * LEFT JOIN settings s ON s.key = 'booking_rules'
 * ```
 */
export const settingsSelectBookingRules = new PreparedQuery<SettingsSelectBookingRulesParams,SettingsSelectBookingRulesResult>(settingsSelectBookingRulesIR);


