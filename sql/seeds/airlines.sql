-- US carriers active in 2001 (the period of the sample delay data), keyed by IATA designator.
-- Re-running refreshes names and ICAO codes.
INSERT INTO airlines (code, icao, name, country) VALUES
  ('AA', 'AAL', 'American Airlines',          'United States'),
  ('UA', 'UAL', 'United Airlines',            'United States'),
  ('DL', 'DAL', 'Delta Air Lines',            'United States'),
  ('NW', 'NWA', 'Northwest Airlines',         'United States'),
  ('CO', 'COA', 'Continental Airlines',       'United States'),
  ('US', 'USA', 'US Airways',                 'United States'),
  ('WN', 'SWA', 'Southwest Airlines',         'United States'),
  ('AS', 'ASA', 'Alaska Airlines',            'United States'),
  ('HP', 'AWE', 'America West Airlines',      'United States'),
  ('TW', 'TWA', 'Trans World Airlines',       'United States'),
  ('B6', 'JBU', 'JetBlue Airways',            'United States'),
  ('HA', 'HAL', 'Hawaiian Airlines',          'United States'),
  ('AQ', 'AAH', 'Aloha Airlines',             'United States'),
  ('F9', 'FFT', 'Frontier Airlines',          'United States'),
  ('NK', 'NKS', 'Spirit Airlines',            'United States'),
  ('FL', 'TRS', 'AirTran Airways',            'United States'),
  ('TZ', 'AMT', 'American Trans Air',         'United States'),
  ('SY', 'SCX', 'Sun Country Airlines',       'United States'),
  ('MQ', 'EGF', 'American Eagle Airlines',    'United States'),
  ('OO', 'SKW', 'SkyWest Airlines',           'United States'),
  ('XE', 'BTA', 'Continental Express (ExpressJet)', 'United States'),
  ('EV', 'ASQ', 'Atlantic Southeast Airlines', 'United States'),
  ('OH', 'COM', 'Comair',                     'United States'),
  ('YV', 'ASH', 'Mesa Airlines',              'United States')
ON CONFLICT (code) DO UPDATE SET
  icao    = EXCLUDED.icao,
  name    = EXCLUDED.name,
  country = EXCLUDED.country
WHERE (airlines.icao, airlines.name, airlines.country)
  IS DISTINCT FROM (EXCLUDED.icao, EXCLUDED.name, EXCLUDED.country);
