import { ApiError } from "../http/problem";

/**
 * What the bookings_verify_rules trigger found against a booking (sql/migrations/013): one entry
 * per broken rule, shaped as the contract shows it once `code`, `mode` and `overridable` are
 * taken off.
 */
export type Finding =
  | { code: "aircraft_unavailable"; kind: string; id?: string; detail: string }
  | { code: "rule_failed"; rule: string; detail: string }
  | {
      code: "duty_limit_exceeded";
      rule: string;
      detail: string;
      window_start: string;
      window_end: string;
      minutes: number;
      limit_minutes: number;
    };

/** The SQLSTATE the trigger raises, with the refusing findings as JSON in its DETAIL. */
export const RULES_REFUSED_SQLSTATE = "SK409";

export function parseFindings(detail: string | undefined): Finding[] {
  try {
    const parsed: unknown = JSON.parse(detail ?? "[]");
    return Array.isArray(parsed) ? (parsed as Finding[]) : [];
  } catch {
    return [];
  }
}

const reasonsOf = (findings: Finding[]) =>
  findings.flatMap((f) => (f.code === "aircraft_unavailable" ? [{ kind: f.kind, ...(f.id ? { id: f.id } : {}), detail: f.detail }] : []));
const failuresOf = (findings: Finding[]) =>
  findings.flatMap((f) => (f.code === "aircraft_unavailable" ? [] : [{ rule: f.rule, detail: f.detail }]));

/**
 * The problem for a refused booking: the duty limit when the instructor would pass it, else the
 * aircraft, else the people rules. Every other finding rides along, so one answer says all that
 * is wrong.
 */
export function bookingRefused(findings: Finding[], cause?: unknown): ApiError {
  const reasons = reasonsOf(findings);
  const failures = failuresOf(findings);
  const extra = { ...(reasons.length > 0 ? { reasons } : {}), ...(failures.length > 0 ? { failures } : {}) };
  const duty = findings.find((f) => f.code === "duty_limit_exceeded");
  const detail = findings.map((f) => f.detail).join(" ") || "The booking breaks the school's rules.";
  if (duty) {
    return new ApiError("duty_limit_exceeded", detail, {
      extra: {
        window_start: duty.window_start,
        window_end: duty.window_end,
        minutes: duty.minutes,
        limit_minutes: duty.limit_minutes,
        ...extra,
      },
      cause,
    });
  }
  return new ApiError(reasons.length > 0 ? "aircraft_unavailable" : "rule_failed", detail, { extra, cause });
}

/** A dispatch refused by the same rules answers dispatch_refused with everything that stands in the way. */
export function dispatchRefused(error: ApiError): ApiError {
  const { reasons, failures } = (error.options.extra ?? {}) as { reasons?: unknown; failures?: unknown };
  return new ApiError("dispatch_refused", error.detail, {
    extra: { ...(reasons ? { reasons } : {}), ...(failures ? { failures } : {}) },
    cause: error.options.cause,
  });
}
