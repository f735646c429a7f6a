/** Types generated for queries found in "sql/queries/availability/availability_patterns_select_by_user.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'AvailabilityPatternsSelectByUser' parameters type */
export interface AvailabilityPatternsSelectByUserParams {
  userId: string;
}

/** 'AvailabilityPatternsSelectByUser' return type */
export interface AvailabilityPatternsSelectByUserResult {
  id: string;
  patterns: Json | null;
  role: string;
  timezone: string;
}

/** 'AvailabilityPatternsSelectByUser' query type */
export interface AvailabilityPatternsSelectByUserQuery {
  params: AvailabilityPatternsSelectByUserParams;
  result: AvailabilityPatternsSelectByUserResult;
}

const availabilityPatternsSelectByUserIR: any = {"usedParamSet":{"userId":true},"params":[{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":485,"b":492}]}],"statement":"-- A user's role (for the visibility rules) and weekly patterns, earliest first.\nSELECT u.id, u.role, u.timezone,\n  (SELECT coalesce(json_agg(json_build_object(\n            'id', p.id,\n            'day_of_week', p.day_of_week,\n            'start_time', to_char(p.start_time, 'HH24:MI'),\n            'end_time', to_char(p.end_time, 'HH24:MI')) ORDER BY p.day_of_week, p.start_time), '[]')\n   FROM availability_patterns p\n   WHERE p.user_id = u.id) AS patterns\nFROM users u\nWHERE u.id = :userId!"};

/**
 * Query generated from SQL:
 * ```
 * -- A user's role (for the visibility rules) and weekly patterns, earliest first.
 * SELECT u.id, u.role, u.timezone,
 *   (SELECT coalesce(json_agg(json_build_object(
 *             'id', p.id,
 *             'day_of_week', p.day_of_week,
 *             'start_time', to_char(p.start_time, 'HH24:MI'),
 *             'end_time', to_char(p.end_time, 'HH24:MI')) ORDER BY p.day_of_week, p.start_time), '[]')
 *    FROM availability_patterns p
 *    WHERE p.user_id = u.id) AS patterns
 * FROM users u
 * WHERE u.id = :userId!
 * ```
 */
export const availabilityPatternsSelectByUser = new PreparedQuery<AvailabilityPatternsSelectByUserParams,AvailabilityPatternsSelectByUserResult>(availabilityPatternsSelectByUserIR);


