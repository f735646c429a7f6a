/* @name IdempotencyKeysSelectLive */
-- The stored first response for a key, while it is live. :userId, :key
SELECT request_hash, status_code, response_body
FROM idempotency_keys
WHERE user_id = :userId! AND key = :key! AND expires_at > now();
