/* @name SystemLogsInsertEvent */
-- One structured event. :level, :event, :message, :requestId, :userId, :data (json)
INSERT INTO system_logs (level, event, message, request_id, user_id, data)
VALUES (:level!, :event!, :message, :requestId, :userId::uuid, coalesce(:data::jsonb, '{}'));
