/**
 * A timestamp as a flight file gives it: either with a UTC offset (an instant) or without one,
 * in which case it is local time at the airport it belongs to and Postgres converts it with that
 * airport's timezone.
 */
export interface FlightTime {
  /** `YYYY-MM-DDTHH:MM:SS`, plus the offset (`+HH:MM` or `Z`) when `local` is false. */
  text: string;
  local: boolean;
}

// 2001-01-14 21:55, 2001/01/14 21:55, 2001-01-14T21:55:07.5Z, 2001-01-14T21:55:00-05:00
const TIMESTAMP =
  /^(\d{4})[-/](\d{2})[-/](\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Parses a flight timestamp, or returns null when it is malformed or not a real calendar time. */
export function parseFlightTime(input: string): FlightTime | null {
  const m = TIMESTAMP.exec(input.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s = "00", zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  const text = `${y}-${mo}-${d}T${h}:${mi}:${s}`;
  if (!zone) return { text, local: true };
  if (zone.toUpperCase() === "Z") return { text: `${text}Z`, local: false };
  const offset = zone.replace(":", "");
  const hours = Number(offset.slice(1, 3));
  const minutes = Number(offset.slice(3, 5));
  if (hours > 14 || minutes > 59) return null;
  return { text: `${text}${offset.slice(0, 3)}:${offset.slice(3, 5)}`, local: false };
}
