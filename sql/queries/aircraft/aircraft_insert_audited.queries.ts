/** Types generated for queries found in "sql/queries/aircraft/aircraft_insert_audited.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type NumberOrString = number | string;

/** 'AircraftInsertAudited' parameters type */
export interface AircraftInsertAuditedParams {
  actorId: string;
  crosswindLimitKt?: number | null | void;
  hobbsHours: NumberOrString;
  homeAirport: string;
  idempotencyKey?: string | null | void;
  requestHash?: string | null | void;
  requestPath?: string | null | void;
  tachHours: NumberOrString;
  tailNumber: string;
  typeCode: string;
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

const aircraftInsertAuditedIR: any = {"usedParamSet":{"typeCode":true,"homeAirport":true,"tailNumber":true,"crosswindLimitKt":true,"hobbsHours":true,"tachHours":true,"actorId":true,"idempotencyKey":true,"requestPath":true,"requestHash":true},"params":[{"name":"typeCode","required":true,"transform":{"type":"scalar"},"locs":[{"a":443,"b":452}]},{"name":"homeAirport","required":true,"transform":{"type":"scalar"},"locs":[{"a":530,"b":542},{"a":563,"b":574}]},{"name":"tailNumber","required":true,"transform":{"type":"scalar"},"locs":[{"a":726,"b":737}]},{"name":"crosswindLimitKt","required":false,"transform":{"type":"scalar"},"locs":[{"a":769,"b":785}]},{"name":"hobbsHours","required":true,"transform":{"type":"scalar"},"locs":[{"a":797,"b":808}]},{"name":"tachHours","required":true,"transform":{"type":"scalar"},"locs":[{"a":820,"b":830}]},{"name":"actorId","required":true,"transform":{"type":"scalar"},"locs":[{"a":1087,"b":1095},{"a":1587,"b":1594}]},{"name":"idempotencyKey","required":false,"transform":{"type":"scalar"},"locs":[{"a":1597,"b":1611}]},{"name":"requestPath","required":false,"transform":{"type":"scalar"},"locs":[{"a":1614,"b":1625}]},{"name":"requestHash","required":false,"transform":{"type":"scalar"},"locs":[{"a":1628,"b":1639}]}],"statement":"-- Adds an aircraft to the fleet with its audit entry in one statement. The type and the home\n-- airport (ICAO or IATA) are resolved here; when either is unknown nothing is inserted and the\n-- flags say which.\n-- :homeAirport code, :crosswindLimitKt or null,\n-- :actorId acting user id, :tachHours (the meters as the aircraft arrives),\n-- :idempotencyKey or null\nWITH resolved AS (\n  SELECT (SELECT t.code FROM aircraft_types t WHERE t.code = :typeCode!) AS type_code,\n         (SELECT a.icao FROM airports a WHERE a.icao = upper(:homeAirport!) OR a.iata = upper(:homeAirport)) AS home_airport\n), created AS (\n  INSERT INTO aircraft (tail_number, type_code, home_airport, crosswind_limit_kt, hobbs_hours, tach_hours)\n  SELECT :tailNumber!, r.type_code, r.home_airport, :crosswindLimitKt::integer, :hobbsHours!::numeric, :tachHours!::numeric\n  FROM resolved r\n  WHERE r.type_code IS NOT NULL AND r.home_airport IS NOT NULL\n  RETURNING *\n), audited AS (\n  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)\n  SELECT 'aircraft', created.id::text, 'aircraft.created', :actorId!::uuid,\n         jsonb_build_object('tail_number', created.tail_number, 'type_code', created.type_code,\n                            'home_airport', created.home_airport, 'crosswind_limit_kt', created.crosswind_limit_kt,\n                            'hobbs_hours', created.hobbs_hours, 'tach_hours', created.tach_hours)\n  FROM created\n), shown AS (\n  SELECT c.*, aircraft_grounded_reasons(ROW(c.*)::aircraft) AS grounded_reasons FROM created c\n), remembered AS (\n  SELECT idempotency_remember(:actorId, :idempotencyKey, :requestPath, :requestHash, 201, to_jsonb(shown))\n  FROM shown\n)\nSELECT r.type_code IS NOT NULL AS type_known, r.home_airport IS NOT NULL AS airport_known,\n       c.id, c.tail_number, c.type_code, c.home_airport, c.crosswind_limit_kt, c.status, c.created_at, c.updated_at,\n       c.hobbs_hours, c.tach_hours, c.grounded_reasons\nFROM resolved r\nLEFT JOIN shown c ON true\nCROSS JOIN (SELECT count(*) FROM remembered) AS stored"};

/**
 * Query generated from SQL:
 * ```
 * -- Adds an aircraft to the fleet with its audit entry in one statement. The type and the home
 * -- airport (ICAO or IATA) are resolved here; when either is unknown nothing is inserted and the
 * -- flags say which.
 * -- :homeAirport code, :crosswindLimitKt or null,
 * -- :actorId acting user id, :tachHours (the meters as the aircraft arrives),
 * -- :idempotencyKey or null
 * WITH resolved AS (
 *   SELECT (SELECT t.code FROM aircraft_types t WHERE t.code = :typeCode!) AS type_code,
 *          (SELECT a.icao FROM airports a WHERE a.icao = upper(:homeAirport!) OR a.iata = upper(:homeAirport)) AS home_airport
 * ), created AS (
 *   INSERT INTO aircraft (tail_number, type_code, home_airport, crosswind_limit_kt, hobbs_hours, tach_hours)
 *   SELECT :tailNumber!, r.type_code, r.home_airport, :crosswindLimitKt::integer, :hobbsHours!::numeric, :tachHours!::numeric
 *   FROM resolved r
 *   WHERE r.type_code IS NOT NULL AND r.home_airport IS NOT NULL
 *   RETURNING *
 * ), audited AS (
 *   INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
 *   SELECT 'aircraft', created.id::text, 'aircraft.created', :actorId!::uuid,
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


