-- One airport by ICAO or IATA code (see src/airports/resolve.ts), with its runway ends.
-- $1 code, any case
SELECT icao, iata, name, city, country, latitude, longitude, timezone, elevation_ft,
       coalesce(airport_runway_ends(ARRAY[icao]) -> icao, '[]'::jsonb) AS runways
FROM airports
WHERE icao = upper($1) OR iata = upper($1)
