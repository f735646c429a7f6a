/* @name AircraftInsertAudited */
-- Adds an aircraft to the fleet with its audit entry in one statement. The type and the home
-- airport (ICAO or IATA) are resolved here; when either is unknown nothing is inserted and the
-- flags say which.
-- :homeAirport code, :crosswindLimitKt or null,
-- :actorId acting user id, :tachHours (the meters as the aircraft arrives),
-- :idempotencyKey or null
WITH resolved AS (
  SELECT (SELECT t.code FROM aircraft_types t WHERE t.code = :typeCode!) AS type_code,
         (SELECT a.icao FROM airports a WHERE a.icao = upper(:homeAirport!) OR a.iata = upper(:homeAirport)) AS home_airport
), created AS (
  INSERT INTO aircraft (tail_number, type_code, home_airport, crosswind_limit_kt, hobbs_hours, tach_hours)
  SELECT :tailNumber!, r.type_code, r.home_airport, :crosswindLimitKt::integer, :hobbsHours!::numeric, :tachHours!::numeric
  FROM resolved r
  WHERE r.type_code IS NOT NULL AND r.home_airport IS NOT NULL
  RETURNING *
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'aircraft', created.id::text, 'aircraft.created', :actorId!::uuid,
         jsonb_build_object('tail_number', created.tail_number, 'type_code', created.type_code,
                            'home_airport', created.home_airport, 'crosswind_limit_kt', created.crosswind_limit_kt,
                            'hobbs_hours', created.hobbs_hours, 'tach_hours', created.tach_hours)
  FROM created
), shown AS (
  SELECT c.*, aircraft_grounded_reasons(ROW(c.*)::aircraft) AS grounded_reasons FROM created c
), remembered AS (
  SELECT idempotency_remember(:actorId, :idempotencyKey, :requestPath, :requestHash, 201, to_jsonb(shown))
  FROM shown
)
SELECT r.type_code IS NOT NULL AS type_known, r.home_airport IS NOT NULL AS airport_known,
       c.id, c.tail_number, c.type_code, c.home_airport, c.crosswind_limit_kt, c.status, c.created_at, c.updated_at,
       c.hobbs_hours, c.tach_hours, c.grounded_reasons
FROM resolved r
LEFT JOIN shown c ON true
CROSS JOIN (SELECT count(*) FROM remembered) AS stored;
