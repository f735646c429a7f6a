/** Types generated for queries found in "sql/queries/cleanup/cleanup_bookings_completed_job.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

export type NumberOrString = number | string;

/** 'CleanupBookingsCompletedJob' parameters type */
export interface CleanupBookingsCompletedJobParams {
  chunk: NumberOrString;
  now: DateOrString;
}

/** 'CleanupBookingsCompletedJob' return type */
export interface CleanupBookingsCompletedJobResult {
  completed: number | null;
}

/** 'CleanupBookingsCompletedJob' query type */
export interface CleanupBookingsCompletedJobQuery {
  params: CleanupBookingsCompletedJobParams;
  result: CleanupBookingsCompletedJobResult;
}

const cleanupBookingsCompletedJobIR: any = {"usedParamSet":{"now":true,"chunk":true},"params":[{"name":"now","required":true,"transform":{"type":"scalar"},"locs":[{"a":304,"b":308},{"a":338,"b":341}]},{"name":"chunk","required":true,"transform":{"type":"scalar"},"locs":[{"a":388,"b":394}]}],"statement":"-- Marks up to :chunk finished flights COMPLETED (CONFIRMED or AT_RISK, ended by :now), each audited.\n-- RESCHEDULING ones are left for an admin: their flight was never confirmed to fly.\nWITH finished AS (\n  SELECT id, status\n  FROM bookings\n  WHERE status IN ('CONFIRMED', 'AT_RISK') AND scheduled_at < :now!::timestamptz AND ends_at <= :now::timestamptz\n  ORDER BY scheduled_at\n  LIMIT :chunk!\n  FOR UPDATE SKIP LOCKED\n), completed AS (\n  UPDATE bookings b SET status = 'COMPLETED'\n  FROM finished f\n  WHERE b.id = f.id\n  RETURNING b.id, f.status AS previous\n), audited AS (\n  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)\n  SELECT 'booking', c.id::text, 'booking.completed', NULL, jsonb_build_object('from', c.previous, 'to', 'COMPLETED')\n  FROM completed c\n)\nSELECT count(*)::int AS completed FROM completed"};

/**
 * Query generated from SQL:
 * ```
 * -- Marks up to :chunk finished flights COMPLETED (CONFIRMED or AT_RISK, ended by :now), each audited.
 * -- RESCHEDULING ones are left for an admin: their flight was never confirmed to fly.
 * WITH finished AS (
 *   SELECT id, status
 *   FROM bookings
 *   WHERE status IN ('CONFIRMED', 'AT_RISK') AND scheduled_at < :now!::timestamptz AND ends_at <= :now::timestamptz
 *   ORDER BY scheduled_at
 *   LIMIT :chunk!
 *   FOR UPDATE SKIP LOCKED
 * ), completed AS (
 *   UPDATE bookings b SET status = 'COMPLETED'
 *   FROM finished f
 *   WHERE b.id = f.id
 *   RETURNING b.id, f.status AS previous
 * ), audited AS (
 *   INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
 *   SELECT 'booking', c.id::text, 'booking.completed', NULL, jsonb_build_object('from', c.previous, 'to', 'COMPLETED')
 *   FROM completed c
 * )
 * SELECT count(*)::int AS completed FROM completed
 * ```
 */
export const cleanupBookingsCompletedJob = new PreparedQuery<CleanupBookingsCompletedJobParams,CleanupBookingsCompletedJobResult>(cleanupBookingsCompletedJobIR);


