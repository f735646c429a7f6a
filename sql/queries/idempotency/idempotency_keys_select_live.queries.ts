/** Types generated for queries found in "sql/queries/idempotency/idempotency_keys_select_live.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'IdempotencyKeysSelectLive' parameters type */
export interface IdempotencyKeysSelectLiveParams {
  key?: string | null | void;
  userId?: string | null | void;
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

const idempotencyKeysSelectLiveIR: any = {"usedParamSet":{"userId":true,"key":true},"params":[{"name":"userId","required":false,"transform":{"type":"scalar"},"locs":[{"a":158,"b":164}]},{"name":"key","required":false,"transform":{"type":"scalar"},"locs":[{"a":176,"b":179}]}],"statement":"-- The stored first response for a key, while it is live. :userId, :key\nSELECT request_hash, status_code, response_body\nFROM idempotency_keys\nWHERE user_id = :userId AND key = :key AND expires_at > now()"};

/**
 * Query generated from SQL:
 * ```
 * -- The stored first response for a key, while it is live. :userId, :key
 * SELECT request_hash, status_code, response_body
 * FROM idempotency_keys
 * WHERE user_id = :userId AND key = :key AND expires_at > now()
 * ```
 */
export const idempotencyKeysSelectLive = new PreparedQuery<IdempotencyKeysSelectLiveParams,IdempotencyKeysSelectLiveResult>(idempotencyKeysSelectLiveIR);


