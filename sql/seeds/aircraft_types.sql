-- Common training aircraft, keyed by ICAO type designator. Re-running refreshes the details.
-- cruise_speed_kt: typical 75% power true airspeed.
INSERT INTO aircraft_types (code, manufacturer, model, engines, seats, cruise_speed_kt) VALUES
  ('C150', 'Cessna',         '150',                  1, 2, 105),
  ('C152', 'Cessna',         '152',                  1, 2, 107),
  ('C162', 'Cessna',         '162 Skycatcher',       1, 2, 112),
  ('C172', 'Cessna',         '172 Skyhawk',          1, 4, 122),
  ('C182', 'Cessna',         '182 Skylane',          1, 4, 145),
  ('C72R', 'Cessna',         '172RG Cutlass RG',     1, 4, 140),
  ('P28A', 'Piper',          'PA-28 Cherokee/Warrior/Archer', 1, 4, 125),
  ('P28R', 'Piper',          'PA-28R Arrow',         1, 4, 137),
  ('PA44', 'Piper',          'PA-44 Seminole',       2, 4, 162),
  ('DA20', 'Diamond',        'DA20 Katana/Eclipse',  1, 2, 135),
  ('DA40', 'Diamond',        'DA40 Diamond Star',    1, 4, 140),
  ('DA42', 'Diamond',        'DA42 Twin Star',       2, 4, 170),
  ('SR20', 'Cirrus',         'SR20',                 1, 5, 155),
  ('SR22', 'Cirrus',         'SR22',                 1, 5, 183),
  ('BE76', 'Beechcraft',     '76 Duchess',           2, 4, 158),
  ('BE36', 'Beechcraft',     'A36 Bonanza',          1, 6, 176),
  ('M20P', 'Mooney',         'M20J 201',             1, 4, 155),
  ('TB10', 'Socata',         'TB-10 Tobago',         1, 4, 125),
  ('G115', 'Grob',           'G 115',                1, 2, 115),
  ('AA5',  'Grumman American', 'AA-5 Traveler/Tiger', 1, 4, 135)
ON CONFLICT (code) DO UPDATE SET
  manufacturer    = EXCLUDED.manufacturer,
  model           = EXCLUDED.model,
  engines         = EXCLUDED.engines,
  seats           = EXCLUDED.seats,
  cruise_speed_kt = EXCLUDED.cruise_speed_kt
-- Skip no-op updates so updated_at only moves when something changed.
WHERE (aircraft_types.manufacturer, aircraft_types.model, aircraft_types.engines,
       aircraft_types.seats, aircraft_types.cruise_speed_kt)
  IS DISTINCT FROM
      (EXCLUDED.manufacturer, EXCLUDED.model, EXCLUDED.engines,
       EXCLUDED.seats, EXCLUDED.cruise_speed_kt);
