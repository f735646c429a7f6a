/** Types generated for queries found in "sql/queries/cleanup/cleanup_rescheduling_job.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

/** 'CleanupReschedulingJob' parameters type */
export interface CleanupReschedulingJobParams {
  cutoff: DateOrString;
}

/** 'CleanupReschedulingJob' return type */
export interface CleanupReschedulingJobResult {
  options_deleted: number | null;
  preferences_deleted: number | null;
}

/** 'CleanupReschedulingJob' query type */
export interface CleanupReschedulingJobQuery {
  params: CleanupReschedulingJobParams;
  result: CleanupReschedulingJobResult;
}

const cleanupReschedulingJobIR: any = {"usedParamSet":{"cutoff":true},"params":[{"name":"cutoff","required":true,"transform":{"type":"scalar"},"locs":[{"a":362,"b":369},{"a":586,"b":592}]}],"statement":"-- Deletes reschedule options and preferences older than the cutoff whose booking is resolved\n-- (RESCHEDULED, CANCELLED or COMPLETED); a booking still RESCHEDULING keeps them.\nWITH options_deleted AS (\n  DELETE FROM reschedule_options o\n  USING bookings b\n  WHERE b.id = o.booking_id AND b.status IN ('RESCHEDULED', 'CANCELLED', 'COMPLETED') AND o.created_at < :cutoff!::timestamptz\n  RETURNING 1\n), preferences_deleted AS (\n  DELETE FROM preference_rankings p\n  USING bookings b\n  WHERE b.id = p.booking_id AND b.status IN ('RESCHEDULED', 'CANCELLED', 'COMPLETED') AND p.created_at < :cutoff::timestamptz\n  RETURNING 1\n)\nSELECT (SELECT count(*) FROM options_deleted)::int AS options_deleted,\n       (SELECT count(*) FROM preferences_deleted)::int AS preferences_deleted"};

/**
 * Query generated from SQL:
 * ```
 * -- Deletes reschedule options and preferences older than the cutoff whose booking is resolved
 * -- (RESCHEDULED, CANCELLED or COMPLETED); a booking still RESCHEDULING keeps them.
 * WITH options_deleted AS (
 *   DELETE FROM reschedule_options o
 *   USING bookings b
 *   WHERE b.id = o.booking_id AND b.status IN ('RESCHEDULED', 'CANCELLED', 'COMPLETED') AND o.created_at < :cutoff!::timestamptz
 *   RETURNING 1
 * ), preferences_deleted AS (
 *   DELETE FROM preference_rankings p
 *   USING bookings b
 *   WHERE b.id = p.booking_id AND b.status IN ('RESCHEDULED', 'CANCELLED', 'COMPLETED') AND p.created_at < :cutoff::timestamptz
 *   RETURNING 1
 * )
 * SELECT (SELECT count(*) FROM options_deleted)::int AS options_deleted,
 *        (SELECT count(*) FROM preferences_deleted)::int AS preferences_deleted
 * ```
 */
export const cleanupReschedulingJob = new PreparedQuery<CleanupReschedulingJobParams,CleanupReschedulingJobResult>(cleanupReschedulingJobIR);


