-- Deletes idempotency keys that expired before the cutoff (the job passes now: every expired key).
-- $1 cutoff (timestamptz)
WITH deleted AS (
  DELETE FROM idempotency_keys
  WHERE expires_at < $1::timestamptz
  RETURNING 1
)
SELECT count(*)::int AS deleted FROM deleted
