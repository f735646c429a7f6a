-- Up Migration

-- A creating statement stores its response under the client's Idempotency-Key in the same
-- transaction as the effect, so a retry replays it. Every creating statement calls this one
-- function (in a CTE its final SELECT reads) instead of carrying its own copy of the INSERT.
-- No key: nothing is stored. A key already stored raises unique_violation, which rolls the
-- whole statement back; the application then answers from the stored response.
CREATE FUNCTION idempotency_remember(p_user_id uuid, p_key text, p_path text, p_request_hash text, p_status integer,
                                     p_response jsonb)
RETURNS boolean
LANGUAGE sql VOLATILE AS $$
  INSERT INTO idempotency_keys (user_id, key, method, path, request_hash, status_code, response_body)
  SELECT p_user_id, p_key, 'POST', p_path, p_request_hash, p_status, p_response
  WHERE p_key IS NOT NULL
  RETURNING true
$$;
COMMENT ON FUNCTION idempotency_remember(uuid, text, text, text, integer, jsonb) IS
  'Stores a created response under its Idempotency-Key (nothing without a key); true when stored.';

-- Down Migration

DROP FUNCTION IF EXISTS idempotency_remember(uuid, text, text, text, integer, jsonb);
