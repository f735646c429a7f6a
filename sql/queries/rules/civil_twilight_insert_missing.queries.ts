/** Types generated for queries found in "sql/queries/rules/civil_twilight_insert_missing.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'CivilTwilightInsertMissing' parameters type */
export interface CivilTwilightInsertMissingParams {
  twilight: Json;
}

/** 'CivilTwilightInsertMissing' return type */
export type CivilTwilightInsertMissingResult = void;

/** 'CivilTwilightInsertMissing' query type */
export interface CivilTwilightInsertMissingQuery {
  params: CivilTwilightInsertMissingParams;
  result: CivilTwilightInsertMissingResult;
}

const civilTwilightInsertMissingIR: any = {"usedParamSet":{"twilight":true},"params":[{"name":"twilight","required":true,"transform":{"type":"scalar"},"locs":[{"a":373,"b":382}]}],"statement":"-- Stores civil twilight rows the daylight rule will read (computed by the application), keeping\n-- rows already there: the figures for an airport and day never change.\n-- :twilight jsonb [{ airport, day, civil_dawn, civil_dusk }]\nINSERT INTO civil_twilight (airport, day, civil_dawn, civil_dusk)\nSELECT x.airport, x.day, x.civil_dawn, x.civil_dusk\nFROM jsonb_to_recordset(:twilight!::jsonb) AS x (airport text, day date, civil_dawn timestamptz, civil_dusk timestamptz)\nON CONFLICT (airport, day) DO NOTHING"};

/**
 * Query generated from SQL:
 * ```
 * -- Stores civil twilight rows the daylight rule will read (computed by the application), keeping
 * -- rows already there: the figures for an airport and day never change.
 * -- :twilight jsonb [{ airport, day, civil_dawn, civil_dusk }]
 * INSERT INTO civil_twilight (airport, day, civil_dawn, civil_dusk)
 * SELECT x.airport, x.day, x.civil_dawn, x.civil_dusk
 * FROM jsonb_to_recordset(:twilight!::jsonb) AS x (airport text, day date, civil_dawn timestamptz, civil_dusk timestamptz)
 * ON CONFLICT (airport, day) DO NOTHING
 * ```
 */
export const civilTwilightInsertMissing = new PreparedQuery<CivilTwilightInsertMissingParams,CivilTwilightInsertMissingResult>(civilTwilightInsertMissingIR);


