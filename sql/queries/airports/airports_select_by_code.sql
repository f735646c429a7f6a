/* @name AirportsSelectByCode */
-- One airport by ICAO or IATA code (see src/airports/resolve.ts), with its runway ends.
-- :code, any case
SELECT icao, iata, name, city, country, latitude, longitude, timezone, elevation_ft,
       coalesce(airport_runway_ends(ARRAY[icao]) -> icao, '[]'::jsonb) AS runways
FROM airports
WHERE icao = upper(:code!) OR iata = upper(:code);
