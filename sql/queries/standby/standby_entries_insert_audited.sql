-- Puts a student on the standby list in one statement: resolves the airport (ICAO or IATA),
-- checks the people and the aircraft type, writes the entry and its audit entry, and answers
-- its place in the queue: 1 + the waiting entries at that airport, with windows overlapping
-- its own, that came before it. When a check fails nothing is written and the flags say which.
-- $1 student id, $2 departure code, $3 window_start, $4 window_end, $5 duration_minutes,
-- $6 instructor id or null, $7 aircraft type code or null, $8 lesson type, $9 acting user id,
-- $10 Idempotency-Key or null, $11 request hash, $12 request path
WITH checked AS (
  SELECT (SELECT a.icao FROM airports a WHERE a.icao = $2 OR a.iata = $2) AS departure_icao,
         EXISTS (SELECT 1 FROM users s WHERE s.id = $1::uuid AND s.role = 'STUDENT') AS student_found,
         ($6::uuid IS NULL OR EXISTS (SELECT 1 FROM users i WHERE i.id = $6::uuid AND i.role = 'INSTRUCTOR'))
           AS instructor_found,
         ($7::text IS NULL OR EXISTS (SELECT 1 FROM aircraft_types t WHERE t.code = $7::text)) AS type_found
), created AS (
  INSERT INTO standby_entries (student_id, departure_airport, window_start, window_end, duration_minutes,
                               instructor_id, aircraft_type_code, lesson_type, created_by)
  SELECT $1::uuid, k.departure_icao, $3::timestamptz, $4::timestamptz, $5::int, $6::uuid, $7::text, $8::text, $9::uuid
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
  SELECT 'standby_entry', p.id::text, 'standby.created', $9::uuid,
         jsonb_build_object('student_id', p.student_id, 'departure_airport', p.departure_airport,
                            'window_start', p.window_start, 'window_end', p.window_end,
                            'duration_minutes', p.duration_minutes, 'instructor_id', p.instructor_id,
                            'aircraft_type_code', p.aircraft_type_code, 'lesson_type', p.lesson_type)
  FROM placed p
), remembered AS (
  SELECT idempotency_remember($9, $10, $12, $11, 201, to_jsonb(p))
  FROM placed p
)
SELECT k.departure_icao IS NOT NULL AS departure_found, k.student_found, k.instructor_found, k.type_found, p.*
FROM checked k
LEFT JOIN placed p ON true
CROSS JOIN (SELECT count(*) FROM remembered) AS stored
