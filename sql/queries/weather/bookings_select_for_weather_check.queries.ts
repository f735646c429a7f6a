/** Types generated for queries found in "sql/queries/weather/bookings_select_for_weather_check.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'BookingsSelectForWeatherCheck' parameters type */
export interface BookingsSelectForWeatherCheckParams {
  bookingId: string;
  viewerId: string;
  viewerRole: string;
}

/** 'BookingsSelectForWeatherCheck' return type */
export interface BookingsSelectForWeatherCheckResult {
  aircraft_crosswind_limit_kt: number | null;
  arrival_airport: string;
  departure_airport: string;
  ends_at: Date;
  id: string;
  instructor_id: string;
  minimums: Json | null;
  runways: Json | null;
  scheduled_at: Date;
  status: string;
  student_id: string;
  training_level: string;
}

/** 'BookingsSelectForWeatherCheck' query type */
export interface BookingsSelectForWeatherCheckQuery {
  params: BookingsSelectForWeatherCheckParams;
  result: BookingsSelectForWeatherCheckResult;
}

const bookingsSelectForWeatherCheckIR: any = {"usedParamSet":{"bookingId":true,"viewerRole":true,"viewerId":true},"params":[{"name":"bookingId","required":true,"transform":{"type":"scalar"},"locs":[{"a":650,"b":660}]},{"name":"viewerRole","required":true,"transform":{"type":"scalar"},"locs":[{"a":667,"b":678}]},{"name":"viewerId","required":true,"transform":{"type":"scalar"},"locs":[{"a":708,"b":717},{"a":740,"b":748}]}],"statement":"-- One booking a viewer may see, with the weather minimums of its training level and what the\n-- crosswind rule needs (runway ends of both airports, the aircraft's limit).\nSELECT b.id, b.student_id, b.instructor_id, b.status, b.scheduled_at, b.ends_at,\n       b.departure_airport, b.arrival_airport, b.training_level,\n       (SELECT s.value -> b.training_level FROM settings s WHERE s.key = 'weather_minimums') AS minimums,\n       airport_runway_ends(ARRAY[b.departure_airport, b.arrival_airport]) AS runways,\n       (SELECT p.crosswind_limit_kt FROM aircraft p WHERE p.id = b.aircraft_id) AS aircraft_crosswind_limit_kt\nFROM bookings b\nWHERE b.id = :bookingId! AND (:viewerRole! = 'ADMIN' OR b.student_id = :viewerId! OR b.instructor_id = :viewerId)"};

/**
 * Query generated from SQL:
 * ```
 * -- One booking a viewer may see, with the weather minimums of its training level and what the
 * -- crosswind rule needs (runway ends of both airports, the aircraft's limit).
 * SELECT b.id, b.student_id, b.instructor_id, b.status, b.scheduled_at, b.ends_at,
 *        b.departure_airport, b.arrival_airport, b.training_level,
 *        (SELECT s.value -> b.training_level FROM settings s WHERE s.key = 'weather_minimums') AS minimums,
 *        airport_runway_ends(ARRAY[b.departure_airport, b.arrival_airport]) AS runways,
 *        (SELECT p.crosswind_limit_kt FROM aircraft p WHERE p.id = b.aircraft_id) AS aircraft_crosswind_limit_kt
 * FROM bookings b
 * WHERE b.id = :bookingId! AND (:viewerRole! = 'ADMIN' OR b.student_id = :viewerId! OR b.instructor_id = :viewerId)
 * ```
 */
export const bookingsSelectForWeatherCheck = new PreparedQuery<BookingsSelectForWeatherCheckParams,BookingsSelectForWeatherCheckResult>(bookingsSelectForWeatherCheckIR);


