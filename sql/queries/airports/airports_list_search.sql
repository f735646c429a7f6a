/* @name AirportsListSearch */
-- A page of airports in ICAO order, optionally matching a search and a country.
-- The search hits an exact ICAO or IATA code (primary key, airports_iata_key) or a part of the
-- name or city (airports_search_trgm_idx); :pattern arrives with LIKE's wildcards escaped.
-- :search text or null (upper-cased for the codes), :pattern the same as a LIKE pattern or null,
-- :country or null, :cursor the cursor (last ICAO seen) or null, :limit page size + 1
SELECT icao, iata, name, city, country, latitude, longitude, timezone, elevation_ft
FROM airports
WHERE (:search::text IS NULL OR icao = :search OR iata = :search OR name ILIKE :pattern OR city ILIKE :pattern)
  AND (:country::text IS NULL OR country = :country)
  AND (:cursor::text IS NULL OR icao > :cursor)
ORDER BY icao
LIMIT :limit!;
