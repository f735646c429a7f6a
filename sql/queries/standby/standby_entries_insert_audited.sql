/* @name StandbyEntriesInsertAudited */
-- Puts a student on the standby list in one statement: resolves the airport (ICAO or IATA),
-- checks the people and the aircraft type, writes the entry and its audit entry, and answers
-- its place in the queue: 1 + the waiting entries at that airport, with windows overlapping
-- its own, that came before it. When a check fails nothing is written and the flags say which.
-- :departure code,
-- :instructorId or null, :aircraftTypeCode or null, :actorId acting user id,
-- :idempotencyKey or null
WITH checked AS (
  SELECT (SELECT a.icao FROM airports a WHERE a.icao = :departure! OR a.iata = :departure) AS departure_icao,
         EXISTS (SELECT 1 FROM users s WHERE s.id = :studentId!::uuid AND s.role = 'STUDENT') AS student_found,
         (:instructorId::uuid IS NULL OR EXISTS (SELECT 1 FROM users i WHERE i.id = :instructorId::uuid AND i.role = 'INSTRUCTOR'))
           AS instructor_found,
         (:aircraftTypeCode::text IS NULL OR EXISTS (SELECT 1 FROM aircraft_types t WHERE t.code = :aircraftTypeCode::text)) AS type_found
), created AS (
  INSERT INTO standby_entries (student_id, departure_airport, window_start, window_end, duration_minutes,
                               instructor_id, aircraft_type_code, lesson_type, created_by)
  SELECT :studentId::uuid, k.departure_icao, :windowStart!::timestamptz, :windowEnd!::timestamptz, :durationMinutes!::int, :instructorId::uuid, :aircraftTypeCode::text, :lessonType!::text, :actorId!::uuid
  FROM checked k
  WHERE k.departure_icao IS NOT NULL AND k.student_found AND k.instructor_found AND k.type_found
  RETURNING *
), placed AS (
  SELECT c.*,
         1 + (SELECT count(*) FROM standby_entries o
              WHERE o.status = 'WAITING' AND o.departure_airport = c.departure_airport
                AND o.window_start < c.window_end AND o.window_end > c.window_start)::int AS position
  FROM created c
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'standby_entry', p.id::text, 'standby.created', :actorId::uuid,
         jsonb_build_object('student_id', p.student_id, 'departure_airport', p.departure_airport,
                            'window_start', p.window_start, 'window_end', p.window_end,
                            'duration_minutes', p.duration_minutes, 'instructor_id', p.instructor_id,
                            'aircraft_type_code', p.aircraft_type_code, 'lesson_type', p.lesson_type)
  FROM placed p
), remembered AS (
  SELECT idempotency_remember(:actorId, :idempotencyKey, :requestPath, :requestHash, 201, to_jsonb(p))
  FROM placed p
)
SELECT k.departure_icao IS NOT NULL AS departure_found, k.student_found, k.instructor_found, k.type_found, p.*
FROM checked k
LEFT JOIN placed p ON true
CROSS JOIN (SELECT count(*) FROM remembered) AS stored;
