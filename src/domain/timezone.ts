/**
 * Wall-clock ↔ UTC for IANA zones with nothing but `Intl.DateTimeFormat` (the runtime's tz data).
 * Dates are `YYYY-MM-DD` strings; instants are epoch milliseconds.
 */

const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The zone's UTC offset at an instant, in milliseconds (New York in winter: -5 h). */
export function offsetAt(zone: string, instant: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(instant))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  // Offsets are whole seconds; the formatter drops the instant's milliseconds.
  return wall - (instant - (((instant % 1000) + 1000) % 1000));
}

/**
 * The instant a wall-clock time in `zone` denotes: `minutes` after local midnight of `date`
 * (1440 = the following midnight).
 *
 * A time skipped by a spring-forward change is read with the offset in force before the change
 * (02:30 in New York on the March change day is 03:30 daylight time, 07:30Z); a time that occurs
 * twice at a fall-back change is its second occurrence (01:30 on the November day is 06:30Z).
 * Both cases take the later of the two readings, which is exactly what Postgres's
 * `timestamp AT TIME ZONE zone` does, so the database's availability check and this code agree.
 */
export function wallClockToUtc(zone: string, date: string, minutes: number): number {
  const asUtc = dateToEpoch(date) + minutes * MINUTE_MS;
  const steady = steadyOffset(zone, date);
  if (steady !== null) return asUtc - steady;
  // The offsets a day either side bracket the change near this time (changes are months apart).
  const before = offsetAt(zone, asUtc - DAY_MS);
  const after = offsetAt(zone, asUtc + DAY_MS);
  if (before === after) return asUtc - before;
  const readings = [asUtc - before, asUtc - after].filter((instant, i) => offsetAt(zone, instant) === (i === 0 ? before : after));
  // One reading fits: an ordinary time near a change. Two (repeated hour) or none (skipped hour): the later.
  if (readings.length === 1) return readings[0]!;
  return Math.max(asUtc - before, asUtc - after);
}

const steadyOffsets = new Map<string, number | null>();
const STEADY_OFFSETS_KEPT = 20_000;

/**
 * The offset in force all through a local date, or null when it changes near that date.
 * Asking Intl is the slow part of the conversion; most dates need it twice, not per time.
 */
function steadyOffset(zone: string, date: string): number | null {
  const key = `${zone} ${date}`;
  const known = steadyOffsets.get(key);
  if (known !== undefined) return known;
  const midnight = dateToEpoch(date);
  // Offsets are within ±14 h, so this span covers the whole local date whatever the zone.
  const first = offsetAt(zone, midnight - DAY_MS);
  const steady = first === offsetAt(zone, midnight + 2 * DAY_MS) ? first : null;
  if (steadyOffsets.size >= STEADY_OFFSETS_KEPT) steadyOffsets.clear();
  steadyOffsets.set(key, steady);
  return steady;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD` (so `2026-02-30` is not one). */
export function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/** Midnight UTC of a `YYYY-MM-DD` date, for date arithmetic. */
export function dateToEpoch(date: string): number {
  const match = DATE.exec(date);
  if (!match) throw new RangeError(`not a date: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

export function addDays(date: string, days: number): string {
  return new Date(dateToEpoch(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (0 when equal). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dateToEpoch(to) - dateToEpoch(from)) / DAY_MS);
}

/** 0 = Sunday .. 6 = Saturday, as `day_of_week` and Postgres's `extract(dow)` count. */
export function dayOfWeek(date: string): number {
  return new Date(dateToEpoch(date)).getUTCDay();
}

const TIME = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

/** True for `HH:MM` from 00:00 to 23:59, or `24:00` (the end of a day). */
export function isTimeOfDay(text: string): boolean {
  return TIME.test(text);
}

/** Minutes after midnight of an `HH:MM` time (`24:00` → 1440). */
export function minutesOfDay(time: string): number {
  const [hours, minutes] = time.split(":").map(Number);
  return hours! * 60 + minutes!;
}
