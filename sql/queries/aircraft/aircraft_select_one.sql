/* @name AircraftSelectOne */
-- One aircraft, with why it cannot fly now (if it cannot).
SELECT id, tail_number, type_code, home_airport, crosswind_limit_kt, status, created_at, updated_at,
       hobbs_hours, tach_hours, aircraft_grounded_reasons(aircraft) AS grounded_reasons
FROM aircraft
WHERE id = :aircraftId!;
