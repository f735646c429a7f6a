/**
 * A timestamp as the contract writes them (RFC 3339, UTC, milliseconds), from a driver Date or
 * from the text Postgres puts in JSON (stored responses keep rows as jsonb).
 */
export function isoTime(value: unknown): string {
  return (value instanceof Date ? value : new Date(String(value))).toISOString();
}

export function isoTimeOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : isoTime(value);
}
