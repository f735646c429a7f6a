import * as v from "valibot";
import { cached } from "../cache/cached";
import { cacheKeys, cacheTtl } from "../cache/keys";
import type { Cache } from "../cache/store";
import { statement, type Db } from "../db/client";
import { isCalendarDate } from "../domain/timezone";
import { analyticsDelaysFromFlights as fromFlights, type AnalyticsDelaysFromFlightsResult } from "../../sql/queries/analytics/analytics_delays_from_flights.queries";
import { analyticsDelaysFromRollup as fromRollup } from "../../sql/queries/analytics/analytics_delays_from_rollup.queries";

export const groupings = ["origin", "destination", "airline", "hour", "dow", "route", "day"] as const;
export type Grouping = (typeof groupings)[number];

/** A date filter of the flight data (analytics, analyses): a real calendar date, never an invalid Date. */
export const isoDate = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date (YYYY-MM-DD)"),
  v.check(isCalendarDate, "must be a real date"),
);

/** Query of GET /v1/analytics/delays (and the chart, with fewer groupings). */
export function delayQuerySchema<const G extends readonly Grouping[]>(allowed: G) {
  return v.pipe(
    v.object({
      group_by: v.picklist(allowed, `must be one of ${allowed.join(", ")}`),
      from: v.optional(isoDate),
      to: v.optional(isoDate),
      airport: v.optional(v.pipe(v.string(), v.trim(), v.toUpperCase(), v.regex(/^[A-Z0-9]{3,4}$/, "must be an IATA or ICAO airport code"))),
      min_flights: v.optional(
        v.pipe(v.string(), v.regex(/^\d{1,7}$/, "must be a whole number"), v.transform(Number), v.minValue(1)),
        "1",
      ),
    }),
    v.forward(v.check((q) => !q.from || !q.to || q.from <= q.to, "must not be after to"), ["from"]),
  );
}

export interface DelayQuery {
  group_by: Grouping;
  from?: string;
  to?: string;
  airport?: string;
  min_flights: number;
}

export interface DelayRow {
  key: string | number;
  flights: number;
  on_time_pct: number;
  avg_delay_minutes: number;
  median_delay_minutes: number;
  p90_delay_minutes: number;
}

export interface DelayFigures {
  rows: DelayRow[];
  /** Which table answered: the monthly delay rollup or the flights themselves. */
  source: "rollup" | "flights";
}

const isFirstOfMonth = (d: string) => d.endsWith("-01");
const isLastOfMonth = (d: string) => {
  const next = new Date(`${d}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.getUTCDate() === 1;
};

/**
 * How the rollup answers, or null when only the flights can: whole months from its monthly (or
 * all-time) rows, other ranges from its day rows. It keeps day rows for every grouping but routes,
 * and for one airport only by day (hence weekday): those combinations read the flights.
 */
export function rollupPlan(q: DelayQuery): "months" | "days" | null {
  const wholeMonths = (q.from === undefined || isFirstOfMonth(q.from)) && (q.to === undefined || isLastOfMonth(q.to));
  if (q.group_by === "day") return "days";
  if (wholeMonths) return "months";
  if (q.airport === undefined) return q.group_by === "route" ? null : "days";
  return q.group_by === "dow" ? "days" : null;
}

/** Runs before a read of the flights table itself (the caller's budget for expensive reads). */
export type BeforeFlightsScan = () => Promise<void>;

async function loadFigures(db: Db, q: DelayQuery, beforeScan: BeforeFlightsScan): Promise<DelayFigures> {
  const numericKey = q.group_by === "hour" || q.group_by === "dow";
  // Postgres types computed columns as nullable; these are not: a group has flights and a key.
  const present = (r: AnalyticsDelaysFromFlightsResult): DelayRow => ({
    key: numericKey ? Number(r.key) : r.key!,
    flights: r.flights!,
    on_time_pct: r.on_time_pct!,
    avg_delay_minutes: r.avg_delay_minutes!,
    median_delay_minutes: r.median_delay_minutes!,
    p90_delay_minutes: r.p90_delay_minutes!,
  });
  const plan = rollupPlan(q);
  if (plan) {
    const days = plan === "days";
    const rows = await db.query(
      fromRollup,
      {
        groupBy: q.group_by,
        fromMonth: q.from?.slice(0, 7),
        toMonth: q.to?.slice(0, 7),
        fromDay: days ? q.from : null,
        toDay: days ? q.to : null,
        airport: q.airport,
        span: plan,
        minFlights: q.min_flights,
      },
      { idempotent: true },
    );
    return { rows: rows.map(present), source: "rollup" };
  }
  await beforeScan();
  // In a batch, so Postgres itself stops the scan at the statement timeout (SET LOCAL), whatever
  // the login role's settings: a request given up on stops costing the database.
  const [rows] = await db.batch(
    [statement(fromFlights, { groupBy: q.group_by, fromDay: q.from, toDay: q.to, airport: q.airport, minFlights: q.min_flights })],
    { idempotent: true },
  );
  return { rows: rows.map(present), source: "flights" };
}

/**
 * Delay figures, cached in Redis under the analytics generation that every ingestion bumps, so
 * an answer is never older than the last import that committed.
 */
export async function delayFigures(db: Db, cache: Cache, q: DelayQuery, beforeScan: BeforeFlightsScan): Promise<DelayFigures> {
  const generation = (await cache.get<number>(cacheKeys.analyticsGeneration())) ?? 0;
  const normalized = [q.group_by, q.from ?? "", q.to ?? "", q.airport ?? "", q.min_flights].join("|");
  const key = cacheKeys.analytics(generation, normalized);
  return (await cached(cache, key, cacheTtl.analytics, () => loadFigures(db, q, beforeScan)))!;
}
