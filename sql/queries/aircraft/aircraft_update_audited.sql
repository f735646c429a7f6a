/* @name AircraftUpdateAudited */
-- Applies a partial change (:changes, a JSON object holding only the fields sent) and audits it with
-- the values before and after, in one statement. A status change re-evaluates the aircraft's
-- bookings (aircraft_refresh_risk, by trigger); grounded_reasons shows the new status. A type or home airport that was sent but is
-- unknown changes nothing; the flags say which.
-- :actorId acting user id
WITH resolved AS (
  SELECT
    CASE WHEN :changes!::jsonb ? 'type_code' THEN
      (SELECT t.code FROM aircraft_types t WHERE t.code = :changes::jsonb->>'type_code') END AS type_code,
    CASE WHEN :changes::jsonb ? 'home_airport' THEN
      (SELECT a.icao FROM airports a
       WHERE a.icao = upper(:changes::jsonb->>'home_airport') OR a.iata = upper(:changes::jsonb->>'home_airport')) END AS home_airport
), checked AS (
  SELECT r.*,
         (NOT :changes::jsonb ? 'type_code' OR r.type_code IS NOT NULL) AS type_known,
         (NOT :changes::jsonb ? 'home_airport' OR r.home_airport IS NOT NULL) AS airport_known
  FROM resolved r
), before AS (
  SELECT * FROM aircraft WHERE id = :aircraftId! FOR UPDATE
), updated AS (
  UPDATE aircraft a SET
    tail_number        = CASE WHEN :changes::jsonb ? 'tail_number' THEN :changes::jsonb->>'tail_number' ELSE a.tail_number END,
    type_code          = coalesce(k.type_code, a.type_code),
    home_airport       = coalesce(k.home_airport, a.home_airport),
    crosswind_limit_kt = CASE WHEN :changes::jsonb ? 'crosswind_limit_kt'
                              THEN (:changes::jsonb->>'crosswind_limit_kt')::integer ELSE a.crosswind_limit_kt END,
    status             = CASE WHEN :changes::jsonb ? 'status' THEN :changes::jsonb->>'status' ELSE a.status END
  FROM before b, checked k
  WHERE a.id = b.id AND k.type_known AND k.airport_known
  RETURNING a.*
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'aircraft', updated.id::text, 'aircraft.updated', :actorId!::uuid,
         jsonb_build_object(
           'before', (SELECT jsonb_object_agg(f, to_jsonb(before) -> f) FROM before, jsonb_object_keys(:changes::jsonb) f),
           'after', (SELECT jsonb_object_agg(f, to_jsonb(updated) -> f) FROM jsonb_object_keys(:changes::jsonb) f))
  FROM updated
)
SELECT EXISTS (SELECT 1 FROM before) AS found, k.type_known, k.airport_known,
       u.id, u.tail_number, u.type_code, u.home_airport, u.crosswind_limit_kt, u.status, u.created_at, u.updated_at,
       u.hobbs_hours, u.tach_hours, aircraft_grounded_reasons(ROW(u.*)::aircraft) AS grounded_reasons
FROM checked k
LEFT JOIN updated u ON true;
