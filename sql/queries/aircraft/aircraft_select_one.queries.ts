/** Types generated for queries found in "sql/queries/aircraft/aircraft_select_one.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'AircraftSelectOne' parameters type */
export interface AircraftSelectOneParams {
  aircraftId: string;
}

/** 'AircraftSelectOne' return type */
export interface AircraftSelectOneResult {
  created_at: Date;
  crosswind_limit_kt: number | null;
  grounded_reasons: Json | null;
  /** Hobbs meter total; advanced only by check-in. */
  hobbs_hours: string;
  home_airport: string;
  id: string;
  status: string;
  /** Tachometer total, the clock maintenance intervals run on; advanced only by check-in. */
  tach_hours: string;
  tail_number: string;
  type_code: string;
  updated_at: Date;
}

/** 'AircraftSelectOne' query type */
export interface AircraftSelectOneQuery {
  params: AircraftSelectOneParams;
  result: AircraftSelectOneResult;
}

const aircraftSelectOneIR: any = {"usedParamSet":{"aircraftId":true},"params":[{"name":"aircraftId","required":true,"transform":{"type":"scalar"},"locs":[{"a":274,"b":285}]}],"statement":"-- One aircraft, with why it cannot fly now (if it cannot).\nSELECT id, tail_number, type_code, home_airport, crosswind_limit_kt, status, created_at, updated_at,\n       hobbs_hours, tach_hours, aircraft_grounded_reasons(aircraft) AS grounded_reasons\nFROM aircraft\nWHERE id = :aircraftId!"};

/**
 * Query generated from SQL:
 * ```
 * -- One aircraft, with why it cannot fly now (if it cannot).
 * SELECT id, tail_number, type_code, home_airport, crosswind_limit_kt, status, created_at, updated_at,
 *        hobbs_hours, tach_hours, aircraft_grounded_reasons(aircraft) AS grounded_reasons
 * FROM aircraft
 * WHERE id = :aircraftId!
 * ```
 */
export const aircraftSelectOne = new PreparedQuery<AircraftSelectOneParams,AircraftSelectOneResult>(aircraftSelectOneIR);


