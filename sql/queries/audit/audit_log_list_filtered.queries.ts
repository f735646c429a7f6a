/** Types generated for queries found in "sql/queries/audit/audit_log_list_filtered.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type NumberOrString = number | string;

/** 'AuditLogListFiltered' parameters type */
export interface AuditLogListFilteredParams {
  action?: string | null | void;
  cursorAt?: DateOrString | null | void;
  cursorId?: string | null | void;
  entityId?: string | null | void;
  entityType?: string | null | void;
  from?: DateOrString | null | void;
  limit?: NumberOrString | null | void;
  to?: DateOrString | null | void;
}

/** 'AuditLogListFiltered' return type */
export interface AuditLogListFilteredResult {
  action: string;
  created_at: Date;
  cursor_at: string | null;
  entity_id: string;
  entity_type: string;
  id: string;
  metadata: Json;
  user_id: string | null;
}

/** 'AuditLogListFiltered' query type */
export interface AuditLogListFilteredQuery {
  params: AuditLogListFilteredParams;
  result: AuditLogListFilteredResult;
}

const auditLogListFilteredIR: any = {"usedParamSet":{"entityType":true,"entityId":true,"action":true,"from":true,"to":true,"cursorAt":true,"cursorId":true,"limit":true},"params":[{"name":"entityType","required":false,"transform":{"type":"scalar"},"locs":[{"a":432,"b":442},{"a":475,"b":485}]},{"name":"entityId","required":false,"transform":{"type":"scalar"},"locs":[{"a":495,"b":503},{"a":534,"b":542}]},{"name":"action","required":false,"transform":{"type":"scalar"},"locs":[{"a":552,"b":558},{"a":586,"b":592}]},{"name":"from","required":false,"transform":{"type":"scalar"},"locs":[{"a":602,"b":606},{"a":646,"b":650}]},{"name":"to","required":false,"transform":{"type":"scalar"},"locs":[{"a":673,"b":675},{"a":714,"b":716}]},{"name":"cursorAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":739,"b":747},{"a":793,"b":801}]},{"name":"cursorId","required":false,"transform":{"type":"scalar"},"locs":[{"a":817,"b":825}]},{"name":"limit","required":false,"transform":{"type":"scalar"},"locs":[{"a":875,"b":880}]}],"statement":"-- A page of audit entries, newest first, with optional filters.\n-- :entityType entity_type or null, :entityId entity_id or null, :action action or null, :from/:to created from (inclusive) /\n-- to (exclusive) or nulls, :cursorAt/:cursorId the cursor (created_at as text, id) or nulls, :limit page size + 1\nSELECT id, entity_type, entity_id, action, user_id, metadata, created_at, created_at::text AS cursor_at\nFROM audit_log\nWHERE (:entityType::text IS NULL OR entity_type = :entityType)\n  AND (:entityId::text IS NULL OR entity_id = :entityId)\n  AND (:action::text IS NULL OR action = :action)\n  AND (:from::timestamptz IS NULL OR created_at >= :from::timestamptz)\n  AND (:to::timestamptz IS NULL OR created_at < :to::timestamptz)\n  AND (:cursorAt::timestamptz IS NULL OR (created_at, id) < (:cursorAt::timestamptz, :cursorId::uuid))\nORDER BY created_at DESC, id DESC\nLIMIT :limit"};

/**
 * Query generated from SQL:
 * ```
 * -- A page of audit entries, newest first, with optional filters.
 * -- :entityType entity_type or null, :entityId entity_id or null, :action action or null, :from/:to created from (inclusive) /
 * -- to (exclusive) or nulls, :cursorAt/:cursorId the cursor (created_at as text, id) or nulls, :limit page size + 1
 * SELECT id, entity_type, entity_id, action, user_id, metadata, created_at, created_at::text AS cursor_at
 * FROM audit_log
 * WHERE (:entityType::text IS NULL OR entity_type = :entityType)
 *   AND (:entityId::text IS NULL OR entity_id = :entityId)
 *   AND (:action::text IS NULL OR action = :action)
 *   AND (:from::timestamptz IS NULL OR created_at >= :from::timestamptz)
 *   AND (:to::timestamptz IS NULL OR created_at < :to::timestamptz)
 *   AND (:cursorAt::timestamptz IS NULL OR (created_at, id) < (:cursorAt::timestamptz, :cursorId::uuid))
 * ORDER BY created_at DESC, id DESC
 * LIMIT :limit
 * ```
 */
export const auditLogListFiltered = new PreparedQuery<AuditLogListFilteredParams,AuditLogListFilteredResult>(auditLogListFilteredIR);


