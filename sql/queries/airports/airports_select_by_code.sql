-- One airport by ICAO or IATA code (see src/airports/resolve.ts).
-- $1 code, any case
SELECT icao, iata, name, city, country, latitude, longitude, timezone, elevation_ft
FROM airports
WHERE icao = upper($1) OR iata = upper($1)
