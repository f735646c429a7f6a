import type * as v from "valibot";

/**
 * What the OpenAPI document learns from a route's own middleware: the schemas `validate()`
 * checks requests against, the roles `requireRole()` lets through, and an optional description.
 * Stored on the middleware function itself, so the document can never drift from validation.
 */
export interface RouteMeta {
  validates?: { target: "json" | "query" | "param"; schema: v.GenericSchema };
  roles?: readonly string[];
  /** Set by `idempotent()`: the route accepts `Idempotency-Key`. */
  idempotent?: boolean;
  describes?: RouteDescription;
}

export interface RouteDescription {
  summary: string;
  description?: string;
  /** Success status and a short description of the body, e.g. `{ 201: "the created booking" }`. */
  responses?: Record<number, string>;
}

export const routeMeta = Symbol.for("skyslot.route-meta");

export function withMeta<F extends object>(handler: F, meta: RouteMeta): F {
  return Object.assign(handler, { [routeMeta]: meta });
}

export function metaOf(handler: unknown): RouteMeta | undefined {
  return typeof handler === "function" ? (handler as unknown as { [routeMeta]?: RouteMeta })[routeMeta] : undefined;
}

/** A no-op middleware that only tells the OpenAPI document what a route is for. */
export function describeRoute(description: RouteDescription) {
  return withMeta(async (_c: unknown, next: () => Promise<void>) => next(), { describes: description });
}
