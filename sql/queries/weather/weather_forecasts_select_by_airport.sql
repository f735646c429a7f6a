/* @name WeatherForecastsSelectByAirport */
-- The latest TAF held for one airport, by ICAO or IATA code.
-- :airport code (upper case)
SELECT a.icao AS airport, a.iata, a.name, f.issue_time, f.valid_from, f.valid_to, f.forecast, f.fetched_at
FROM airports a
LEFT JOIN weather_forecasts f ON f.airport = a.icao
WHERE a.icao = :airport! OR a.iata = :airport
ORDER BY a.icao = :airport DESC
LIMIT 1;
