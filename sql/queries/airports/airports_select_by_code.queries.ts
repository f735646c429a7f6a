/** Types generated for queries found in "sql/queries/airports/airports_select_by_code.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'AirportsSelectByCode' parameters type */
export interface AirportsSelectByCodeParams {
  code: string;
}

/** 'AirportsSelectByCode' return type */
export interface AirportsSelectByCodeResult {
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

/** 'AirportsSelectByCode' query type */
export interface AirportsSelectByCodeQuery {
  params: AirportsSelectByCodeParams;
  result: AirportsSelectByCodeResult;
}

const airportsSelectByCodeIR: any = {"usedParamSet":{"code":true},"params":[{"name":"code","required":true,"transform":{"type":"scalar"},"locs":[{"a":308,"b":313},{"a":332,"b":336}]}],"statement":"-- One airport by ICAO or IATA code (see src/airports/resolve.ts), with its runway ends.\n-- :code, any case\nSELECT icao, iata, name, city, country, latitude, longitude, timezone, elevation_ft,\n       coalesce(airport_runway_ends(ARRAY[icao]) -> icao, '[]'::jsonb) AS runways\nFROM airports\nWHERE icao = upper(:code!) OR iata = upper(:code)"};

/**
 * Query generated from SQL:
 * ```
 * -- One airport by ICAO or IATA code (see src/airports/resolve.ts), with its runway ends.
 * -- :code, any case
 * SELECT icao, iata, name, city, country, latitude, longitude, timezone, elevation_ft,
 *        coalesce(airport_runway_ends(ARRAY[icao]) -> icao, '[]'::jsonb) AS runways
 * FROM airports
 * WHERE icao = upper(:code!) OR iata = upper(:code)
 * ```
 */
export const airportsSelectByCode = new PreparedQuery<AirportsSelectByCodeParams,AirportsSelectByCodeResult>(airportsSelectByCodeIR);


