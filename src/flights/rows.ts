import * as v from "valibot";
import { parseFlightTime, type FlightTime } from "./times";

/** Delays beyond two days are data errors (the flights table refuses them too). */
export const MAX_DELAY_MINUTES = 2880;

/**
 * One row as the ingestion statement receives it (keys match its json_to_recordset column
 * list). Times keep their local/instant flag; Postgres resolves local ones with the airport's
 * timezone, so a batch stays one statement.
 */
export interface StagedFlight {
  row: number;
  flight_number: string | null;
  airline_code: string | null;
  origin: string;
  destination: string;
  scheduled_departure: string;
  scheduled_departure_local: boolean;
  scheduled_arrival: string | null;
  scheduled_arrival_local: boolean;
  actual_departure: string | null;
  actual_departure_local: boolean;
  actual_arrival: string | null;
  actual_arrival_local: boolean;
  departure_delay_minutes: number | null;
  arrival_delay_minutes: number | null;
  distance_miles: number | null;
  status: string | null;
}

/**
 * The order of a staged flight's fields in an ingestion batch (flights_insert_batch.sql reads
 * them by position) and in the command-line import's staging table.
 */
export const STAGED_COLUMNS = [
  "row", "flight_number", "airline_code", "origin", "destination",
  "scheduled_departure", "scheduled_departure_local", "scheduled_arrival", "scheduled_arrival_local",
  "actual_departure", "actual_departure_local", "actual_arrival", "actual_arrival_local",
  "departure_delay_minutes", "arrival_delay_minutes", "distance_miles", "status",
] as const satisfies readonly (keyof StagedFlight)[];

/**
 * A batch as the ingestion statement takes it: one JSON array of positional arrays, a third of
 * the bytes of one object per row, so a batch of INGESTION_BATCH_ROWS stays far below Neon's
 * 10 MiB request limit.
 */
export function encodeBatch(rows: readonly StagedFlight[]): string {
  return JSON.stringify(rows.map((r) => STAGED_COLUMNS.map((c) => r[c])));
}

export type RowResult = { ok: true; flight: StagedFlight } | { ok: false; message: string };

const airport = v.pipe(
  v.string("must be an airport code"),
  v.trim(),
  v.toUpperCase(),
  v.regex(/^[A-Z0-9]{3,4}$/, "must be an IATA (JFK) or ICAO (KJFK) airport code"),
);

const time = v.pipe(
  v.string("must be a date and time such as 2001-01-14 21:55"),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const parsed = parseFlightTime(dataset.value);
    if (!parsed) {
      addIssue({ message: "must be a real date and time such as 2001-01-14 21:55 or 2001-01-14T21:55:00Z" });
      return NEVER;
    }
    return parsed;
  }),
);

/** Whole numbers arrive as JSON numbers or as CSV text. */
function wholeNumber(min: number, max: number, range: string) {
  return v.pipe(
    v.union(
      [v.number(), v.pipe(v.string(), v.trim(), v.regex(/^[+-]?\d+(\.0+)?$/), v.transform(Number))],
      "must be a whole number",
    ),
    v.integer("must be a whole number"),
    v.minValue(min, range),
    v.maxValue(max, range),
  );
}

const delay = wholeNumber(-MAX_DELAY_MINUTES, MAX_DELAY_MINUTES, "must be within ±2880 minutes (48 hours)");
const distance = wholeNumber(1, 13_000, "must be between 1 and 13000 miles");

const FullRow = v.object({
  flight_number: v.optional(v.pipe(v.string("must be text"), v.trim(), v.toUpperCase(), v.regex(/^[A-Z0-9]{1,10}$/, "must be 1 to 10 letters or digits"))),
  airline_code: v.optional(v.pipe(v.string("must be text"), v.trim(), v.toUpperCase(), v.regex(/^[A-Z0-9]{2}$/, "must be a two-character IATA airline code"))),
  origin: airport,
  destination: airport,
  scheduled_departure: time,
  scheduled_arrival: v.optional(time),
  actual_departure: v.optional(time),
  actual_arrival: v.optional(time),
  departure_delay_minutes: v.optional(delay),
  arrival_delay_minutes: v.optional(delay),
  distance_miles: v.optional(distance),
  status: v.optional(
    v.pipe(v.string("must be text"), v.trim(), v.toUpperCase(), v.regex(/^[A-Z][A-Z_]{0,19}$/, "must be one word such as LANDED or CANCELLED")),
  ),
});

const instant = (t: FlightTime | undefined) => t?.text ?? null;
const isLocal = (t: FlightTime | undefined) => t?.local ?? false;

function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0]!;
  const path = v.getDotPath(issue);
  const message = issue.received === "undefined" ? "is required" : issue.message;
  return path ? `${path}: ${message}` : message;
}

/** Empty CSV cells and JSON nulls mean "not given". */
const given = (value: unknown) => (value === null || value === "" ? undefined : value);

const WHOLE = /^[+-]?\d+(\.0+)?$/;

/** The rules of `wholeNumber`, written out for the hot path: the same outcome and messages. */
function wholeField(value: unknown, min: number, max: number, range: string): number | string {
  const n = typeof value === "number" && !Number.isNaN(value) ? value : typeof value === "string" && WHOLE.test(value.trim()) ? Number(value.trim()) : null;
  if (n === null || !Number.isInteger(n)) return "must be a whole number";
  return n < min || n > max ? range : n;
}

function airportField(value: unknown): string | { error: string } {
  if (typeof value !== "string") return { error: "must be an airport code" };
  const code = value.trim().toUpperCase();
  return /^[A-Z0-9]{3,4}$/.test(code) ? code : { error: "must be an IATA (JFK) or ICAO (KJFK) airport code" };
}

/**
 * The shape of the vega-datasets flight files (`date` = actual departure, `delay` = arrival delay),
 * checked by hand rather than by a schema: it is the shape of multi-million-row files, and this
 * keeps validation a small share of an import. Fields are checked in the order date, delay,
 * distance, origin, destination; the first problem is reported.
 */
function vegaRow(record: Record<string, unknown>, row: number): RowResult {
  const date = given(record.date);
  const when = typeof date === "string" ? parseFlightTime(date) : null;
  if (!when) {
    return { ok: false, message: `date: ${typeof date === "string" ? "must be a real date and time such as 2001-01-14 21:55 or 2001-01-14T21:55:00Z" : "must be a date and time such as 2001-01-14 21:55"}` };
  }
  const rawDelay = given(record.delay);
  if (rawDelay === undefined) return { ok: false, message: "delay: is required" };
  const delay = wholeField(rawDelay, -MAX_DELAY_MINUTES, MAX_DELAY_MINUTES, "must be within ±2880 minutes (48 hours)");
  if (typeof delay === "string") return { ok: false, message: `delay: ${delay}` };
  const rawDistance = given(record.distance);
  const distance = rawDistance === undefined ? null : wholeField(rawDistance, 1, 13_000, "must be between 1 and 13000 miles");
  if (typeof distance === "string") return { ok: false, message: `distance: ${distance}` };
  const rawOrigin = given(record.origin);
  if (rawOrigin === undefined) return { ok: false, message: "origin: is required" };
  const origin = airportField(rawOrigin);
  if (typeof origin !== "string") return { ok: false, message: `origin: ${origin.error}` };
  const rawDestination = given(record.destination);
  if (rawDestination === undefined) return { ok: false, message: "destination: is required" };
  const destination = airportField(rawDestination);
  if (typeof destination !== "string") return { ok: false, message: `destination: ${destination.error}` };
  return {
    ok: true,
    flight: {
      row,
      flight_number: null,
      airline_code: null,
      origin,
      destination,
      // The data gives no schedule: the actual departure stands in for it (a documented choice).
      scheduled_departure: when.text,
      scheduled_departure_local: when.local,
      scheduled_arrival: null,
      scheduled_arrival_local: false,
      actual_departure: when.text,
      actual_departure_local: when.local,
      actual_arrival: null,
      actual_arrival_local: false,
      departure_delay_minutes: null,
      arrival_delay_minutes: delay,
      distance_miles: distance,
      status: null,
    },
  };
}

/** Validates one parsed record (JSON object or CSV fields by header) into a staged flight. */
export function validateFlightRow(record: unknown, row: number): RowResult {
  if (typeof record !== "object" || record === null || Array.isArray(record)) {
    return { ok: false, message: "must be an object of flight fields" };
  }
  const fields = record as Record<string, unknown>;
  if (given(fields.date) !== undefined && given(fields.scheduled_departure) === undefined) return vegaRow(fields, row);
  // Empty CSV cells and JSON nulls mean "not given".
  const present = Object.fromEntries(Object.entries(fields).filter(([, value]) => given(value) !== undefined));
  const parsed = v.safeParse(FullRow, present);
  if (!parsed.success) return { ok: false, message: describeIssues(parsed.issues) };
  const r = parsed.output;
  return {
    ok: true,
    flight: {
      row,
      flight_number: r.flight_number ?? null,
      airline_code: r.airline_code ?? null,
      origin: r.origin,
      destination: r.destination,
      scheduled_departure: r.scheduled_departure.text,
      scheduled_departure_local: r.scheduled_departure.local,
      scheduled_arrival: instant(r.scheduled_arrival),
      scheduled_arrival_local: isLocal(r.scheduled_arrival),
      actual_departure: instant(r.actual_departure),
      actual_departure_local: isLocal(r.actual_departure),
      actual_arrival: instant(r.actual_arrival),
      actual_arrival_local: isLocal(r.actual_arrival),
      departure_delay_minutes: r.departure_delay_minutes ?? null,
      arrival_delay_minutes: r.arrival_delay_minutes ?? null,
      distance_miles: r.distance_miles ?? null,
      status: r.status ?? null,
    },
  };
}
