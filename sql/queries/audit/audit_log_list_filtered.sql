/* @name AuditLogListFiltered */
-- A page of audit entries, newest first, with optional filters.
-- :entityType or null, :entityId or null, :action or null, :from/:to created from (inclusive) /
-- to (exclusive) or nulls, :cursorAt/:cursorId the cursor (created_at as text, id) or nulls, :limit page size + 1
SELECT id, entity_type, entity_id, action, user_id, metadata, created_at, created_at::text AS cursor_at
FROM audit_log
WHERE (:entityType::text IS NULL OR entity_type = :entityType)
  AND (:entityId::text IS NULL OR entity_id = :entityId)
  AND (:action::text IS NULL OR action = :action)
  AND (:from::timestamptz IS NULL OR created_at >= :from::timestamptz)
  AND (:to::timestamptz IS NULL OR created_at < :to::timestamptz)
  AND (:cursorAt::timestamptz IS NULL OR (created_at, id) < (:cursorAt::timestamptz, :cursorId::uuid))
ORDER BY created_at DESC, id DESC
LIMIT :limit!;
