/* @name BookingsInsertAudited */
-- Books a flight in one statement: resolves both airports (ICAO or IATA), copies the student's
-- training level, checks the people, the aircraft and the instructor's availability, and writes
-- the booking, its audit entry and the other parties' CONFIRMATION together. When a check fails
-- nothing is written and the flags in the answer say which one. Overlaps are refused by the
-- exclusion constraints and the aircraft and booking rules by the bookings_verify_rules trigger
-- (SQLSTATE SK409), both under any concurrency. A SOLO flight names its supervising instructor
-- without occupying them, so their availability is not asked.
-- :aircraftId or null, :departure code, :arrival code,
-- :actorId acting user id,
-- :twilight civil twilight rows the daylight rule may read
-- (jsonb [{ airport, day, civil_dawn, civil_dusk }], computed by the application),
-- :idempotencyKey or null
-- Codes arrive upper-cased; ICAO codes have four characters and IATA codes three, so each matches
-- at most one airport.
WITH departure AS (
  SELECT icao, latitude, longitude FROM airports WHERE icao = :departure! OR iata = :departure
), arrival AS (
  SELECT icao, latitude, longitude FROM airports WHERE icao = :arrival! OR iata = :arrival
), checked AS (
  SELECT d.icao AS departure_icao, d.latitude AS departure_lat, d.longitude AS departure_lon,
         a.icao AS arrival_icao, a.latitude AS arrival_lat, a.longitude AS arrival_lon,
         (SELECT s.training_level FROM users s WHERE s.id = :studentId!::uuid AND s.role = 'STUDENT') AS student_level,
         EXISTS (SELECT 1 FROM users i WHERE i.id = :instructorId!::uuid AND i.role = 'INSTRUCTOR') AS instructor_found,
         -- An aircraft that exists but may not fly is the rules trigger's to refuse (aircraft_unavailable).
         (:aircraftId::uuid IS NULL OR EXISTS (SELECT 1 FROM aircraft p WHERE p.id = :aircraftId::uuid)) AS aircraft_found,
         (:overrideAvailability!::boolean OR :lessonType!::text = 'SOLO' OR user_available_during(:instructorId::uuid, :scheduledAt!::timestamptz,
                                               :scheduledAt::timestamptz + make_interval(mins => :durationMinutes!::int))) AS instructor_available
  FROM (SELECT 1) AS one
  LEFT JOIN departure d ON true
  LEFT JOIN arrival a ON true
), twilight AS (
  -- Stored before the booking row is made (it reads this CTE), so the rules trigger sees it.
  INSERT INTO civil_twilight (airport, day, civil_dawn, civil_dusk)
  SELECT x.airport, x.day, x.civil_dawn, x.civil_dusk
  FROM jsonb_to_recordset(:twilight!::jsonb) AS x (airport text, day date, civil_dawn timestamptz, civil_dusk timestamptz)
  ON CONFLICT (airport, day) DO NOTHING
  RETURNING 1
), created AS (
  INSERT INTO bookings (student_id, instructor_id, aircraft_id, departure_airport, arrival_airport,
                        departure_latitude, departure_longitude, arrival_latitude, arrival_longitude,
                        scheduled_at, duration_minutes, training_level, created_by, availability_overridden,
                        lesson_type, rules_overridden)
  SELECT :studentId::uuid, :instructorId::uuid, :aircraftId::uuid, k.departure_icao, k.arrival_icao,
         k.departure_lat, k.departure_lon, k.arrival_lat, k.arrival_lon,
         :scheduledAt::timestamptz, :durationMinutes::int, k.student_level, :actorId!::uuid, :overrideAvailability::boolean, :lessonType::text, :overrideRules!::boolean
  FROM checked k
  CROSS JOIN (SELECT count(*) FROM twilight) AS twilight_stored
  WHERE k.departure_icao IS NOT NULL AND k.arrival_icao IS NOT NULL AND k.student_level IS NOT NULL
    AND k.instructor_found AND k.aircraft_found AND k.instructor_available
  RETURNING *
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'booking', c.id::text, 'booking.created', :actorId::uuid,
         jsonb_build_object('student_id', c.student_id, 'instructor_id', c.instructor_id,
                            'aircraft_id', c.aircraft_id, 'scheduled_at', c.scheduled_at,
                            'duration_minutes', c.duration_minutes, 'lesson_type', c.lesson_type,
                            'override_availability', :overrideAvailability::boolean, 'override_rules', :overrideRules::boolean,
                            'warnings', c.warnings)
  FROM created c
), notified AS (
  -- Whoever booked knows already; the other parties hear about it.
  INSERT INTO notifications (user_id, type, booking_id, title, body, data)
  SELECT party.user_id, 'CONFIRMATION', c.id, 'Flight booked',
         'A training flight from ' || c.departure_airport || ' to ' || c.arrival_airport || ' is booked for '
           || to_char(c.scheduled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC.',
         jsonb_build_object('scheduled_at', c.scheduled_at, 'ends_at', c.ends_at)
  FROM created c
  CROSS JOIN LATERAL (VALUES (c.student_id), (c.instructor_id)) AS party (user_id)
  WHERE party.user_id <> :actorId::uuid
), remembered AS (
  SELECT idempotency_remember(:actorId, :idempotencyKey, :requestPath, :requestHash, 201, to_jsonb(c))
  FROM created c
)
SELECT k.departure_icao IS NOT NULL AS departure_found, k.arrival_icao IS NOT NULL AS arrival_found,
       k.student_level IS NOT NULL AS student_found, k.instructor_found, k.aircraft_found, k.instructor_available,
       c.*
FROM checked k
LEFT JOIN created c ON true
CROSS JOIN (SELECT count(*) FROM remembered) AS stored;
