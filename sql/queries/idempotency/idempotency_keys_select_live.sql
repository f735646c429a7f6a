-- The stored first response for a key, while it is live. $1 user id, $2 key
SELECT request_hash, status_code, response_body
FROM idempotency_keys
WHERE user_id = $1 AND key = $2 AND expires_at > now()
