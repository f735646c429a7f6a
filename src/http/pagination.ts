import * as v from "valibot";
import { ApiError } from "./problem";

/** `?limit=&cursor=` as the contract fixes them: limit 1..200, default 50; cursor opaque. */
export const pageQuery = {
  limit: v.optional(
    v.pipe(v.string(), v.regex(/^\d{1,3}$/, "must be a whole number"), v.transform(Number), v.minValue(1), v.maxValue(200)),
    "50",
  ),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(512))),
};

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

const toBase64Url = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text))).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");

function fromBase64Url(text: string): string {
  const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)));
}

/** A keyset position: the sort key values of the last row a client has seen. */
export function encodeCursor(position: readonly (string | number)[]): string {
  return toBase64Url(JSON.stringify(position));
}

/** Decodes a cursor into `arity` sort key values, or refuses it as a validation error. */
export function decodeCursor(cursor: string | undefined, arity: number): (string | number)[] | null {
  if (cursor === undefined) return null;
  const invalid = new ApiError("validation_failed", "The cursor is not valid.", {
    errors: [{ path: "cursor", message: "not a cursor this API issued" }],
  });
  let position: unknown;
  try {
    position = JSON.parse(fromBase64Url(cursor));
  } catch {
    throw invalid;
  }
  if (
    !Array.isArray(position) ||
    position.length !== arity ||
    !position.every((value) => typeof value === "string" || typeof value === "number")
  ) {
    throw invalid;
  }
  return position;
}

/**
 * Builds a page from rows fetched with `LIMIT limit + 1`: the extra row only says that
 * another page exists.
 */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  position: (row: R) => (string | number)[],
  present: (row: R) => T,
): Page<T> {
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  const last = shown.at(-1);
  return {
    data: shown.map(present),
    next_cursor: more && last !== undefined ? encodeCursor(position(last)) : null,
  };
}
