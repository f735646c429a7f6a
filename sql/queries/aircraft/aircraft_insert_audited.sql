-- Adds an aircraft to the fleet with its audit entry in one statement. The type and the home
-- airport (ICAO or IATA) are resolved here; when either is unknown nothing is inserted and the
-- flags say which.
-- $1 tail_number, $2 type_code, $3 home airport code, $4 crosswind_limit_kt or null,
-- $5 acting user id, $6 Idempotency-Key or null, $7 request hash, $8 request path
WITH resolved AS (
  SELECT (SELECT t.code FROM aircraft_types t WHERE t.code = $2) AS type_code,
         (SELECT a.icao FROM airports a WHERE a.icao = upper($3) OR a.iata = upper($3)) AS home_airport
), created AS (
  INSERT INTO aircraft (tail_number, type_code, home_airport, crosswind_limit_kt)
  SELECT $1, r.type_code, r.home_airport, $4::integer
  FROM resolved r
  WHERE r.type_code IS NOT NULL AND r.home_airport IS NOT NULL
  RETURNING *
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'aircraft', created.id::text, 'aircraft.created', $5::uuid,
         jsonb_build_object('tail_number', created.tail_number, 'type_code', created.type_code,
                            'home_airport', created.home_airport, 'crosswind_limit_kt', created.crosswind_limit_kt)
  FROM created
), remembered AS (
  INSERT INTO idempotency_keys (user_id, key, method, path, request_hash, status_code, response_body)
  SELECT $5::uuid, $6, 'POST', $8, $7, 201, to_jsonb(created)
  FROM created
  WHERE $6::text IS NOT NULL
)
SELECT r.type_code IS NOT NULL AS type_known, r.home_airport IS NOT NULL AS airport_known,
       c.id, c.tail_number, c.type_code, c.home_airport, c.crosswind_limit_kt, c.status, c.created_at, c.updated_at
FROM resolved r
LEFT JOIN created c ON true
