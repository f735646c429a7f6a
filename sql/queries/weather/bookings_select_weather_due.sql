/* @name BookingsSelectWeatherDue */
-- The weather monitor's work: every active booking starting within the next 48 hours, with the
-- minimums of its training level and what the crosswind rule needs. :now
SELECT b.id, b.status, b.scheduled_at, b.ends_at, b.departure_airport, b.arrival_airport, b.training_level,
       m.value -> b.training_level AS minimums,
       airport_runway_ends(ARRAY[b.departure_airport, b.arrival_airport]) AS runways,
       (SELECT p.crosswind_limit_kt FROM aircraft p WHERE p.id = b.aircraft_id) AS aircraft_crosswind_limit_kt
FROM bookings b
CROSS JOIN (SELECT value FROM settings WHERE key = 'weather_minimums') AS m
WHERE b.status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING')
  AND b.scheduled_at >= :now!::timestamptz
  AND b.scheduled_at < :now::timestamptz + interval '48 hours'
ORDER BY b.scheduled_at, b.id;
