import { addDays, dayOfWeek, daysBetween, minutesOfDay, wallClockToUtc } from "./timezone";

/** A weekly window, wall-clock in the person's timezone (`HH:MM`, end may be `24:00`). */
export interface WeeklyPattern {
  day_of_week: number;
  start_time: string;
  end_time: string;
}

/** A date-specific exception; without times it covers the whole date. */
export interface AvailabilityOverride {
  date: string;
  start_time: string | null;
  end_time: string | null;
  is_blocked: boolean;
}

/** Time already taken (an active booking), as UTC instants. */
export interface BusyPeriod {
  start: string;
  end: string;
}

export interface Slot {
  start: string;
  end: string;
}

export interface AvailabilityInput {
  timezone: string;
  /** First and last local date, both included. */
  from: string;
  to: string;
  patterns: readonly WeeklyPattern[];
  overrides: readonly AvailabilityOverride[];
  busy: readonly BusyPeriod[];
}

/** [start, end) in epoch milliseconds. */
type Interval = [number, number];

/** Sorts and merges intervals; touching ones (one ends where the next starts) become one. */
function union(intervals: Interval[]): Interval[] {
  const sorted = intervals.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const merged: Interval[] = [];
  for (const [start, end] of sorted) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** `free` minus `taken`, both already merged and sorted. */
function subtract(free: Interval[], taken: Interval[]): Interval[] {
  const result: Interval[] = [];
  for (const [start, end] of free) {
    let cursor = start;
    for (const [takenStart, takenEnd] of taken) {
      if (takenEnd <= cursor || takenStart >= end) continue;
      if (takenStart > cursor) result.push([cursor, takenStart]);
      cursor = Math.max(cursor, takenEnd);
      if (cursor >= end) break;
    }
    if (cursor < end) result.push([cursor, end]);
  }
  return result;
}

/** A local window on one date as UTC; a window inverted by a skipped hour is empty. */
function window(zone: string, date: string, start: string, end: string): Interval {
  const from = wallClockToUtc(zone, date, minutesOfDay(start));
  const to = wallClockToUtc(zone, date, minutesOfDay(end));
  return [from, Math.max(from, to)];
}

/**
 * Free time of one person over local dates `from`..`to`, as merged UTC intervals: weekly
 * patterns, plus unblocking overrides, minus blocking overrides, minus busy periods.
 * Wall-clock times map to UTC as `wallClockToUtc` documents (the same rule as the database's
 * `user_available_during`), so each date follows its own offset across daylight-saving changes.
 */
export function computeAvailability(input: AvailabilityInput): Slot[] {
  const open: Interval[] = [];
  const blocked: Interval[] = [];
  const byDay = new Map<number, WeeklyPattern[]>();
  for (const pattern of input.patterns) byDay.set(pattern.day_of_week, [...(byDay.get(pattern.day_of_week) ?? []), pattern]);

  const days = daysBetween(input.from, input.to);
  for (let i = 0; i <= days; i++) {
    const date = addDays(input.from, i);
    for (const pattern of byDay.get(dayOfWeek(date)) ?? []) {
      open.push(window(input.timezone, date, pattern.start_time, pattern.end_time));
    }
  }
  for (const override of input.overrides) {
    if (override.date < input.from || override.date > input.to) continue;
    const span = window(input.timezone, override.date, override.start_time ?? "00:00", override.end_time ?? "24:00");
    (override.is_blocked ? blocked : open).push(span);
  }
  for (const period of input.busy) blocked.push([Date.parse(period.start), Date.parse(period.end)]);

  return subtract(union(open), union(blocked)).map(([start, end]) => ({
    start: new Date(start).toISOString(),
    end: new Date(end).toISOString(),
  }));
}

/**
 * Pairs of weekly windows that overlap on the same day (touching is fine), as indexes into
 * `patterns`: each pair names the later-starting entry second.
 */
export function overlappingPatterns(patterns: readonly WeeklyPattern[]): [number, number][] {
  const order = patterns
    .map((pattern, index) => ({ index, day: pattern.day_of_week, start: minutesOfDay(pattern.start_time), end: minutesOfDay(pattern.end_time) }))
    .sort((a, b) => a.day - b.day || a.start - b.start || a.index - b.index);
  const pairs: [number, number][] = [];
  for (let i = 1; i < order.length; i++) {
    const current = order[i]!;
    // Compare with the furthest-reaching earlier window of the day, not just the previous one.
    for (let j = i - 1; j >= 0 && order[j]!.day === current.day; j--) {
      if (order[j]!.end > current.start) {
        pairs.push([order[j]!.index, current.index]);
        break;
      }
    }
  }
  return pairs;
}

/** Number of local dates in `from`..`to`, both included. */
export function datesInRange(from: string, to: string): number {
  return daysBetween(from, to) + 1;
}
