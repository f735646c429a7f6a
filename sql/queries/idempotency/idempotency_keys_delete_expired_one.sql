/* @name IdempotencyKeysDeleteExpiredOne */
-- Frees one expired key so it can be used again; runs in the same batch as the effect.
DELETE FROM idempotency_keys WHERE user_id = :userId! AND key = :key! AND expires_at <= now();
