-- Frees one expired key so it can be used again; runs in the same batch as the effect.
-- $1 user id, $2 key
DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND expires_at <= now()
