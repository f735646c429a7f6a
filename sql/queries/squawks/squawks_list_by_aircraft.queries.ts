/** Types generated for queries found in "sql/queries/squawks/squawks_list_by_aircraft.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

export type NumberOrString = number | string;

/** 'SquawksListByAircraft' parameters type */
export interface SquawksListByAircraftParams {
  aircraftId: string;
  cursorAt?: DateOrString | null | void;
  cursorId?: string | null | void;
  limit: NumberOrString;
  status?: string | null | void;
}

/** 'SquawksListByAircraft' return type */
export interface SquawksListByAircraftResult {
  aircraft_id: string;
  booking_id: string | null;
  cursor_at: string | null;
  description: string;
  found_aircraft_id: string;
  id: string;
  reported_at: Date;
  reported_by: string | null;
  resolution: string | null;
  resolution_note: string | null;
  resolved_at: Date | null;
  resolved_by: string | null;
  severity: string;
  status: string;
}

/** 'SquawksListByAircraft' query type */
export interface SquawksListByAircraftQuery {
  params: SquawksListByAircraftParams;
  result: SquawksListByAircraftResult;
}

const squawksListByAircraftIR: any = {"usedParamSet":{"status":true,"cursorAt":true,"cursorId":true,"limit":true,"aircraftId":true},"params":[{"name":"status","required":false,"transform":{"type":"scalar"},"locs":[{"a":432,"b":438},{"a":468,"b":474}]},{"name":"cursorAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":486,"b":494},{"a":545,"b":553}]},{"name":"cursorId","required":false,"transform":{"type":"scalar"},"locs":[{"a":569,"b":577}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":636,"b":642}]},{"name":"aircraftId","required":true,"transform":{"type":"scalar"},"locs":[{"a":672,"b":683}]}],"statement":"-- A page of an aircraft's squawks, newest first, optionally of one status. No row: no such\n-- aircraft; one row with a null id: none (of that status).\n-- :status or null, :cursorAt/:cursorId the cursor (reported_at as text, id) or nulls, :limit page size + 1\nSELECT a.id AS found_aircraft_id, s.*\nFROM aircraft a\nLEFT JOIN LATERAL (\n  SELECT q.*, q.reported_at::text AS cursor_at\n  FROM squawks q\n  WHERE q.aircraft_id = a.id AND (:status::text IS NULL OR q.status = :status)\n    AND (:cursorAt::timestamptz IS NULL OR (q.reported_at, q.id) < (:cursorAt::timestamptz, :cursorId::uuid))\n  ORDER BY q.reported_at DESC, q.id DESC\n  LIMIT :limit!\n) AS s ON true\nWHERE a.id = :aircraftId!::uuid\nORDER BY s.reported_at DESC, s.id DESC"};

/**
 * Query generated from SQL:
 * ```
 * -- A page of an aircraft's squawks, newest first, optionally of one status. No row: no such
 * -- aircraft; one row with a null id: none (of that status).
 * -- :status or null, :cursorAt/:cursorId the cursor (reported_at as text, id) or nulls, :limit page size + 1
 * SELECT a.id AS found_aircraft_id, s.*
 * FROM aircraft a
 * LEFT JOIN LATERAL (
 *   SELECT q.*, q.reported_at::text AS cursor_at
 *   FROM squawks q
 *   WHERE q.aircraft_id = a.id AND (:status::text IS NULL OR q.status = :status)
 *     AND (:cursorAt::timestamptz IS NULL OR (q.reported_at, q.id) < (:cursorAt::timestamptz, :cursorId::uuid))
 *   ORDER BY q.reported_at DESC, q.id DESC
 *   LIMIT :limit!
 * ) AS s ON true
 * WHERE a.id = :aircraftId!::uuid
 * ORDER BY s.reported_at DESC, s.id DESC
 * ```
 */
export const squawksListByAircraft = new PreparedQuery<SquawksListByAircraftParams,SquawksListByAircraftResult>(squawksListByAircraftIR);


