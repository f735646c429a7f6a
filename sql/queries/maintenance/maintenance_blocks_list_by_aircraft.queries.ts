/** Types generated for queries found in "sql/queries/maintenance/maintenance_blocks_list_by_aircraft.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

export type NumberOrString = number | string;

/** 'MaintenanceBlocksListByAircraft' parameters type */
export interface MaintenanceBlocksListByAircraftParams {
  aircraftId: string;
  cursorAt?: DateOrString | null | void;
  cursorId?: string | null | void;
  limit: NumberOrString;
}

/** 'MaintenanceBlocksListByAircraft' return type */
export interface MaintenanceBlocksListByAircraftResult {
  aircraft_id: string;
  created_at: Date;
  created_by: string | null;
  cursor_at: string | null;
  ends_at: Date;
  found_aircraft_id: string;
  id: string;
  reason: string;
  starts_at: Date;
}

/** 'MaintenanceBlocksListByAircraft' query type */
export interface MaintenanceBlocksListByAircraftQuery {
  params: MaintenanceBlocksListByAircraftParams;
  result: MaintenanceBlocksListByAircraftResult;
}

const maintenanceBlocksListByAircraftIR: any = {"usedParamSet":{"cursorAt":true,"cursorId":true,"limit":true,"aircraftId":true},"params":[{"name":"cursorAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":398,"b":406},{"a":455,"b":463}]},{"name":"cursorId","required":false,"transform":{"type":"scalar"},"locs":[{"a":479,"b":487}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":534,"b":540}]},{"name":"aircraftId","required":true,"transform":{"type":"scalar"},"locs":[{"a":570,"b":581}]}],"statement":"-- A page of an aircraft's maintenance blocks by start time. No row: no such aircraft; one row\n-- with a null id: none yet.\n-- :cursorAt/:cursorId the cursor (starts_at as text, id) or nulls, :limit page size + 1\nSELECT a.id AS found_aircraft_id, m.*\nFROM aircraft a\nLEFT JOIN LATERAL (\n  SELECT b.*, b.starts_at::text AS cursor_at\n  FROM maintenance_blocks b\n  WHERE b.aircraft_id = a.id\n    AND (:cursorAt::timestamptz IS NULL OR (b.starts_at, b.id) > (:cursorAt::timestamptz, :cursorId::uuid))\n  ORDER BY b.starts_at, b.id\n  LIMIT :limit!\n) AS m ON true\nWHERE a.id = :aircraftId!::uuid\nORDER BY m.starts_at, m.id"};

/**
 * Query generated from SQL:
 * ```
 * -- A page of an aircraft's maintenance blocks by start time. No row: no such aircraft; one row
 * -- with a null id: none yet.
 * -- :cursorAt/:cursorId the cursor (starts_at as text, id) or nulls, :limit page size + 1
 * SELECT a.id AS found_aircraft_id, m.*
 * FROM aircraft a
 * LEFT JOIN LATERAL (
 *   SELECT b.*, b.starts_at::text AS cursor_at
 *   FROM maintenance_blocks b
 *   WHERE b.aircraft_id = a.id
 *     AND (:cursorAt::timestamptz IS NULL OR (b.starts_at, b.id) > (:cursorAt::timestamptz, :cursorId::uuid))
 *   ORDER BY b.starts_at, b.id
 *   LIMIT :limit!
 * ) AS m ON true
 * WHERE a.id = :aircraftId!::uuid
 * ORDER BY m.starts_at, m.id
 * ```
 */
export const maintenanceBlocksListByAircraft = new PreparedQuery<MaintenanceBlocksListByAircraftParams,MaintenanceBlocksListByAircraftResult>(maintenanceBlocksListByAircraftIR);


