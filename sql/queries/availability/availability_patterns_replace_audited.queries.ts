/** Types generated for queries found in "sql/queries/availability/availability_patterns_replace_audited.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'AvailabilityPatternsReplaceAudited' parameters type */
export interface AvailabilityPatternsReplaceAuditedParams {
  actorId: string;
  patterns: Json;
  userId: string;
}

/** 'AvailabilityPatternsReplaceAudited' return type */
export interface AvailabilityPatternsReplaceAuditedResult {
  day_of_week: number;
  end_time: string | null;
  id: string;
  start_time: string | null;
}

/** 'AvailabilityPatternsReplaceAudited' query type */
export interface AvailabilityPatternsReplaceAuditedQuery {
  params: AvailabilityPatternsReplaceAuditedParams;
  result: AvailabilityPatternsReplaceAuditedResult;
}

const availabilityPatternsReplaceAuditedIR: any = {"usedParamSet":{"userId":true,"patterns":true,"actorId":true},"params":[{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":330,"b":337}]},{"name":"patterns","required":true,"transform":{"type":"scalar"},"locs":[{"a":717,"b":726},{"a":1388,"b":1396}]},{"name":"actorId","required":true,"transform":{"type":"scalar"},"locs":[{"a":955,"b":963}]}],"statement":"-- Replaces a user's weekly set with :patterns and audits before and after, in one statement (run after\n-- availability_patterns_lock_user.sql in the same transaction). Returns the new set.\n-- :patterns JSON array of { day_of_week, start_time, end_time }, :actorId acting user id\nWITH owner AS (\n  SELECT id FROM users WHERE id = :userId!\n), removed AS (\n  DELETE FROM availability_patterns p\n  USING owner\n  WHERE p.user_id = owner.id\n  RETURNING p.day_of_week, p.start_time, p.end_time\n), added AS (\n  INSERT INTO availability_patterns (user_id, day_of_week, start_time, end_time)\n  SELECT owner.id, (w->>'day_of_week')::smallint, (w->>'start_time')::time, (w->>'end_time')::time\n  FROM owner, jsonb_array_elements(:patterns!::jsonb) w\n  RETURNING id, day_of_week, start_time, end_time\n), audited AS (\n  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)\n  SELECT 'availability', owner.id::text, 'availability.patterns_replaced', :actorId!::uuid,\n         jsonb_build_object(\n           'before', (SELECT coalesce(jsonb_agg(jsonb_build_object(\n                               'day_of_week', r.day_of_week,\n                               'start_time', to_char(r.start_time, 'HH24:MI'),\n                               'end_time', to_char(r.end_time, 'HH24:MI')) ORDER BY r.day_of_week, r.start_time), '[]')\n                      FROM removed r),\n           'after', :patterns::jsonb)\n  FROM owner\n)\nSELECT id, day_of_week, to_char(start_time, 'HH24:MI') AS start_time, to_char(end_time, 'HH24:MI') AS end_time\nFROM added\nORDER BY day_of_week, start_time"};

/**
 * Query generated from SQL:
 * ```
 * -- Replaces a user's weekly set with :patterns and audits before and after, in one statement (run after
 * -- availability_patterns_lock_user.sql in the same transaction). Returns the new set.
 * -- :patterns JSON array of { day_of_week, start_time, end_time }, :actorId acting user id
 * WITH owner AS (
 *   SELECT id FROM users WHERE id = :userId!
 * ), removed AS (
 *   DELETE FROM availability_patterns p
 *   USING owner
 *   WHERE p.user_id = owner.id
 *   RETURNING p.day_of_week, p.start_time, p.end_time
 * ), added AS (
 *   INSERT INTO availability_patterns (user_id, day_of_week, start_time, end_time)
 *   SELECT owner.id, (w->>'day_of_week')::smallint, (w->>'start_time')::time, (w->>'end_time')::time
 *   FROM owner, jsonb_array_elements(:patterns!::jsonb) w
 *   RETURNING id, day_of_week, start_time, end_time
 * ), audited AS (
 *   INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
 *   SELECT 'availability', owner.id::text, 'availability.patterns_replaced', :actorId!::uuid,
 *          jsonb_build_object(
 *            'before', (SELECT coalesce(jsonb_agg(jsonb_build_object(
 *                                'day_of_week', r.day_of_week,
 *                                'start_time', to_char(r.start_time, 'HH24:MI'),
 *                                'end_time', to_char(r.end_time, 'HH24:MI')) ORDER BY r.day_of_week, r.start_time), '[]')
 *                       FROM removed r),
 *            'after', :patterns::jsonb)
 *   FROM owner
 * )
 * SELECT id, day_of_week, to_char(start_time, 'HH24:MI') AS start_time, to_char(end_time, 'HH24:MI') AS end_time
 * FROM added
 * ORDER BY day_of_week, start_time
 * ```
 */
export const availabilityPatternsReplaceAudited = new PreparedQuery<AvailabilityPatternsReplaceAuditedParams,AvailabilityPatternsReplaceAuditedResult>(availabilityPatternsReplaceAuditedIR);


