-- A page of airports in ICAO order, optionally matching a search and a country.
-- The search hits an exact ICAO or IATA code (primary key, airports_iata_key) or a part of the
-- name or city (airports_search_trgm_idx); $2 arrives with LIKE's wildcards escaped.
-- $1 search text or null (upper-cased for the codes), $2 the same as a LIKE pattern or null,
-- $3 country or null, $4 the cursor (last ICAO seen) or null, $5 page size + 1
SELECT icao, iata, name, city, country, latitude, longitude, timezone, elevation_ft
FROM airports
WHERE ($1::text IS NULL OR icao = $1 OR iata = $1 OR name ILIKE $2 OR city ILIKE $2)
  AND ($3::text IS NULL OR country = $3)
  AND ($4::text IS NULL OR icao > $4)
ORDER BY icao
LIMIT $5
