-- One structured event. $1 level, $2 event, $3 message, $4 request id, $5 user id, $6 data (json)
INSERT INTO system_logs (level, event, message, request_id, user_id, data)
VALUES ($1, $2, $3, $4, $5::uuid, coalesce($6::jsonb, '{}'))
