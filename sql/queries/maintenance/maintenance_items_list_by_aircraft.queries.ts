/** Types generated for queries found in "sql/queries/maintenance/maintenance_items_list_by_aircraft.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type NumberOrString = number | string;

/** 'MaintenanceItemsListByAircraft' parameters type */
export interface MaintenanceItemsListByAircraftParams {
  aircraftId: string;
  cursorAt?: DateOrString | null | void;
  cursorId?: string | null | void;
  limit: NumberOrString;
}

/** 'MaintenanceItemsListByAircraft' return type */
export interface MaintenanceItemsListByAircraftResult {
  aircraft_id: string;
  cursor_at: string | null;
  id: string;
  item: Json | null;
}

/** 'MaintenanceItemsListByAircraft' query type */
export interface MaintenanceItemsListByAircraftQuery {
  params: MaintenanceItemsListByAircraftParams;
  result: MaintenanceItemsListByAircraftResult;
}

const maintenanceItemsListByAircraftIR: any = {"usedParamSet":{"cursorAt":true,"cursorId":true,"limit":true,"aircraftId":true},"params":[{"name":"cursorAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":505,"b":513},{"a":563,"b":571}]},{"name":"cursorId","required":false,"transform":{"type":"scalar"},"locs":[{"a":587,"b":595}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":643,"b":649}]},{"name":"aircraftId","required":true,"transform":{"type":"scalar"},"locs":[{"a":679,"b":690}]}],"statement":"-- A page of an aircraft's maintenance items in the order they were added, each with its due\n-- figures and status. No row: no such aircraft; one row with a null item: none yet.\n-- :cursorAt/:cursorId the cursor (created_at as text, id) or nulls, :limit page size + 1\nSELECT a.id AS aircraft_id, i.id, i.cursor_at, i.item\nFROM aircraft a\nLEFT JOIN LATERAL (\n  SELECT m.id, m.created_at::text AS cursor_at, maintenance_item_state(m) AS item\n  FROM maintenance_items m\n  WHERE m.aircraft_id = a.id\n    AND (:cursorAt::timestamptz IS NULL OR (m.created_at, m.id) > (:cursorAt::timestamptz, :cursorId::uuid))\n  ORDER BY m.created_at, m.id\n  LIMIT :limit!\n) AS i ON true\nWHERE a.id = :aircraftId!::uuid\nORDER BY i.cursor_at, i.id"};

/**
 * Query generated from SQL:
 * ```
 * -- A page of an aircraft's maintenance items in the order they were added, each with its due
 * -- figures and status. No row: no such aircraft; one row with a null item: none yet.
 * -- :cursorAt/:cursorId the cursor (created_at as text, id) or nulls, :limit page size + 1
 * SELECT a.id AS aircraft_id, i.id, i.cursor_at, i.item
 * FROM aircraft a
 * LEFT JOIN LATERAL (
 *   SELECT m.id, m.created_at::text AS cursor_at, maintenance_item_state(m) AS item
 *   FROM maintenance_items m
 *   WHERE m.aircraft_id = a.id
 *     AND (:cursorAt::timestamptz IS NULL OR (m.created_at, m.id) > (:cursorAt::timestamptz, :cursorId::uuid))
 *   ORDER BY m.created_at, m.id
 *   LIMIT :limit!
 * ) AS i ON true
 * WHERE a.id = :aircraftId!::uuid
 * ORDER BY i.cursor_at, i.id
 * ```
 */
export const maintenanceItemsListByAircraft = new PreparedQuery<MaintenanceItemsListByAircraftParams,MaintenanceItemsListByAircraftResult>(maintenanceItemsListByAircraftIR);


