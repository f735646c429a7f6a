/** Types generated for queries found in "sql/queries/airports/airports_list_search.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type NumberOrString = number | string;

/** 'AirportsListSearch' parameters type */
export interface AirportsListSearchParams {
  country?: string | null | void;
  cursor?: string | null | void;
  limit: NumberOrString;
  pattern?: string | null | void;
  search?: string | null | void;
}

/** 'AirportsListSearch' return type */
export interface AirportsListSearchResult {
  city: string | null;
  country: string | null;
  elevation_ft: number | null;
  iata: string | null;
  icao: string;
  latitude: number;
  longitude: number;
  name: string;
  timezone: string | null;
}

/** 'AirportsListSearch' query type */
export interface AirportsListSearchQuery {
  params: AirportsListSearchParams;
  result: AirportsListSearchResult;
}

const airportsListSearchIR: any = {"usedParamSet":{"search":true,"pattern":true,"country":true,"cursor":true,"limit":true},"params":[{"name":"search","required":false,"transform":{"type":"scalar"},"locs":[{"a":559,"b":565},{"a":591,"b":597},{"a":609,"b":615}]},{"name":"pattern","required":false,"transform":{"type":"scalar"},"locs":[{"a":631,"b":638},{"a":654,"b":661}]},{"name":"country","required":false,"transform":{"type":"scalar"},"locs":[{"a":671,"b":678},{"a":707,"b":714}]},{"name":"cursor","required":false,"transform":{"type":"scalar"},"locs":[{"a":724,"b":730},{"a":756,"b":762}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":785,"b":791}]}],"statement":"-- A page of airports in ICAO order, optionally matching a search and a country.\n-- The search hits an exact ICAO or IATA code (primary key, airports_iata_key) or a part of the\n-- name or city (airports_search_trgm_idx); :pattern arrives with LIKE's wildcards escaped.\n-- :search text or null (upper-cased for the codes), :pattern the same as a LIKE pattern or null,\n-- :country or null, :cursor the cursor (last ICAO seen) or null, :limit page size + 1\nSELECT icao, iata, name, city, country, latitude, longitude, timezone, elevation_ft\nFROM airports\nWHERE (:search::text IS NULL OR icao = :search OR iata = :search OR name ILIKE :pattern OR city ILIKE :pattern)\n  AND (:country::text IS NULL OR country = :country)\n  AND (:cursor::text IS NULL OR icao > :cursor)\nORDER BY icao\nLIMIT :limit!"};

/**
 * Query generated from SQL:
 * ```
 * -- A page of airports in ICAO order, optionally matching a search and a country.
 * -- The search hits an exact ICAO or IATA code (primary key, airports_iata_key) or a part of the
 * -- name or city (airports_search_trgm_idx); :pattern arrives with LIKE's wildcards escaped.
 * -- :search text or null (upper-cased for the codes), :pattern the same as a LIKE pattern or null,
 * -- :country or null, :cursor the cursor (last ICAO seen) or null, :limit page size + 1
 * SELECT icao, iata, name, city, country, latitude, longitude, timezone, elevation_ft
 * FROM airports
 * WHERE (:search::text IS NULL OR icao = :search OR iata = :search OR name ILIKE :pattern OR city ILIKE :pattern)
 *   AND (:country::text IS NULL OR country = :country)
 *   AND (:cursor::text IS NULL OR icao > :cursor)
 * ORDER BY icao
 * LIMIT :limit!
 * ```
 */
export const airportsListSearch = new PreparedQuery<AirportsListSearchParams,AirportsListSearchResult>(airportsListSearchIR);


