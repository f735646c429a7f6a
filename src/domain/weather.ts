import * as v from "valibot";
import type { TrainingLevel } from "../auth/user";
import { crosswindLimit, crosswindOf, type RunwayEnd } from "./crosswind";

/** One forecast period of a TAF, as aviationweather.gov's JSON gives it (times in epoch seconds). */
export interface TafPeriod {
  timeFrom: number;
  timeTo: number;
  /** null for the base forecast; FM, BECMG, TEMPO or PROB for change groups. */
  fcstChange?: string | null;
  probability?: number | null;
  /** Degrees true the wind blows from, or "VRB" (variable). */
  wdir?: number | "VRB" | null;
  wspd?: number | null;
  wgst?: number | null;
  /** Statute miles: a number, "6+" (more than six), or text such as "1 1/2" or "M1/4". */
  visib?: number | string | null;
  wxString?: string | null;
  /** `type` is "CB" or "TCU" when the layer is convective. */
  clouds?: { cover: string; base?: number | null; type?: string | null }[] | null;
  vertVis?: number | null;
  icgTurb?: { var?: string | null }[] | null;
}

export interface Taf {
  icaoId: string;
  issueTime: string;
  validTimeFrom: number;
  validTimeTo: number;
  fcsts: TafPeriod[];
}

/** Weather minimums of one training level (null = no minimum). */
export interface Minimums {
  ceiling_min_ft: number | null;
  visibility_min_sm: number | null;
  wind_max_kt: number | null;
  gust_max_kt: number | null;
  thunderstorms_allowed: boolean;
  icing_allowed: boolean;
  /** Knots across the runway; the aircraft's own limit applies too when it is lower. */
  crosswind_max_kt: number | null;
}

export type MinimumsByLevel = Record<TrainingLevel, Minimums>;

const limit = (max: number) => v.nullable(v.pipe(v.number("must be a number or null"), v.minValue(0), v.maxValue(max)));

/** One level's minimums as the settings row keeps them and an admin sends them. */
export const MinimumsSchema = v.strictObject({
  ceiling_min_ft: v.nullable(v.pipe(v.number("must be a number or null"), v.integer(), v.minValue(0), v.maxValue(20_000))),
  visibility_min_sm: limit(10),
  wind_max_kt: limit(100),
  gust_max_kt: limit(100),
  thunderstorms_allowed: v.boolean(),
  icing_allowed: v.boolean(),
  crosswind_max_kt: v.optional(limit(60)),
});

/** The contract's crosswind limits, for a level whose minimums leave it out. */
export const DEFAULT_CROSSWIND_MAX_KT: Record<TrainingLevel, number> = {
  STUDENT_PILOT: 10,
  PRIVATE_PILOT: 15,
  INSTRUMENT_RATED: 20,
};

const levelMinimums = (level: TrainingLevel) =>
  v.pipe(
    MinimumsSchema,
    v.transform((m): Minimums => ({ ...m, crosswind_max_kt: m.crosswind_max_kt === undefined ? DEFAULT_CROSSWIND_MAX_KT[level] : m.crosswind_max_kt })),
  );

export const MinimumsByLevelSchema = v.strictObject({
  STUDENT_PILOT: levelMinimums("STUDENT_PILOT"),
  PRIVATE_PILOT: levelMinimums("PRIVATE_PILOT"),
  INSTRUMENT_RATED: levelMinimums("INSTRUMENT_RATED"),
});

/** The minimums a settings value holds for one level (written only through the schema above). */
export function minimumsFrom(value: unknown, level: TrainingLevel): Minimums {
  return v.parse(levelMinimums(level), value);
}

export type WeatherStatus = "OK" | "VIOLATION" | "UNKNOWN";
export type WeatherRule = "ceiling" | "visibility" | "wind" | "gust" | "thunderstorms" | "icing" | "crosswind";

export interface Violation {
  airport: string;
  period_from: string;
  period_to: string;
  /** Which part of the TAF: BASE, FM, BECMG, TEMPO or PROB30/PROB40. */
  change: string;
  rule: WeatherRule;
  observed: number | string;
  limit: number | string;
  /** The crosswind rule's runway end (null when none helps). */
  runway?: string | null;
}

/** The strongest crosswind forecast for a flight, against its limit. */
export interface CrosswindPeak {
  airport: string;
  observed: number;
  limit: number;
  runway: string | null;
}

export interface WeatherCheck {
  weather_status: WeatherStatus;
  violations: Violation[];
  /** Airports whose forecast does not cover the whole window (the reason for UNKNOWN). */
  uncovered: string[];
  /** The strongest crosswind in the window, when runways and a limit are known. */
  crosswind?: CrosswindPeak;
}

/** What the crosswind rule needs beyond the minimums: runway ends per airport, the aircraft's limit. */
export interface CrosswindContext {
  runways: ReadonlyMap<string, readonly RunwayEnd[]>;
  aircraftLimitKt: number | null;
}

/** A booking is judged on the forecast from an hour before it starts to an hour after it ends. */
export const CHECK_MARGIN_MS = 3_600_000;

const CEILING_COVERS = new Set(["BKN", "OVC", "OVX"]);

/** The lowest broken/overcast/obscured layer or the vertical visibility, in feet; null = unlimited. */
export function ceilingFt(period: TafPeriod): number | null {
  const bases: number[] = [];
  for (const cloud of period.clouds ?? []) {
    if (!CEILING_COVERS.has(cloud.cover)) continue;
    // An obscured sky without a reported base puts the ceiling at the surface.
    bases.push(typeof cloud.base === "number" ? cloud.base : cloud.cover === "OVX" ? (period.vertVis ?? 0) : NaN);
  }
  if (typeof period.vertVis === "number") bases.push(period.vertVis);
  const known = bases.filter((b) => Number.isFinite(b));
  return known.length === 0 ? null : Math.min(...known);
}

/**
 * Visibility in statute miles; "6+" reads as 6 (six or more), "M1/4" (less than ¼) as ¼,
 * "1 1/2" as 1.5. null when the period does not forecast it or the text is not a distance.
 */
export function visibilitySm(value: TafPeriod["visib"]): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  const text = value.trim().replace(/^[PM]/, "").replace(/\+$/, "").replace(/SM$/i, "").trim();
  const match = /^(?:(\d+)\s+)?(\d+)(?:\/(\d+))?$/.exec(text);
  if (!match) return null;
  const whole = match[1] ? Number(match[1]) : 0;
  const numerator = Number(match[2]);
  const denominator = match[3] ? Number(match[3]) : 1;
  if (denominator === 0) return null;
  return whole + numerator / denominator;
}

const words = (wx: string | null | undefined) => (wx ?? "").split(/\s+/).filter(Boolean);

/** TS anywhere in a weather group (TS, TSRA, +TSRA, VCTS) or cumulonimbus clouds. */
export function hasThunderstorms(period: TafPeriod): boolean {
  return words(period.wxString).some((w) => w.includes("TS")) || (period.clouds ?? []).some((c) => c.type === "CB");
}

/** Freezing precipitation or fog (FZRA, FZDZ, FZFG) or a forecast icing group. */
export function hasIcing(period: TafPeriod): boolean {
  return words(period.wxString).some((w) => w.includes("FZ")) || (period.icgTurb ?? []).some((g) => g.var === "ICE");
}

function changeLabel(period: TafPeriod): string {
  const change = period.fcstChange ?? "BASE";
  return change === "PROB" && period.probability ? `PROB${period.probability}` : change;
}

/** The crosswind of a period at an airport against its limit; null when it is not checked. */
function periodCrosswind(airport: string, period: TafPeriod, minimums: Minimums, context: CrosswindContext | undefined): CrosswindPeak | null {
  const limit = crosswindLimit(minimums.crosswind_max_kt, context?.aircraftLimitKt);
  const runways = context?.runways.get(airport) ?? [];
  if (limit === null) return null;
  const wind = crosswindOf({ direction: period.wdir, speed_kt: period.wspd, gust_kt: period.wgst }, runways);
  return wind && { airport, observed: wind.crosswind_kt, limit, runway: wind.runway };
}

/** Every minimum a single forecast period breaks. */
export function periodViolations(
  airport: string,
  period: TafPeriod,
  minimums: Minimums,
  crosswind?: CrosswindContext,
): Violation[] {
  const at = {
    airport,
    period_from: new Date(period.timeFrom * 1000).toISOString(),
    period_to: new Date(period.timeTo * 1000).toISOString(),
    change: changeLabel(period),
  };
  const found: Violation[] = [];
  const ceiling = ceilingFt(period);
  if (minimums.ceiling_min_ft !== null && ceiling !== null && ceiling < minimums.ceiling_min_ft) {
    found.push({ ...at, rule: "ceiling", observed: ceiling, limit: minimums.ceiling_min_ft });
  }
  const visibility = visibilitySm(period.visib);
  if (minimums.visibility_min_sm !== null && visibility !== null && visibility < minimums.visibility_min_sm) {
    found.push({ ...at, rule: "visibility", observed: visibility, limit: minimums.visibility_min_sm });
  }
  if (minimums.wind_max_kt !== null && typeof period.wspd === "number" && period.wspd > minimums.wind_max_kt) {
    found.push({ ...at, rule: "wind", observed: period.wspd, limit: minimums.wind_max_kt });
  }
  if (minimums.gust_max_kt !== null && typeof period.wgst === "number" && period.wgst > minimums.gust_max_kt) {
    found.push({ ...at, rule: "gust", observed: period.wgst, limit: minimums.gust_max_kt });
  }
  if (!minimums.thunderstorms_allowed && hasThunderstorms(period)) {
    found.push({ ...at, rule: "thunderstorms", observed: period.wxString ?? "CB", limit: "none" });
  }
  if (!minimums.icing_allowed && hasIcing(period)) {
    found.push({ ...at, rule: "icing", observed: period.wxString ?? "icing group", limit: "none" });
  }
  const across = periodCrosswind(airport, period, minimums, crosswind);
  if (across && across.observed > across.limit) {
    found.push({ ...at, rule: "crosswind", observed: across.observed, limit: across.limit, runway: across.runway });
  }
  return found;
}

export interface CheckWindow {
  /** When the flight starts and ends; the check adds an hour either side. */
  startsAt: Date;
  endsAt: Date;
  airports: readonly string[];
}

/**
 * Judges a flight against the forecasts at its airports. Every period overlapping the padded
 * window counts, change groups (TEMPO, PROB) included: a violation anywhere is a VIOLATION.
 * Otherwise a missing TAF, or one that stops short of the window, makes it UNKNOWN.
 */
export function checkWeather(
  window: CheckWindow,
  tafs: ReadonlyMap<string, Taf>,
  minimums: Minimums,
  crosswind?: CrosswindContext,
): WeatherCheck {
  const from = (window.startsAt.getTime() - CHECK_MARGIN_MS) / 1000;
  const to = (window.endsAt.getTime() + CHECK_MARGIN_MS) / 1000;
  const violations: Violation[] = [];
  const uncovered: string[] = [];
  let peak: CrosswindPeak | null = null;
  for (const airport of new Set(window.airports)) {
    const taf = tafs.get(airport);
    if (!taf || taf.validTimeFrom > from || taf.validTimeTo < to) uncovered.push(airport);
    for (const period of taf?.fcsts ?? []) {
      if (!(period.timeFrom < to && period.timeTo > from)) continue;
      violations.push(...periodViolations(airport, period, minimums, crosswind));
      const across = periodCrosswind(airport, period, minimums, crosswind);
      if (across && (peak === null || across.observed - across.limit > peak.observed - peak.limit)) peak = across;
    }
  }
  const weather_status: WeatherStatus = violations.length > 0 ? "VIOLATION" : uncovered.length > 0 ? "UNKNOWN" : "OK";
  return { weather_status, violations, uncovered, ...(peak ? { crosswind: peak } : {}) };
}

/**
 * How far to trust a clear forecast for a window, in [0, 1]: a TAF is most reliable in its first
 * hours, and a TEMPO or PROB group in the window means conditions may swing even if they stay legal.
 */
export function forecastCertainty(window: CheckWindow, tafs: ReadonlyMap<string, Taf>, check: WeatherCheck): number {
  if (check.weather_status !== "OK") return check.weather_status === "UNKNOWN" ? 0.4 : 0;
  const from = (window.startsAt.getTime() - CHECK_MARGIN_MS) / 1000;
  const to = (window.endsAt.getTime() + CHECK_MARGIN_MS) / 1000;
  let certainty = 1;
  for (const airport of new Set(window.airports)) {
    const taf = tafs.get(airport);
    if (!taf) continue;
    const issued = Date.parse(taf.issueTime) / 1000;
    const leadHours = Number.isFinite(issued) ? Math.max(0, (from - issued) / 3600) : 24;
    certainty = Math.min(certainty, 1 - Math.min(leadHours, 30) / 100);
    const changeable = taf.fcsts.some(
      (p) => p.timeFrom < to && p.timeTo > from && (p.fcstChange === "TEMPO" || p.fcstChange === "PROB"),
    );
    if (changeable) certainty -= 0.15;
  }
  return Math.max(0, Math.min(1, certainty));
}

/**
 * The crosswind context of a booking row: `runways` as airport_runway_ends() gives them
 * ({ airport: [{ name, heading_deg }] }) and the aircraft's crosswind limit, if any.
 */
export function crosswindContextFrom(runways: unknown, aircraftLimitKt: unknown): CrosswindContext {
  const byAirport = (runways ?? {}) as Record<string, { name: string; heading_deg: number | string }[]>;
  return {
    runways: new Map(
      Object.entries(byAirport).map(([airport, ends]) => [airport, ends.map((e) => ({ name: e.name, heading_deg: Number(e.heading_deg) }))]),
    ),
    aircraftLimitKt: aircraftLimitKt === null || aircraftLimitKt === undefined ? null : Number(aircraftLimitKt),
  };
}
