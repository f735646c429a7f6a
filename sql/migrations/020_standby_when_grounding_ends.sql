-- Up Migration

-- An aircraft's grounding ending frees slots for the standby list, in the same transaction as
-- the change that ends it: back to AVAILABLE, a GROUNDING squawk resolved, a maintenance block
-- removed, a maintenance item completed. standby_promote_for_aircraft tries the waiting entries
-- of the aircraft's type at its home airport; every try passes bookings_verify_rules, so an
-- aircraft still grounded for another reason books nobody.
CREATE OR REPLACE FUNCTION aircraft_airworthiness_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM aircraft_refresh_risk(NEW.id);
  IF OLD.status <> 'AVAILABLE' AND NEW.status = 'AVAILABLE' THEN
    PERFORM standby_promote_for_aircraft(NEW.id, NULL);
  END IF;
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION aircraft_record_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM aircraft_refresh_risk(OLD.aircraft_id);
  ELSE
    PERFORM aircraft_refresh_risk(NEW.aircraft_id);
  END IF;
  -- Each table's record is only read in its own branch: plpgsql resolves a field when it runs.
  IF TG_TABLE_NAME = 'maintenance_blocks' THEN
    IF TG_OP = 'DELETE' THEN
      PERFORM standby_promote_for_aircraft(OLD.aircraft_id, NULL);
    END IF;
  ELSIF TG_TABLE_NAME = 'maintenance_items' THEN
    IF TG_OP = 'UPDATE' THEN
      PERFORM standby_promote_for_aircraft(NEW.aircraft_id, NULL);
    END IF;
  ELSIF TG_TABLE_NAME = 'squawks' THEN
    IF TG_OP = 'UPDATE' THEN
      IF OLD.status = 'OPEN' AND NEW.status <> 'OPEN' THEN
        PERFORM standby_promote_for_aircraft(NEW.aircraft_id, NULL);
      END IF;
    END IF;
  END IF;
  RETURN NULL;
END
$$;

-- Down Migration

CREATE OR REPLACE FUNCTION aircraft_airworthiness_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM aircraft_refresh_risk(NEW.id);
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION aircraft_record_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM aircraft_refresh_risk(OLD.aircraft_id);
  ELSE
    PERFORM aircraft_refresh_risk(NEW.aircraft_id);
  END IF;
  RETURN NULL;
END
$$;
