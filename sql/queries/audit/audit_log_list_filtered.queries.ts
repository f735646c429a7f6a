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
  limit: NumberOrString;
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

const auditLogListFilteredIR: any = {"usedParamSet":{"entityType":true,"entityId":true,"action":true,"from":true,"to":true,"cursorAt":true,"cursorId":true,"limit":true},"params":[{"name":"entityType","required":false,"transform":{"type":"scalar"},"locs":[{"a":403,"b":413},{"a":446,"b":456}]},{"name":"entityId","required":false,"transform":{"type":"scalar"},"locs":[{"a":466,"b":474},{"a":505,"b":513}]},{"name":"action","required":false,"transform":{"type":"scalar"},"locs":[{"a":523,"b":529},{"a":557,"b":563}]},{"name":"from","required":false,"transform":{"type":"scalar"},"locs":[{"a":573,"b":577},{"a":617,"b":621}]},{"name":"to","required":false,"transform":{"type":"scalar"},"locs":[{"a":644,"b":646},{"a":685,"b":687}]},{"name":"cursorAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":710,"b":718},{"a":764,"b":772}]},{"name":"cursorId","required":false,"transform":{"type":"scalar"},"locs":[{"a":788,"b":796}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":846,"b":852}]}],"statement":"-- A page of audit entries, newest first, with optional filters.\n-- :entityType or null, :entityId or null, :action or null, :from/:to created from (inclusive) /\n-- to (exclusive) or nulls, :cursorAt/:cursorId the cursor (created_at as text, id) or nulls, :limit page size + 1\nSELECT id, entity_type, entity_id, action, user_id, metadata, created_at, created_at::text AS cursor_at\nFROM audit_log\nWHERE (:entityType::text IS NULL OR entity_type = :entityType)\n  AND (:entityId::text IS NULL OR entity_id = :entityId)\n  AND (:action::text IS NULL OR action = :action)\n  AND (:from::timestamptz IS NULL OR created_at >= :from::timestamptz)\n  AND (:to::timestamptz IS NULL OR created_at < :to::timestamptz)\n  AND (:cursorAt::timestamptz IS NULL OR (created_at, id) < (:cursorAt::timestamptz, :cursorId::uuid))\nORDER BY created_at DESC, id DESC\nLIMIT :limit!"};

/**
 * Query generated from SQL:
 * ```
 * -- A page of audit entries, newest first, with optional filters.
 * -- :entityType or null, :entityId or null, :action or null, :from/:to created from (inclusive) /
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
 * LIMIT :limit!
 * ```
 */
export const auditLogListFiltered = new PreparedQuery<AuditLogListFilteredParams,AuditLogListFilteredResult>(auditLogListFilteredIR);


