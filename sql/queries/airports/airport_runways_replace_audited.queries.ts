/** Types generated for queries found in "sql/queries/airports/airport_runways_replace_audited.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'AirportRunwaysReplaceAudited' parameters type */
export interface AirportRunwaysReplaceAuditedParams {
  actorId: string;
  code: string;
  runways: Json;
}

/** 'AirportRunwaysReplaceAudited' return type */
export interface AirportRunwaysReplaceAuditedResult {
  city: string | null;
  country: string | null;
  elevation_ft: number | null;
  iata: string | null;
  icao: string;
  latitude: number;
  longitude: number;
  name: string;
  runways: Json | null;
  timezone: string | null;
}

/** 'AirportRunwaysReplaceAudited' query type */
export interface AirportRunwaysReplaceAuditedQuery {
  params: AirportRunwaysReplaceAuditedParams;
  result: AirportRunwaysReplaceAuditedResult;
}

const airportRunwaysReplaceAuditedIR: any = {"usedParamSet":{"code":true,"runways":true,"actorId":true},"params":[{"name":"code","required":true,"transform":{"type":"scalar"},"locs":[{"a":432,"b":437},{"a":449,"b":453}]},{"name":"runways","required":true,"transform":{"type":"scalar"},"locs":[{"a":901,"b":909}]},{"name":"actorId","required":true,"transform":{"type":"scalar"},"locs":[{"a":1291,"b":1299}]}],"statement":"-- Replaces an airport's runway ends and audits the set before and after, in one statement.\n-- The airport row is locked so two replacements of the same airport queue. The insert reads\n-- `dropped`, so the old rows are gone before the new ones take their names.\n-- :code (ICAO or IATA, upper-cased), :runways runway ends jsonb [{ name, heading_deg }], :actorId acting user id\nWITH airport AS (\n  SELECT * FROM airports WHERE icao = :code! OR iata = :code FOR UPDATE\n), before AS (\n  SELECT coalesce(airport_runway_ends(ARRAY[a.icao]) -> a.icao, '[]'::jsonb) AS runways FROM airport a\n), dropped AS (\n  DELETE FROM airport_runways r USING airport a WHERE r.airport = a.icao RETURNING 1\n), added AS (\n  INSERT INTO airport_runways (airport, name, heading_deg)\n  SELECT a.icao, x.name, x.heading_deg\n  FROM airport a\n  CROSS JOIN (SELECT count(*) FROM dropped) AS cleared\n  CROSS JOIN jsonb_to_recordset(:runways!::jsonb) AS x (name text, heading_deg numeric)\n  RETURNING name, heading_deg\n), after AS (\n  SELECT coalesce(jsonb_agg(jsonb_build_object('name', name, 'heading_deg', heading_deg) ORDER BY name), '[]'::jsonb) AS runways\n  FROM added\n), audited AS (\n  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)\n  SELECT 'airport', a.icao, 'airport.runways_replaced', :actorId!::uuid,\n         jsonb_build_object('before', (SELECT runways FROM before), 'after', (SELECT runways FROM after))\n  FROM airport a\n)\nSELECT a.icao, a.iata, a.name, a.city, a.country, a.latitude, a.longitude, a.timezone, a.elevation_ft,\n       (SELECT runways FROM after) AS runways\nFROM airport a"};

/**
 * Query generated from SQL:
 * ```
 * -- Replaces an airport's runway ends and audits the set before and after, in one statement.
 * -- The airport row is locked so two replacements of the same airport queue. The insert reads
 * -- `dropped`, so the old rows are gone before the new ones take their names.
 * -- :code (ICAO or IATA, upper-cased), :runways runway ends jsonb [{ name, heading_deg }], :actorId acting user id
 * WITH airport AS (
 *   SELECT * FROM airports WHERE icao = :code! OR iata = :code FOR UPDATE
 * ), before AS (
 *   SELECT coalesce(airport_runway_ends(ARRAY[a.icao]) -> a.icao, '[]'::jsonb) AS runways FROM airport a
 * ), dropped AS (
 *   DELETE FROM airport_runways r USING airport a WHERE r.airport = a.icao RETURNING 1
 * ), added AS (
 *   INSERT INTO airport_runways (airport, name, heading_deg)
 *   SELECT a.icao, x.name, x.heading_deg
 *   FROM airport a
 *   CROSS JOIN (SELECT count(*) FROM dropped) AS cleared
 *   CROSS JOIN jsonb_to_recordset(:runways!::jsonb) AS x (name text, heading_deg numeric)
 *   RETURNING name, heading_deg
 * ), after AS (
 *   SELECT coalesce(jsonb_agg(jsonb_build_object('name', name, 'heading_deg', heading_deg) ORDER BY name), '[]'::jsonb) AS runways
 *   FROM added
 * ), audited AS (
 *   INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
 *   SELECT 'airport', a.icao, 'airport.runways_replaced', :actorId!::uuid,
 *          jsonb_build_object('before', (SELECT runways FROM before), 'after', (SELECT runways FROM after))
 *   FROM airport a
 * )
 * SELECT a.icao, a.iata, a.name, a.city, a.country, a.latitude, a.longitude, a.timezone, a.elevation_ft,
 *        (SELECT runways FROM after) AS runways
 * FROM airport a
 * ```
 */
export const airportRunwaysReplaceAudited = new PreparedQuery<AirportRunwaysReplaceAuditedParams,AirportRunwaysReplaceAuditedResult>(airportRunwaysReplaceAuditedIR);


