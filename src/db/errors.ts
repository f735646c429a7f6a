import { NeonDbError } from "@neondatabase/serverless";
import { bookingRefused, parseFindings, RULES_REFUSED_SQLSTATE } from "../bookings/refusal";
import { ApiError } from "../http/problem";

/** Which booking resource each exclusion constraint protects (sql/migrations, bookings). */
export const overlapConstraints: Record<string, "student" | "instructor" | "aircraft"> = {
  bookings_student_no_overlap: "student",
  bookings_instructor_no_overlap: "instructor",
  bookings_aircraft_no_overlap: "aircraft",
};

const RETRY_AFTER_SECONDS = "2";

function unavailable(cause: unknown): ApiError {
  return new ApiError("service_unavailable", "The database is not reachable right now; try again shortly.", {
    headers: { "retry-after": RETRY_AFTER_SECONDS },
    cause,
  });
}

/** The constraint a database refusal names, for routes that tell one duplicate from another. */
export function violatedConstraint(error: ApiError): string | undefined {
  const cause = error.options.cause;
  return cause instanceof NeonDbError ? cause.constraint : undefined;
}

/**
 * The HTTP status of a Neon answer that is not a Postgres error: the driver reads only 400s as
 * such and words every other status as "Server error (HTTP status N): …".
 */
export function neonHttpStatus(error: NeonDbError): number | undefined {
  const match = /^Server error \(HTTP status (\d{3})\)/.exec(error.message);
  return match ? Number(match[1]) : undefined;
}

/** Neon's proxy takes request bodies and sends answers of at most 10 MiB each. */
export const NEON_MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * Answers Neon refuses for their size (10 MiB each way): sending them again cannot help, so they
 * are never retried and never reported as the database being away.
 */
const tooLarge: Record<number, (cause: unknown) => ApiError> = {
  413: (cause) => new ApiError("payload_too_large", "The data is larger than the database accepts in one request (10 MiB).", { cause }),
  507: (cause) =>
    new ApiError("internal_error", "The answer is larger than the database sends in one response (10 MiB); ask for less at a time.", {
      cause,
    }),
};

/**
 * Turns a driver error into the problem a client should see. Driver and SQL text stay in the
 * cause (logged), never in the response.
 */
export function toApiError(error: unknown): unknown {
  if (error instanceof ApiError) return error;
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return unavailable(error);
  }
  if (!(error instanceof NeonDbError)) return error;
  const status = neonHttpStatus(error);
  const refusal = status === undefined ? undefined : tooLarge[status];
  if (refusal) return refusal(error);
  const code = error.code;
  // No code: the request did not get through (5xx, network), or Neon's own 400 (code ""), e.g. a
  // refused password, which is a misconfiguration and stays an internal error.
  if (code === undefined) return unavailable(error);
  if (code === "") return error;
  switch (code) {
    case RULES_REFUSED_SQLSTATE:
      return bookingRefused(parseFindings(error.detail), error);
    case "23505":
      // The constraint's name stays in the cause (see violatedConstraint): schema names are not for clients.
      return new ApiError("conflict", "Something with the same unique value already exists.", { cause: error });
    case "23P01": {
      const resource = error.constraint ? overlapConstraints[error.constraint] : undefined;
      if (resource) {
        return new ApiError("booking_conflict", `The ${resource} already has a booking at that time.`, {
          extra: { conflicts: [{ resource, booking_id: null }] },
          cause: error,
        });
      }
      return new ApiError("conflict", "This overlaps with something that already exists.", { cause: error });
    }
    case "23503":
      return new ApiError("validation_failed", "A referenced record does not exist.", { cause: error });
    case "23502":
    case "23514":
    case "22P02":
    case "22003":
    case "22007":
    case "22008":
    case "22023":
    case "22001":
    // Text Postgres cannot store (a NUL character), in a text or a jsonb parameter.
    case "22021":
    case "22P05":
      return new ApiError("validation_failed", "A value is out of range or malformed.", { cause: error });
    case "40001":
    case "40P01":
    case "55P03":
      return new ApiError("conflict", "A concurrent change got in the way; try again.", { cause: error });
  }
  // Timeouts, shutdowns, connection and resource exhaustion (57xxx, 08xxx, 53xxx) are transient.
  if (code === "57014" || code.startsWith("57P") || code.startsWith("08") || code.startsWith("53")) {
    return unavailable(error);
  }
  return error;
}
