import { findTargetHandler } from "hono/utils/handler";
import { uniqueSymbol } from "hono-openapi";

/**
 * What the OpenAPI document learns from our own middleware, beside what `hono-openapi` reads
 * from `describeRoute` and the validators: the roles `requireRole()` lets through and whether
 * `idempotent()` accepts `Idempotency-Key`. Stored on the middleware function itself, so the
 * document can never drift from what the route enforces.
 */
export interface RouteMeta {
  roles?: readonly string[];
  /** Set by `idempotent()`: the route accepts `Idempotency-Key`. */
  idempotent?: boolean;
}

const routeMeta = Symbol.for("skyslot.route-meta");

export function withMeta<F extends object>(handler: F, meta: RouteMeta): F {
  return Object.assign(handler, { [routeMeta]: meta });
}

export function metaOf(handler: unknown): RouteMeta | undefined {
  return typeof handler === "function" ? (findTargetHandler(handler as never) as { [routeMeta]?: RouteMeta })[routeMeta] : undefined;
}

/** The request part a `validate()` middleware checks, as hono-openapi records it. */
export function validatedTarget(handler: unknown): string | undefined {
  if (typeof handler !== "function") return undefined;
  const spec = (findTargetHandler(handler as never) as { [uniqueSymbol]?: { target?: string } })[uniqueSymbol];
  return spec?.target;
}
