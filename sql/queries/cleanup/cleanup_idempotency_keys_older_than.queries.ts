/** Types generated for queries found in "sql/queries/cleanup/cleanup_idempotency_keys_older_than.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

/** 'CleanupIdempotencyKeysOlderThan' parameters type */
export interface CleanupIdempotencyKeysOlderThanParams {
  cutoff: DateOrString;
}

/** 'CleanupIdempotencyKeysOlderThan' return type */
export interface CleanupIdempotencyKeysOlderThanResult {
  deleted: number | null;
}

/** 'CleanupIdempotencyKeysOlderThan' query type */
export interface CleanupIdempotencyKeysOlderThanQuery {
  params: CleanupIdempotencyKeysOlderThanParams;
  result: CleanupIdempotencyKeysOlderThanResult;
}

const cleanupIdempotencyKeysOlderThanIR: any = {"usedParamSet":{"cutoff":true},"params":[{"name":"cutoff","required":true,"transform":{"type":"scalar"},"locs":[{"a":170,"b":177}]}],"statement":"-- Deletes idempotency keys that expired before the cutoff (the job passes now: every expired key).\nWITH deleted AS (\n  DELETE FROM idempotency_keys\n  WHERE expires_at < :cutoff!::timestamptz\n  RETURNING 1\n)\nSELECT count(*)::int AS deleted FROM deleted"};

/**
 * Query generated from SQL:
 * ```
 * -- Deletes idempotency keys that expired before the cutoff (the job passes now: every expired key).
 * WITH deleted AS (
 *   DELETE FROM idempotency_keys
 *   WHERE expires_at < :cutoff!::timestamptz
 *   RETURNING 1
 * )
 * SELECT count(*)::int AS deleted FROM deleted
 * ```
 */
export const cleanupIdempotencyKeysOlderThan = new PreparedQuery<CleanupIdempotencyKeysOlderThanParams,CleanupIdempotencyKeysOlderThanResult>(cleanupIdempotencyKeysOlderThanIR);


