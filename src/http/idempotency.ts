import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv, IdempotencyRequest } from "../app-env";
import { statement } from "../db/client";
import type { PreparedQuery } from "../db/typed";
import { idempotencyKeysDeleteExpiredOne as deleteExpired } from "../../sql/queries/idempotency/idempotency_keys_delete_expired_one.queries";
import { idempotencyKeysSelectLive as selectLive } from "../../sql/queries/idempotency/idempotency_keys_select_live.queries";
import { withMeta } from "../openapi/meta";
import { ApiError, problemResponse } from "./problem";

const KEY = /^[\x21-\x7e]{1,255}$/;

/** Hex SHA-256 of a text: request fingerprints, and secrets kept only as their hash. */
export async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * `Idempotency-Key` for a creating POST. The first request costs nothing extra: its statement
 * stores the response in the same transaction as the effect (see `rememberParams`). A repeat
 * collides with that stored key, rolls back whole, and is answered from what was stored: the
 * same status and body for the same request, 422 for a different one.
 */
export function idempotent<T>(present: (row: T) => unknown): MiddlewareHandler<AppEnv> {
  return withMeta<MiddlewareHandler<AppEnv>>(async (c, next) => {
    const key = c.req.header("idempotency-key");
    if (key === undefined) {
      c.set("idempotency", null);
      return next();
    }
    if (!KEY.test(key)) {
      throw new ApiError("validation_failed", "The Idempotency-Key header is not valid.", {
        errors: [{ path: "headers.idempotency-key", message: "1 to 255 visible ASCII characters" }],
      });
    }
    const body = await c.req.raw.clone().text();
    const request = { key, hash: await sha256(`${c.req.method} ${c.req.path}\n${body}`), path: c.req.path };
    c.set("idempotency", request);
    await next();
    // Hono has already turned a thrown error into a response; a 409 may be this key's replay.
    const failure = c.error;
    if (!(failure instanceof ApiError) || failure.status !== 409) return;
    try {
      const replay = await storedResponse(c, request, present);
      if (replay) c.res = replay;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      c.res = problemResponse(c, error);
    }
  }, { idempotent: true });
}

async function storedResponse<T>(
  c: Context<AppEnv>,
  request: IdempotencyRequest,
  present: (row: T) => unknown,
): Promise<Response | null> {
  const [stored] = await c.var.db.query(selectLive, { userId: c.var.user.id, key: request.key });
  if (!stored) return null;
  if (stored.request_hash !== request.hash) {
    throw new ApiError("idempotency_key_reused", "This Idempotency-Key was already used for a different request.");
  }
  if (stored.status_code === null || stored.response_body === null) return null;
  c.header("idempotent-replayed", "true");
  return c.json(present(stored.response_body as T) as object, stored.status_code as 201);
}

/** What every creating statement passes to idempotency_remember (key null: nothing is stored). */
export interface RememberParams {
  idempotencyKey?: string | null | void;
  requestHash?: string | null | void;
  requestPath?: string | null | void;
}

function rememberParams(c: Context<AppEnv>): RememberParams {
  const request = c.var.idempotency;
  return { idempotencyKey: request?.key ?? null, requestHash: request?.hash ?? null, requestPath: request?.path ?? c.req.path };
}

/**
 * Runs a creating statement. With a key, an expired copy of it is dropped first in the same
 * transaction, so a key can be reused once its 24 hours are over.
 */
export async function runCreating<P extends RememberParams, R>(
  c: Context<AppEnv>,
  query: PreparedQuery<P, R>,
  params: Omit<P, keyof RememberParams>,
): Promise<R[]> {
  // P is exactly the statement's own values and the three every creating statement takes.
  const all = { ...params, ...rememberParams(c) } as P;
  const request = c.var.idempotency;
  if (!request) return c.var.db.query(query, all);
  const [, rows] = await c.var.db.batch([statement(deleteExpired, { userId: c.var.user.id, key: request.key }), statement(query, all)]);
  return rows;
}
