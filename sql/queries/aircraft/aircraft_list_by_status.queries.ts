/** Types generated for queries found in "sql/queries/aircraft/aircraft_list_by_status.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type NumberOrString = number | string;

/** 'AircraftListByStatus' parameters type */
export interface AircraftListByStatusParams {
  cursorAt?: DateOrString | null | void;
  cursorId?: string | null | void;
  limit: NumberOrString;
  status?: string | null | void;
}

/** 'AircraftListByStatus' return type */
export interface AircraftListByStatusResult {
  created_at: Date;
  crosswind_limit_kt: number | null;
  cursor_at: string | null;
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

/** 'AircraftListByStatus' query type */
export interface AircraftListByStatusQuery {
  params: AircraftListByStatusParams;
  result: AircraftListByStatusResult;
}

const aircraftListByStatusIR: any = {"usedParamSet":{"status":true,"cursorAt":true,"cursorId":true,"limit":true},"params":[{"name":"status","required":false,"transform":{"type":"scalar"},"locs":[{"a":482,"b":488},{"a":516,"b":522}]},{"name":"cursorAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":532,"b":540},{"a":586,"b":594}]},{"name":"cursorId","required":false,"transform":{"type":"scalar"},"locs":[{"a":610,"b":618}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":658,"b":664}]}],"statement":"-- A page of the fleet in the order aircraft were added, optionally of one status, each with why\n-- it cannot fly now (if it cannot).\n-- :status or null, :cursorAt/:cursorId the cursor (created_at as text, id) or nulls, :limit page size + 1\nSELECT id, tail_number, type_code, home_airport, crosswind_limit_kt, status, created_at, updated_at,\n       hobbs_hours, tach_hours, aircraft_grounded_reasons(aircraft) AS grounded_reasons, created_at::text AS cursor_at\nFROM aircraft\nWHERE (:status::text IS NULL OR status = :status)\n  AND (:cursorAt::timestamptz IS NULL OR (created_at, id) > (:cursorAt::timestamptz, :cursorId::uuid))\nORDER BY created_at, id\nLIMIT :limit!"};

/**
 * Query generated from SQL:
 * ```
 * -- A page of the fleet in the order aircraft were added, optionally of one status, each with why
 * -- it cannot fly now (if it cannot).
 * -- :status or null, :cursorAt/:cursorId the cursor (created_at as text, id) or nulls, :limit page size + 1
 * SELECT id, tail_number, type_code, home_airport, crosswind_limit_kt, status, created_at, updated_at,
 *        hobbs_hours, tach_hours, aircraft_grounded_reasons(aircraft) AS grounded_reasons, created_at::text AS cursor_at
 * FROM aircraft
 * WHERE (:status::text IS NULL OR status = :status)
 *   AND (:cursorAt::timestamptz IS NULL OR (created_at, id) > (:cursorAt::timestamptz, :cursorId::uuid))
 * ORDER BY created_at, id
 * LIMIT :limit!
 * ```
 */
export const aircraftListByStatus = new PreparedQuery<AircraftListByStatusParams,AircraftListByStatusResult>(aircraftListByStatusIR);


