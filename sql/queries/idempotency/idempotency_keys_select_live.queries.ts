/** Types generated for queries found in "sql/queries/idempotency/idempotency_keys_select_live.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'IdempotencyKeysSelectLive' parameters type */
export interface IdempotencyKeysSelectLiveParams {
  key: string;
  userId: string;
}

/** 'IdempotencyKeysSelectLive' return type */
export interface IdempotencyKeysSelectLiveResult {
  request_hash: string;
  response_body: Json | null;
  status_code: number | null;
}

/** 'IdempotencyKeysSelectLive' query type */
export interface IdempotencyKeysSelectLiveQuery {
  params: IdempotencyKeysSelectLiveParams;
  result: IdempotencyKeysSelectLiveResult;
}

const idempotencyKeysSelectLiveIR: any = {"usedParamSet":{"userId":true,"key":true},"params":[{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":158,"b":165}]},{"name":"key","required":true,"transform":{"type":"scalar"},"locs":[{"a":177,"b":181}]}],"statement":"-- The stored first response for a key, while it is live. :userId, :key\nSELECT request_hash, status_code, response_body\nFROM idempotency_keys\nWHERE user_id = :userId! AND key = :key! AND expires_at > now()"};

/**
 * Query generated from SQL:
 * ```
 * -- The stored first response for a key, while it is live. :userId, :key
 * SELECT request_hash, status_code, response_body
 * FROM idempotency_keys
 * WHERE user_id = :userId! AND key = :key! AND expires_at > now()
 * ```
 */
export const idempotencyKeysSelectLive = new PreparedQuery<IdempotencyKeysSelectLiveParams,IdempotencyKeysSelectLiveResult>(idempotencyKeysSelectLiveIR);


