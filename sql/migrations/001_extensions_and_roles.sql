-- Up Migration

-- Extensions: btree_gist lets EXCLUDE constraints mix uuid equality with range overlap;
-- pg_trgm backs the airport name/city search. gen_random_uuid() is built in since PG13.
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The application's group role. Roles are cluster-wide, so another database (or an earlier
-- run of this migration) may already have created it; a concurrent creator is tolerated too.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'skyslot_app') THEN
    CREATE ROLE skyslot_app NOLOGIN;
  END IF;
EXCEPTION
  WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

-- skyslot_app gets DML, never ownership: it cannot ALTER/DROP tables or bypass triggers.
-- Grants are made through default privileges rather than GRANT ... ON ALL TABLES, because at
-- this point the only table in the schema is the migration bookkeeping table, which the
-- application must not be able to write. Every table later migrations create gets these rights;
-- audit_log narrows them again in its own migration.
GRANT USAGE ON SCHEMA public TO skyslot_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO skyslot_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public
  GRANT USAGE, SELECT ON SEQUENCES TO skyslot_app;

-- One shared trigger function keeps every updated_at honest, whatever the writer forgets.
CREATE FUNCTION set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION set_updated_at() IS 'BEFORE UPDATE trigger: stamps updated_at with the transaction time.';

-- Down Migration

DROP FUNCTION IF EXISTS set_updated_at();

ALTER DEFAULT PRIVILEGES IN SCHEMA public
  REVOKE USAGE, SELECT ON SEQUENCES FROM skyslot_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public
  REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM skyslot_app;
REVOKE USAGE ON SCHEMA public FROM skyslot_app;
-- The role itself stays: it is cluster-wide and other databases may rely on it.

DROP EXTENSION IF EXISTS pg_trgm;
DROP EXTENSION IF EXISTS btree_gist;
