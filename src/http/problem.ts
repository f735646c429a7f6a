import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** Every error code a client can see, with its HTTP status (docs/contract.md, Conventions). */
export const problemStatus = {
  validation_failed: 422,
  malformed_json: 400,
  unauthenticated: 401,
  forbidden: 403,
  deadline_passed: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  booking_conflict: 409,
  invalid_state: 409,
  aircraft_unavailable: 409,
  rule_failed: 409,
  duty_limit_exceeded: 409,
  dispatch_refused: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  idempotency_key_reused: 422,
  internal_error: 500,
  service_unavailable: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ProblemCode = keyof typeof problemStatus;

const titles: Record<ProblemCode, string> = {
  validation_failed: "Validation failed",
  malformed_json: "Malformed JSON",
  unauthenticated: "Authentication required",
  forbidden: "Forbidden",
  deadline_passed: "Deadline passed",
  not_found: "Not found",
  method_not_allowed: "Method not allowed",
  conflict: "Conflict",
  booking_conflict: "Booking conflict",
  invalid_state: "Invalid state",
  aircraft_unavailable: "Aircraft unavailable",
  rule_failed: "Booking rule failed",
  duty_limit_exceeded: "Instructor duty limit exceeded",
  dispatch_refused: "Dispatch refused",
  payload_too_large: "Payload too large",
  unsupported_media_type: "Unsupported media type",
  rate_limited: "Too many requests",
  idempotency_key_reused: "Idempotency key reused",
  internal_error: "Internal error",
  service_unavailable: "Service unavailable",
};

export interface FieldError {
  path: string;
  message: string;
}

export interface ProblemOptions {
  errors?: FieldError[];
  /** Extra members of the problem document, e.g. `conflicts` for booking_conflict. */
  extra?: Record<string, unknown>;
  headers?: Record<string, string>;
  cause?: unknown;
}

/** The one error type of the API: thrown anywhere, rendered by the app's onError. */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode;

  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly options: ProblemOptions = {},
  ) {
    super(detail, { cause: options.cause });
    this.name = "ApiError";
    this.status = problemStatus[code];
  }
}

export const notFound = (what: string) => new ApiError("not_found", `${what} was not found.`);
export const forbidden = (detail = "You are not allowed to do this.") => new ApiError("forbidden", detail);
export const validationFailed = (errors: FieldError[], detail = "The request has invalid fields.") =>
  new ApiError("validation_failed", detail, { errors });

/** Renders an ApiError as RFC 9457 problem details. */
export function problemResponse(c: Context, error: ApiError): Response {
  const body = {
    type: `https://skyslot.dev/problems/${error.code.replaceAll("_", "-")}`,
    title: titles[error.code],
    status: error.status,
    detail: error.detail,
    code: error.code,
    request_id: c.get("requestId") ?? null,
    ...(error.options.errors ? { errors: error.options.errors } : {}),
    ...error.options.extra,
  };
  const headers = new Headers(error.options.headers);
  headers.set("content-type", "application/problem+json");
  return c.body(JSON.stringify(body), error.status, Object.fromEntries(headers));
}
