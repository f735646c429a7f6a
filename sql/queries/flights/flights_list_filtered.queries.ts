/** Types generated for queries found in "sql/queries/flights/flights_list_filtered.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

export type NumberOrString = number | string;

/** 'FlightsListFiltered' parameters type */
export interface FlightsListFilteredParams {
  afterAt?: DateOrString | null | void;
  afterId?: string | null | void;
  airline?: string | null | void;
  airport?: string | null | void;
  from?: DateOrString | null | void;
  limit: NumberOrString;
  minDelay?: number | null | void;
  to?: DateOrString | null | void;
}

/** 'FlightsListFiltered' return type */
export interface FlightsListFilteredResult {
  actual_arrival: Date | null;
  actual_departure: Date | null;
  airline_code: string | null;
  arrival_delay_minutes: number | null;
  created_at: Date;
  cursor_at: string | null;
  departure_delay_minutes: number | null;
  destination: string;
  distance_miles: number | null;
  flight_number: string | null;
  id: string;
  ingestion_id: string | null;
  origin: string;
  scheduled_arrival: Date | null;
  scheduled_departure: Date;
  status: string | null;
}

/** 'FlightsListFiltered' query type */
export interface FlightsListFilteredQuery {
  params: FlightsListFilteredParams;
  result: FlightsListFilteredResult;
}

const flightsListFilteredIR: any = {"usedParamSet":{"airport":true,"airline":true,"from":true,"to":true,"minDelay":true,"afterAt":true,"afterId":true,"limit":true},"params":[{"name":"airport","required":false,"transform":{"type":"scalar"},"locs":[{"a":401,"b":408},{"a":440,"b":447},{"a":459,"b":466},{"a":811,"b":818}]},{"name":"airline","required":false,"transform":{"type":"scalar"},"locs":[{"a":931,"b":938},{"a":974,"b":981}]},{"name":"from","required":false,"transform":{"type":"scalar"},"locs":[{"a":991,"b":995},{"a":1046,"b":1050}]},{"name":"to","required":false,"transform":{"type":"scalar"},"locs":[{"a":1073,"b":1075},{"a":1125,"b":1127}]},{"name":"minDelay","required":false,"transform":{"type":"scalar"},"locs":[{"a":1150,"b":1158},{"a":1207,"b":1215}]},{"name":"afterAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":1234,"b":1241},{"a":1300,"b":1307}]},{"name":"afterId","required":false,"transform":{"type":"scalar"},"locs":[{"a":1323,"b":1330}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":1383,"b":1389}]}],"statement":"-- A page of flights in departure order, filtered.\n-- :airport (ICAO or IATA; departing or arriving) or null, :airline airline code or null,\n-- :from departing at or after or null, :to departing before or null, :minDelay minimum arrival delay or null,\n-- :afterAt/:afterId the cursor (scheduled_departure as text, id) or nulls, :limit page size + 1\nWITH airport AS (\n  SELECT icao FROM airports WHERE :airport::text IS NOT NULL AND (icao = :airport OR iata = :airport)\n)\nSELECT f.id, f.flight_number, f.airline_code, f.origin, f.destination, f.scheduled_departure, f.scheduled_arrival,\n       f.actual_departure, f.actual_arrival, f.departure_delay_minutes, f.arrival_delay_minutes, f.distance_miles,\n       f.status, f.ingestion_id, f.created_at, f.scheduled_departure::text AS cursor_at\nFROM flights f\nWHERE (:airport::text IS NULL OR f.origin IN (SELECT icao FROM airport) OR f.destination IN (SELECT icao FROM airport))\n  AND (:airline::text IS NULL OR f.airline_code = :airline)\n  AND (:from::timestamptz IS NULL OR f.scheduled_departure >= :from::timestamptz)\n  AND (:to::timestamptz IS NULL OR f.scheduled_departure < :to::timestamptz)\n  AND (:minDelay::integer IS NULL OR f.arrival_delay_minutes >= :minDelay::integer)\n  AND (:afterAt::timestamptz IS NULL OR (f.scheduled_departure, f.id) > (:afterAt::timestamptz, :afterId::uuid))\nORDER BY f.scheduled_departure, f.id\nLIMIT :limit!"};

/**
 * Query generated from SQL:
 * ```
 * -- A page of flights in departure order, filtered.
 * -- :airport (ICAO or IATA; departing or arriving) or null, :airline airline code or null,
 * -- :from departing at or after or null, :to departing before or null, :minDelay minimum arrival delay or null,
 * -- :afterAt/:afterId the cursor (scheduled_departure as text, id) or nulls, :limit page size + 1
 * WITH airport AS (
 *   SELECT icao FROM airports WHERE :airport::text IS NOT NULL AND (icao = :airport OR iata = :airport)
 * )
 * SELECT f.id, f.flight_number, f.airline_code, f.origin, f.destination, f.scheduled_departure, f.scheduled_arrival,
 *        f.actual_departure, f.actual_arrival, f.departure_delay_minutes, f.arrival_delay_minutes, f.distance_miles,
 *        f.status, f.ingestion_id, f.created_at, f.scheduled_departure::text AS cursor_at
 * FROM flights f
 * WHERE (:airport::text IS NULL OR f.origin IN (SELECT icao FROM airport) OR f.destination IN (SELECT icao FROM airport))
 *   AND (:airline::text IS NULL OR f.airline_code = :airline)
 *   AND (:from::timestamptz IS NULL OR f.scheduled_departure >= :from::timestamptz)
 *   AND (:to::timestamptz IS NULL OR f.scheduled_departure < :to::timestamptz)
 *   AND (:minDelay::integer IS NULL OR f.arrival_delay_minutes >= :minDelay::integer)
 *   AND (:afterAt::timestamptz IS NULL OR (f.scheduled_departure, f.id) > (:afterAt::timestamptz, :afterId::uuid))
 * ORDER BY f.scheduled_departure, f.id
 * LIMIT :limit!
 * ```
 */
export const flightsListFiltered = new PreparedQuery<FlightsListFilteredParams,FlightsListFilteredResult>(flightsListFilteredIR);


