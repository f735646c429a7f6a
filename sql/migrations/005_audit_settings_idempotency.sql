-- Up Migration

-- ---------------------------------------------------------------- audit log
CREATE TABLE audit_log (
  id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  entity_type text        NOT NULL,
  -- text, not uuid: settings are keyed by name. No foreign key: audit rows must outlive
  -- whatever they describe.
  entity_id   text        NOT NULL,
  action      text        NOT NULL,
  -- No foreign key either: deleting a user must neither delete nor alter (SET NULL would be
  -- an UPDATE, which this table refuses) the history of what they did.
  user_id     uuid,
  metadata    jsonb       NOT NULL DEFAULT '{}',
  created_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT audit_log_entity_type_check CHECK (entity_type ~ '^[a-z][a-z_]{0,63}$'),
  CONSTRAINT audit_log_entity_id_check CHECK (length(entity_id) BETWEEN 1 AND 255),
  CONSTRAINT audit_log_action_check CHECK (length(action) BETWEEN 1 AND 100),
  CONSTRAINT audit_log_metadata_check CHECK (jsonb_typeof(metadata) = 'object')
);
COMMENT ON TABLE audit_log IS 'Append-only record of every state change (bookings, users, availability, settings); UPDATE, DELETE and TRUNCATE are refused.';

-- GET /v1/audit filters, each with keyset pagination on (created_at, id).
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, created_at);
CREATE INDEX audit_log_created_idx ON audit_log (created_at, id);
CREATE INDEX audit_log_action_created_idx ON audit_log (action, created_at);
CREATE INDEX audit_log_user_created_idx ON audit_log (user_id, created_at) WHERE user_id IS NOT NULL;

-- Refuse changes for every role, the owner included (privileges alone don't bind the owner
-- or a superuser). Only DROP TABLE, i.e. a deliberate schema change, removes rows.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
COMMENT ON FUNCTION audit_log_refuse_change() IS 'Trigger: raises on any UPDATE, DELETE or TRUNCATE of audit_log.';

CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

-- The default privileges granted full DML; the application may only read and append.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM skyslot_app;

-- ---------------------------------------------------------------- settings
CREATE TABLE settings (
  key        text        PRIMARY KEY,
  value      jsonb       NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- SET NULL: the audit log keeps who changed it; the setting itself must survive.
  updated_by uuid        REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT settings_key_check CHECK (key ~ '^[a-z][a-z0-9_]{0,63}$')
);
COMMENT ON TABLE settings IS 'Admin-changeable configuration as JSON by name (e.g. weather_minimums).';

CREATE TRIGGER settings_set_updated_at BEFORE UPDATE ON settings
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- The service needs the minimums to evaluate weather, so they ship with the schema
-- (sql/seeds/settings.sql repeats this for databases migrated before a reset).
-- null = no minimum for that level.
INSERT INTO settings (key, value) VALUES ('weather_minimums', '{
  "STUDENT_PILOT":    {"ceiling_min_ft": 3000, "visibility_min_sm": 5,    "wind_max_kt": 10, "gust_max_kt": 15, "thunderstorms_allowed": false, "icing_allowed": false},
  "PRIVATE_PILOT":    {"ceiling_min_ft": 1000, "visibility_min_sm": 3,    "wind_max_kt": 20, "gust_max_kt": 25, "thunderstorms_allowed": false, "icing_allowed": false},
  "INSTRUMENT_RATED": {"ceiling_min_ft": null, "visibility_min_sm": null, "wind_max_kt": 30, "gust_max_kt": 35, "thunderstorms_allowed": false, "icing_allowed": false}
}'::jsonb)
ON CONFLICT (key) DO NOTHING;

-- ---------------------------------------------------------------- idempotency keys
CREATE TABLE idempotency_keys (
  -- CASCADE: keys are scoped to their user and short-lived.
  user_id       uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  key           text        NOT NULL,
  method        text        NOT NULL,
  path          text        NOT NULL,
  request_hash  text        NOT NULL,
  -- Null while the first request is still being processed.
  status_code   integer,
  response_body jsonb,
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL DEFAULT now() + interval '24 hours',
  PRIMARY KEY (user_id, key),
  CONSTRAINT idempotency_keys_key_check CHECK (length(key) BETWEEN 1 AND 255),
  CONSTRAINT idempotency_keys_method_check CHECK (method IN ('POST', 'PUT', 'PATCH', 'DELETE')),
  CONSTRAINT idempotency_keys_status_code_check CHECK (status_code BETWEEN 100 AND 599),
  CONSTRAINT idempotency_keys_expiry_check CHECK (expires_at > created_at)
);
COMMENT ON TABLE idempotency_keys IS 'First response per (user, Idempotency-Key) for 24 h, so a retried POST replays instead of repeating.';

-- Cleanup deletes expired keys.
CREATE INDEX idempotency_keys_expires_idx ON idempotency_keys (expires_at);

-- Down Migration

DROP TABLE IF EXISTS idempotency_keys;
DROP TABLE IF EXISTS settings;
-- DROP TABLE does not fire the refusal triggers; it is the one way rows leave audit_log.
DROP TABLE IF EXISTS audit_log;
DROP FUNCTION IF EXISTS audit_log_refuse_change();
