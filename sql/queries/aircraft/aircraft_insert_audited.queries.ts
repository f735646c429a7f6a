/** Types generated for queries found in "sql/queries/aircraft/aircraft_insert_audited.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type NumberOrString = number | string;

/** 'AircraftInsertAudited' parameters type */
export interface AircraftInsertAuditedParams {
  actorId?: string | null | void;
  crosswindLimitKt?: number | null | void;
  hobbsHours?: NumberOrString | null | void;
  homeAirport?: string | null | void;
  idempotencyKey?: string | null | void;
  requestHash?: string | null | void;
  requestPath?: string | null | void;
  tachHours?: NumberOrString | null | void;
  tailNumber?: string | null | void;
  typeCode?: string | null | void;
}

/** 'AircraftInsertAudited' return type */
export interface AircraftInsertAuditedResult {
  airport_known: boolean | null;
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
  type_known: boolean | null;
  updated_at: Date;
}

/** 'AircraftInsertAudited' query type */
export interface AircraftInsertAuditedQuery {
  params: AircraftInsertAuditedParams;
  result: AircraftInsertAuditedResult;
}

const aircraftInsertAuditedIR: any = {"usedParamSet":{"typeCode":true,"homeAirport":true,"tailNumber":true,"crosswindLimitKt":true,"hobbsHours":true,"tachHours":true,"actorId":true,"idempotencyKey":true,"requestPath":true,"requestHash":true},"params":[{"name":"typeCode","required":false,"transform":{"type":"scalar"},"locs":[{"a":627,"b":635}]},{"name":"homeAirport","required":false,"transform":{"type":"scalar"},"locs":[{"a":713,"b":724},{"a":745,"b":756}]},{"name":"tailNumber","required":false,"transform":{"type":"scalar"},"locs":[{"a":908,"b":918}]},{"name":"crosswindLimitKt","required":false,"transform":{"type":"scalar"},"locs":[{"a":950,"b":966}]},{"name":"hobbsHours","required":false,"transform":{"type":"scalar"},"locs":[{"a":978,"b":988}]},{"name":"tachHours","required":false,"transform":{"type":"scalar"},"locs":[{"a":1000,"b":1009}]},{"name":"actorId","required":false,"transform":{"type":"scalar"},"locs":[{"a":1266,"b":1273},{"a":1765,"b":1772}]},{"name":"idempotencyKey","required":false,"transform":{"type":"scalar"},"locs":[{"a":1775,"b":1789}]},{"name":"requestPath","required":false,"transform":{"type":"scalar"},"locs":[{"a":1792,"b":1803}]},{"name":"requestHash","required":false,"transform":{"type":"scalar"},"locs":[{"a":1806,"b":1817}]}],"statement":"-- Adds an aircraft to the fleet with its audit entry in one statement. The type and the home\n-- airport (ICAO or IATA) are resolved here; when either is unknown nothing is inserted and the\n-- flags say which.\n-- :tailNumber tail_number, :typeCode type_code, :homeAirport home airport code, :crosswindLimitKt crosswind_limit_kt or null,\n-- :actorId acting user id, :hobbsHours hobbs_hours, :tachHours tach_hours (the meters as the aircraft arrives),\n-- :idempotencyKey Idempotency-Key or null, :requestHash request hash, :requestPath request path\nWITH resolved AS (\n  SELECT (SELECT t.code FROM aircraft_types t WHERE t.code = :typeCode) AS type_code,\n         (SELECT a.icao FROM airports a WHERE a.icao = upper(:homeAirport) OR a.iata = upper(:homeAirport)) AS home_airport\n), created AS (\n  INSERT INTO aircraft (tail_number, type_code, home_airport, crosswind_limit_kt, hobbs_hours, tach_hours)\n  SELECT :tailNumber, r.type_code, r.home_airport, :crosswindLimitKt::integer, :hobbsHours::numeric, :tachHours::numeric\n  FROM resolved r\n  WHERE r.type_code IS NOT NULL AND r.home_airport IS NOT NULL\n  RETURNING *\n), audited AS (\n  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)\n  SELECT 'aircraft', created.id::text, 'aircraft.created', :actorId::uuid,\n         jsonb_build_object('tail_number', created.tail_number, 'type_code', created.type_code,\n                            'home_airport', created.home_airport, 'crosswind_limit_kt', created.crosswind_limit_kt,\n                            'hobbs_hours', created.hobbs_hours, 'tach_hours', created.tach_hours)\n  FROM created\n), shown AS (\n  SELECT c.*, aircraft_grounded_reasons(ROW(c.*)::aircraft) AS grounded_reasons FROM created c\n), remembered AS (\n  SELECT idempotency_remember(:actorId, :idempotencyKey, :requestPath, :requestHash, 201, to_jsonb(shown))\n  FROM shown\n)\nSELECT r.type_code IS NOT NULL AS type_known, r.home_airport IS NOT NULL AS airport_known,\n       c.id, c.tail_number, c.type_code, c.home_airport, c.crosswind_limit_kt, c.status, c.created_at, c.updated_at,\n       c.hobbs_hours, c.tach_hours, c.grounded_reasons\nFROM resolved r\nLEFT JOIN shown c ON true\nCROSS JOIN (SELECT count(*) FROM remembered) AS stored"};

/**
 * Query generated from SQL:
 * ```
 * -- Adds an aircraft to the fleet with its audit entry in one statement. The type and the home
 * -- airport (ICAO or IATA) are resolved here; when either is unknown nothing is inserted and the
 * -- flags say which.
 * -- :tailNumber tail_number, :typeCode type_code, :homeAirport home airport code, :crosswindLimitKt crosswind_limit_kt or null,
 * -- :actorId acting user id, :hobbsHours hobbs_hours, :tachHours tach_hours (the meters as the aircraft arrives),
 * -- :idempotencyKey Idempotency-Key or null, :requestHash request hash, :requestPath request path
 * WITH resolved AS (
 *   SELECT (SELECT t.code FROM aircraft_types t WHERE t.code = :typeCode) AS type_code,
 *          (SELECT a.icao FROM airports a WHERE a.icao = upper(:homeAirport) OR a.iata = upper(:homeAirport)) AS home_airport
 * ), created AS (
 *   INSERT INTO aircraft (tail_number, type_code, home_airport, crosswind_limit_kt, hobbs_hours, tach_hours)
 *   SELECT :tailNumber, r.type_code, r.home_airport, :crosswindLimitKt::integer, :hobbsHours::numeric, :tachHours::numeric
 *   FROM resolved r
 *   WHERE r.type_code IS NOT NULL AND r.home_airport IS NOT NULL
 *   RETURNING *
 * ), audited AS (
 *   INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
 *   SELECT 'aircraft', created.id::text, 'aircraft.created', :actorId::uuid,
 *          jsonb_build_object('tail_number', created.tail_number, 'type_code', created.type_code,
 *                             'home_airport', created.home_airport, 'crosswind_limit_kt', created.crosswind_limit_kt,
 *                             'hobbs_hours', created.hobbs_hours, 'tach_hours', created.tach_hours)
 *   FROM created
 * ), shown AS (
 *   SELECT c.*, aircraft_grounded_reasons(ROW(c.*)::aircraft) AS grounded_reasons FROM created c
 * ), remembered AS (
 *   SELECT idempotency_remember(:actorId, :idempotencyKey, :requestPath, :requestHash, 201, to_jsonb(shown))
 *   FROM shown
 * )
 * SELECT r.type_code IS NOT NULL AS type_known, r.home_airport IS NOT NULL AS airport_known,
 *        c.id, c.tail_number, c.type_code, c.home_airport, c.crosswind_limit_kt, c.status, c.created_at, c.updated_at,
 *        c.hobbs_hours, c.tach_hours, c.grounded_reasons
 * FROM resolved r
 * LEFT JOIN shown c ON true
 * CROSS JOIN (SELECT count(*) FROM remembered) AS stored
 * ```
 */
export const aircraftInsertAudited = new PreparedQuery<AircraftInsertAuditedParams,AircraftInsertAuditedResult>(aircraftInsertAuditedIR);


