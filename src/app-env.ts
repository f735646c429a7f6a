import type { User } from "./auth/user";
import type { Cache } from "./cache/store";
import type { Db } from "./db/client";
import type { AppConfig, Bindings } from "./env";
import type { Logger } from "./http/log";

/** What a creating statement needs to remember its response under the client's key (src/http/idempotency.ts). */
export interface IdempotencyRequest {
  key: string;
  hash: string;
  path: string;
}

/** What every request carries: bindings from the runtime, services built per request. */
export interface AppEnv {
  Bindings: Bindings;
  Variables: {
    requestId: string;
    config: AppConfig;
    db: Db;
    cache: Cache;
    log: Logger;
    /** Set by `authenticate` on /v1 routes. */
    user: User;
    /** Set by `idempotent` on creating POSTs: the client's Idempotency-Key, if any. */
    idempotency: IdempotencyRequest | null;
  };
}
