/** Types generated for queries found in "sql/queries/weather/bookings_select_weather_due.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'BookingsSelectWeatherDue' parameters type */
export interface BookingsSelectWeatherDueParams {
  now: DateOrString;
}

/** 'BookingsSelectWeatherDue' return type */
export interface BookingsSelectWeatherDueResult {
  aircraft_crosswind_limit_kt: number | null;
  arrival_airport: string;
  departure_airport: string;
  ends_at: Date;
  id: string;
  minimums: Json | null;
  runways: Json | null;
  scheduled_at: Date;
  status: string;
  training_level: string;
}

/** 'BookingsSelectWeatherDue' query type */
export interface BookingsSelectWeatherDueQuery {
  params: BookingsSelectWeatherDueParams;
  result: BookingsSelectWeatherDueResult;
}

const bookingsSelectWeatherDueIR: any = {"usedParamSet":{"now":true},"params":[{"name":"now","required":true,"transform":{"type":"scalar"},"locs":[{"a":698,"b":702},{"a":740,"b":743}]}],"statement":"-- The weather monitor's work: every active booking starting within the next 48 hours, with the\n-- minimums of its training level and what the crosswind rule needs. :now\nSELECT b.id, b.status, b.scheduled_at, b.ends_at, b.departure_airport, b.arrival_airport, b.training_level,\n       m.value -> b.training_level AS minimums,\n       airport_runway_ends(ARRAY[b.departure_airport, b.arrival_airport]) AS runways,\n       (SELECT p.crosswind_limit_kt FROM aircraft p WHERE p.id = b.aircraft_id) AS aircraft_crosswind_limit_kt\nFROM bookings b\nCROSS JOIN (SELECT value FROM settings WHERE key = 'weather_minimums') AS m\nWHERE b.status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING')\n  AND b.scheduled_at >= :now!::timestamptz\n  AND b.scheduled_at < :now::timestamptz + interval '48 hours'\nORDER BY b.scheduled_at, b.id"};

/**
 * Query generated from SQL:
 * ```
 * -- The weather monitor's work: every active booking starting within the next 48 hours, with the
 * -- minimums of its training level and what the crosswind rule needs. :now
 * SELECT b.id, b.status, b.scheduled_at, b.ends_at, b.departure_airport, b.arrival_airport, b.training_level,
 *        m.value -> b.training_level AS minimums,
 *        airport_runway_ends(ARRAY[b.departure_airport, b.arrival_airport]) AS runways,
 *        (SELECT p.crosswind_limit_kt FROM aircraft p WHERE p.id = b.aircraft_id) AS aircraft_crosswind_limit_kt
 * FROM bookings b
 * CROSS JOIN (SELECT value FROM settings WHERE key = 'weather_minimums') AS m
 * WHERE b.status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING')
 *   AND b.scheduled_at >= :now!::timestamptz
 *   AND b.scheduled_at < :now::timestamptz + interval '48 hours'
 * ORDER BY b.scheduled_at, b.id
 * ```
 */
export const bookingsSelectWeatherDue = new PreparedQuery<BookingsSelectWeatherDueParams,BookingsSelectWeatherDueResult>(bookingsSelectWeatherDueIR);


