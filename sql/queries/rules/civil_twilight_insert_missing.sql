/* @name CivilTwilightInsertMissing */
-- Stores civil twilight rows the daylight rule will read (computed by the application), keeping
-- rows already there: the figures for an airport and day never change.
-- :twilight jsonb [{ airport, day, civil_dawn, civil_dusk }]
INSERT INTO civil_twilight (airport, day, civil_dawn, civil_dusk)
SELECT x.airport, x.day, x.civil_dawn, x.civil_dusk
FROM jsonb_to_recordset(:twilight!::jsonb) AS x (airport text, day date, civil_dawn timestamptz, civil_dusk timestamptz)
ON CONFLICT (airport, day) DO NOTHING;
