/* @name SystemLogsInsertEvent */
-- One structured event. :level level, :event event, :message message, :requestId request id, :userId user id, :data data (json)
INSERT INTO system_logs (level, event, message, request_id, user_id, data)
VALUES (:level, :event, :message, :requestId, :userId::uuid, coalesce(:data::jsonb, '{}'));
