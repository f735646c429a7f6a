/** Types generated for queries found in "sql/queries/availability/availability_overrides_delete_audited.sql" */
import { PreparedQuery } from '../../../src/db/typed';

/** 'AvailabilityOverridesDeleteAudited' parameters type */
export interface AvailabilityOverridesDeleteAuditedParams {
  actorId: string;
  overrideId: string;
  userId: string;
}

/** 'AvailabilityOverridesDeleteAudited' return type */
export interface AvailabilityOverridesDeleteAuditedResult {
  id: string;
}

/** 'AvailabilityOverridesDeleteAudited' query type */
export interface AvailabilityOverridesDeleteAuditedQuery {
  params: AvailabilityOverridesDeleteAuditedParams;
  result: AvailabilityOverridesDeleteAuditedResult;
}

const availabilityOverridesDeleteAuditedIR: any = {"usedParamSet":{"overrideId":true,"userId":true,"actorId":true},"params":[{"name":"overrideId","required":true,"transform":{"type":"scalar"},"locs":[{"a":206,"b":217}]},{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":233,"b":240}]},{"name":"actorId","required":true,"transform":{"type":"scalar"},"locs":[{"a":429,"b":437}]}],"statement":"-- Removes one of a user's overrides, audited, in one statement; no row when the user has no\n-- such override.\n-- :actorId acting user id\nWITH removed AS (\n  DELETE FROM availability_overrides\n  WHERE id = :overrideId! AND user_id = :userId!\n  RETURNING *\n), audited AS (\n  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)\n  SELECT 'availability', removed.user_id::text, 'availability.override_deleted', :actorId!::uuid,\n         jsonb_build_object('override_id', removed.id, 'date', removed.date::text,\n                            'start_time', to_char(removed.start_time, 'HH24:MI'),\n                            'end_time', to_char(removed.end_time, 'HH24:MI'),\n                            'is_blocked', removed.is_blocked, 'reason', removed.reason)\n  FROM removed\n)\nSELECT id FROM removed"};

/**
 * Query generated from SQL:
 * ```
 * -- Removes one of a user's overrides, audited, in one statement; no row when the user has no
 * -- such override.
 * -- :actorId acting user id
 * WITH removed AS (
 *   DELETE FROM availability_overrides
 *   WHERE id = :overrideId! AND user_id = :userId!
 *   RETURNING *
 * ), audited AS (
 *   INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
 *   SELECT 'availability', removed.user_id::text, 'availability.override_deleted', :actorId!::uuid,
 *          jsonb_build_object('override_id', removed.id, 'date', removed.date::text,
 *                             'start_time', to_char(removed.start_time, 'HH24:MI'),
 *                             'end_time', to_char(removed.end_time, 'HH24:MI'),
 *                             'is_blocked', removed.is_blocked, 'reason', removed.reason)
 *   FROM removed
 * )
 * SELECT id FROM removed
 * ```
 */
export const availabilityOverridesDeleteAudited = new PreparedQuery<AvailabilityOverridesDeleteAuditedParams,AvailabilityOverridesDeleteAuditedResult>(availabilityOverridesDeleteAuditedIR);


