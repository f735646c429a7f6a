/* @name IngestionLogsInsertRunning */
-- Opens an ingestion's log as RUNNING before its first batch, audited in the same statement.
-- :source label, :format, :actorId acting user id (null for the command line)
WITH started AS (
  INSERT INTO ingestion_logs (source, format, created_by)
  VALUES (:source!, :format!, :actorId::uuid)
  RETURNING id, source, format, started_at
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'ingestion', started.id::text, 'ingestion.started', :actorId::uuid,
         jsonb_build_object('source', started.source, 'format', started.format)
  FROM started
)
SELECT id, started_at FROM started;
