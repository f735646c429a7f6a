/** Types generated for queries found in "sql/queries/cleanup/cleanup_standby_expired_job.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

/** 'CleanupStandbyExpiredJob' parameters type */
export interface CleanupStandbyExpiredJobParams {
  now: DateOrString;
}

/** 'CleanupStandbyExpiredJob' return type */
export interface CleanupStandbyExpiredJobResult {
  expired: number | null;
}

/** 'CleanupStandbyExpiredJob' query type */
export interface CleanupStandbyExpiredJobQuery {
  params: CleanupStandbyExpiredJobParams;
  result: CleanupStandbyExpiredJobResult;
}

const cleanupStandbyExpiredJobIR: any = {"usedParamSet":{"now":true},"params":[{"name":"now","required":true,"transform":{"type":"scalar"},"locs":[{"a":292,"b":296}]}],"statement":"-- Standby entries whose window has passed leave the list as EXPIRED, audited. Conditional on\n-- WAITING, so a run racing a promotion or a withdrawal changes each entry once.\nWITH expired AS (\n  UPDATE standby_entries s SET status = 'EXPIRED'\n  WHERE s.status = 'WAITING' AND s.window_end <= :now!::timestamptz\n  RETURNING s.id\n), audited AS (\n  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)\n  SELECT 'standby_entry', e.id::text, 'standby.expired', NULL, jsonb_build_object('from', 'WAITING', 'to', 'EXPIRED')\n  FROM expired e\n)\nSELECT count(*)::int AS expired FROM expired"};

/**
 * Query generated from SQL:
 * ```
 * -- Standby entries whose window has passed leave the list as EXPIRED, audited. Conditional on
 * -- WAITING, so a run racing a promotion or a withdrawal changes each entry once.
 * WITH expired AS (
 *   UPDATE standby_entries s SET status = 'EXPIRED'
 *   WHERE s.status = 'WAITING' AND s.window_end <= :now!::timestamptz
 *   RETURNING s.id
 * ), audited AS (
 *   INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
 *   SELECT 'standby_entry', e.id::text, 'standby.expired', NULL, jsonb_build_object('from', 'WAITING', 'to', 'EXPIRED')
 *   FROM expired e
 * )
 * SELECT count(*)::int AS expired FROM expired
 * ```
 */
export const cleanupStandbyExpiredJob = new PreparedQuery<CleanupStandbyExpiredJobParams,CleanupStandbyExpiredJobResult>(cleanupStandbyExpiredJobIR);


