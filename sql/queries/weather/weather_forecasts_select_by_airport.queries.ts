/** Types generated for queries found in "sql/queries/weather/weather_forecasts_select_by_airport.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'WeatherForecastsSelectByAirport' parameters type */
export interface WeatherForecastsSelectByAirportParams {
  airport: string;
}

/** 'WeatherForecastsSelectByAirport' return type */
export interface WeatherForecastsSelectByAirportResult {
  airport: string;
  fetched_at: Date;
  forecast: Json;
  iata: string | null;
  issue_time: Date;
  name: string;
  valid_from: Date;
  valid_to: Date;
}

/** 'WeatherForecastsSelectByAirport' query type */
export interface WeatherForecastsSelectByAirportQuery {
  params: WeatherForecastsSelectByAirportParams;
  result: WeatherForecastsSelectByAirportResult;
}

const weatherForecastsSelectByAirportIR: any = {"usedParamSet":{"airport":true},"params":[{"name":"airport","required":true,"transform":{"type":"scalar"},"locs":[{"a":282,"b":290},{"a":304,"b":311},{"a":331,"b":338}]}],"statement":"-- The latest TAF held for one airport, by ICAO or IATA code.\n-- :airport code (upper case)\nSELECT a.icao AS airport, a.iata, a.name, f.issue_time, f.valid_from, f.valid_to, f.forecast, f.fetched_at\nFROM airports a\nLEFT JOIN weather_forecasts f ON f.airport = a.icao\nWHERE a.icao = :airport! OR a.iata = :airport\nORDER BY a.icao = :airport DESC\nLIMIT 1"};

/**
 * Query generated from SQL:
 * ```
 * -- The latest TAF held for one airport, by ICAO or IATA code.
 * -- :airport code (upper case)
 * SELECT a.icao AS airport, a.iata, a.name, f.issue_time, f.valid_from, f.valid_to, f.forecast, f.fetched_at
 * FROM airports a
 * LEFT JOIN weather_forecasts f ON f.airport = a.icao
 * WHERE a.icao = :airport! OR a.iata = :airport
 * ORDER BY a.icao = :airport DESC
 * LIMIT 1
 * ```
 */
export const weatherForecastsSelectByAirport = new PreparedQuery<WeatherForecastsSelectByAirportParams,WeatherForecastsSelectByAirportResult>(weatherForecastsSelectByAirportIR);


