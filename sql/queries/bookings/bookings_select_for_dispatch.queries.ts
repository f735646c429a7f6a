/** Types generated for queries found in "sql/queries/bookings/bookings_select_for_dispatch.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type stringArray = (string)[];

/** 'BookingsSelectForDispatch' parameters type */
export interface BookingsSelectForDispatchParams {
  bookingId: string;
  viewerId: string;
  viewerRole: string;
}

/** 'BookingsSelectForDispatch' return type */
export interface BookingsSelectForDispatchResult {
  aircraft_crosswind_limit_kt: number | null;
  /** Hobbs meter total; advanced only by check-in. */
  aircraft_hobbs: string;
  aircraft_id: string | null;
  /** Tachometer total, the clock maintenance intervals run on; advanced only by check-in. */
  aircraft_tach: string;
  arrival_airport: string;
  departure_airport: string;
  ends_at: Date;
  id: string;
  instructor_id: string;
  minimums: Json | null;
  risk_reasons: stringArray;
  runways: Json | null;
  scheduled_at: Date;
  status: string;
  student_id: string;
  training_level: string;
}

/** 'BookingsSelectForDispatch' query type */
export interface BookingsSelectForDispatchQuery {
  params: BookingsSelectForDispatchParams;
  result: BookingsSelectForDispatchResult;
}

const bookingsSelectForDispatchIR: any = {"usedParamSet":{"bookingId":true,"viewerRole":true,"viewerId":true},"params":[{"name":"bookingId","required":true,"transform":{"type":"scalar"},"locs":[{"a":840,"b":850}]},{"name":"viewerRole","required":true,"transform":{"type":"scalar"},"locs":[{"a":857,"b":868}]},{"name":"viewerId","required":true,"transform":{"type":"scalar"},"locs":[{"a":898,"b":907},{"a":930,"b":938}]}],"statement":"-- One booking a viewer may see, with its aircraft's meters and the weather minimums of its\n-- training level and what the crosswind rule needs (runway ends of both airports, the aircraft's\n-- limit): what a dispatch is checked against before the weather is fetched.\nSELECT b.id, b.student_id, b.instructor_id, b.aircraft_id, b.status, b.risk_reasons, b.scheduled_at, b.ends_at,\n       b.departure_airport, b.arrival_airport, b.training_level,\n       a.hobbs_hours AS aircraft_hobbs, a.tach_hours AS aircraft_tach,\n       (SELECT s.value -> b.training_level FROM settings s WHERE s.key = 'weather_minimums') AS minimums,\n       airport_runway_ends(ARRAY[b.departure_airport, b.arrival_airport]) AS runways,\n       a.crosswind_limit_kt AS aircraft_crosswind_limit_kt\nFROM bookings b\nLEFT JOIN aircraft a ON a.id = b.aircraft_id\nWHERE b.id = :bookingId! AND (:viewerRole! = 'ADMIN' OR b.student_id = :viewerId! OR b.instructor_id = :viewerId)"};

/**
 * Query generated from SQL:
 * ```
 * -- One booking a viewer may see, with its aircraft's meters and the weather minimums of its
 * -- training level and what the crosswind rule needs (runway ends of both airports, the aircraft's
 * -- limit): what a dispatch is checked against before the weather is fetched.
 * SELECT b.id, b.student_id, b.instructor_id, b.aircraft_id, b.status, b.risk_reasons, b.scheduled_at, b.ends_at,
 *        b.departure_airport, b.arrival_airport, b.training_level,
 *        a.hobbs_hours AS aircraft_hobbs, a.tach_hours AS aircraft_tach,
 *        (SELECT s.value -> b.training_level FROM settings s WHERE s.key = 'weather_minimums') AS minimums,
 *        airport_runway_ends(ARRAY[b.departure_airport, b.arrival_airport]) AS runways,
 *        a.crosswind_limit_kt AS aircraft_crosswind_limit_kt
 * FROM bookings b
 * LEFT JOIN aircraft a ON a.id = b.aircraft_id
 * WHERE b.id = :bookingId! AND (:viewerRole! = 'ADMIN' OR b.student_id = :viewerId! OR b.instructor_id = :viewerId)
 * ```
 */
export const bookingsSelectForDispatch = new PreparedQuery<BookingsSelectForDispatchParams,BookingsSelectForDispatchResult>(bookingsSelectForDispatchIR);


