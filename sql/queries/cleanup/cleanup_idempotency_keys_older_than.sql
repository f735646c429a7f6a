/* @name CleanupIdempotencyKeysOlderThan */
-- Deletes idempotency keys that expired before the cutoff (the job passes now: every expired key).
WITH deleted AS (
  DELETE FROM idempotency_keys
  WHERE expires_at < :cutoff!::timestamptz
  RETURNING 1
)
SELECT count(*)::int AS deleted FROM deleted;
