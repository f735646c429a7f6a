/** Types generated for queries found in "sql/queries/idempotency/idempotency_keys_delete_expired_one.sql" */
import { PreparedQuery } from '../../../src/db/typed';

/** 'IdempotencyKeysDeleteExpiredOne' parameters type */
export interface IdempotencyKeysDeleteExpiredOneParams {
  key: string;
  userId: string;
}

/** 'IdempotencyKeysDeleteExpiredOne' return type */
export type IdempotencyKeysDeleteExpiredOneResult = void;

/** 'IdempotencyKeysDeleteExpiredOne' query type */
export interface IdempotencyKeysDeleteExpiredOneQuery {
  params: IdempotencyKeysDeleteExpiredOneParams;
  result: IdempotencyKeysDeleteExpiredOneResult;
}

const idempotencyKeysDeleteExpiredOneIR: any = {"usedParamSet":{"userId":true,"key":true},"params":[{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":133,"b":140}]},{"name":"key","required":true,"transform":{"type":"scalar"},"locs":[{"a":152,"b":156}]}],"statement":"-- Frees one expired key so it can be used again; runs in the same batch as the effect.\nDELETE FROM idempotency_keys WHERE user_id = :userId! AND key = :key! AND expires_at <= now()"};

/**
 * Query generated from SQL:
 * ```
 * -- Frees one expired key so it can be used again; runs in the same batch as the effect.
 * DELETE FROM idempotency_keys WHERE user_id = :userId! AND key = :key! AND expires_at <= now()
 * ```
 */
export const idempotencyKeysDeleteExpiredOne = new PreparedQuery<IdempotencyKeysDeleteExpiredOneParams,IdempotencyKeysDeleteExpiredOneResult>(idempotencyKeysDeleteExpiredOneIR);


