/* @name AirportRunwaysReplaceAudited */
-- Replaces an airport's runway ends and audits the set before and after, in one statement.
-- The airport row is locked so two replacements of the same airport queue. The insert reads
-- `dropped`, so the old rows are gone before the new ones take their names.
-- :code (ICAO or IATA, upper-cased), :runways runway ends jsonb [{ name, heading_deg }], :actorId acting user id
WITH airport AS (
  SELECT * FROM airports WHERE icao = :code! OR iata = :code FOR UPDATE
), before AS (
  SELECT coalesce(airport_runway_ends(ARRAY[a.icao]) -> a.icao, '[]'::jsonb) AS runways FROM airport a
), dropped AS (
  DELETE FROM airport_runways r USING airport a WHERE r.airport = a.icao RETURNING 1
), added AS (
  INSERT INTO airport_runways (airport, name, heading_deg)
  SELECT a.icao, x.name, x.heading_deg
  FROM airport a
  CROSS JOIN (SELECT count(*) FROM dropped) AS cleared
  CROSS JOIN jsonb_to_recordset(:runways!::jsonb) AS x (name text, heading_deg numeric)
  RETURNING name, heading_deg
), after AS (
  SELECT coalesce(jsonb_agg(jsonb_build_object('name', name, 'heading_deg', heading_deg) ORDER BY name), '[]'::jsonb) AS runways
  FROM added
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'airport', a.icao, 'airport.runways_replaced', :actorId!::uuid,
         jsonb_build_object('before', (SELECT runways FROM before), 'after', (SELECT runways FROM after))
  FROM airport a
)
SELECT a.icao, a.iata, a.name, a.city, a.country, a.latitude, a.longitude, a.timezone, a.elevation_ft,
       (SELECT runways FROM after) AS runways
FROM airport a;
