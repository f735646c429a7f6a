import type { WeatherStatus } from "./weather";

/** A free slot found for a flight, with what the forecast says about it. */
export interface Candidate {
  startsAt: Date;
  endsAt: Date;
  weather: WeatherStatus;
  /** forecastCertainty() of the slot, in [0, 1]. */
  certainty: number;
  /** What else the option's reasons should say (rules it passed closely). */
  notes?: string[];
}

export interface RankedOption {
  suggested_at: string;
  ends_at: string;
  confidence: number;
  weather_status: WeatherStatus;
  reasons: string[];
}

export const MAX_OPTIONS = 5;

const HOUR_MS = 3_600_000;
const DAY_MINUTES = 1_440;
/** Options reach this far ahead, so "how soon" is scored over it. */
const HORIZON_HOURS = 7 * 24;

/** The three things a student and instructor weigh, as shares of the confidence. */
const WEIGHTS = { forecast: 0.5, timeOfDay: 0.3, soon: 0.2 } as const;

/** Signed difference in minutes between two times of day, in (−720, 720]. */
function timeOfDayShift(original: Date, candidate: Date): number {
  const minutes = (d: Date) => d.getUTCHours() * 60 + d.getUTCMinutes();
  let shift = (minutes(candidate) - minutes(original)) % DAY_MINUTES;
  if (shift > DAY_MINUTES / 2) shift -= DAY_MINUTES;
  if (shift <= -DAY_MINUTES / 2) shift += DAY_MINUTES;
  return shift;
}

function duration(minutes: number): string {
  const days = Math.floor(minutes / DAY_MINUTES);
  const hours = Math.floor((minutes % DAY_MINUTES) / 60);
  const mins = minutes % 60;
  const parts = [days ? `${days} day${days === 1 ? "" : "s"}` : "", hours ? `${hours} h` : "", mins ? `${mins} min` : ""];
  return parts.filter(Boolean).join(" ") || "0 min";
}

function forecastReason(candidate: Candidate): string {
  if (candidate.weather === "UNKNOWN") return "Beyond the current forecast: the weather will be checked again closer to the day";
  const percent = Math.round(candidate.certainty * 100);
  const trust = candidate.certainty >= 0.8 ? "high" : candidate.certainty >= 0.6 ? "fair" : "low";
  return `Forecast within minimums at both airports (${trust} certainty, ${percent}%)`;
}

function timeOfDayReason(shift: number): string {
  if (shift === 0) return "Same time of day as the original flight";
  return `${duration(Math.abs(shift))} ${shift > 0 ? "later" : "earlier"} in the day than the original flight`;
}

/**
 * Orders free slots best first and keeps up to `max` that do not overlap each other. A slot
 * forecast to break minimums is never offered. Confidence blends forecast certainty, closeness
 * to the original time of day and how soon the flight can happen.
 */
export function rankOptions(
  candidates: readonly Candidate[],
  original: { scheduledAt: Date },
  now: Date,
  max = MAX_OPTIONS,
): RankedOption[] {
  const scored = candidates
    .filter((c) => c.weather !== "VIOLATION")
    .map((c) => {
      const shift = timeOfDayShift(original.scheduledAt, c.startsAt);
      const leadHours = Math.max(0, (c.startsAt.getTime() - now.getTime()) / HOUR_MS);
      const score =
        WEIGHTS.forecast * Math.max(0, Math.min(1, c.certainty)) +
        WEIGHTS.timeOfDay * (1 - Math.abs(shift) / (DAY_MINUTES / 2)) +
        WEIGHTS.soon * Math.max(0, 1 - leadHours / HORIZON_HOURS);
      return { candidate: c, shift, leadMinutes: Math.round(leadHours * 60), confidence: Math.round(score * 1000) / 1000 };
    })
    .sort((a, b) => b.confidence - a.confidence || a.candidate.startsAt.getTime() - b.candidate.startsAt.getTime());

  const chosen: typeof scored = [];
  for (const option of scored) {
    if (chosen.length >= max) break;
    const clashes = chosen.some(
      (o) => option.candidate.startsAt < o.candidate.endsAt && o.candidate.startsAt < option.candidate.endsAt,
    );
    if (!clashes) chosen.push(option);
  }
  return chosen.map(({ candidate, shift, leadMinutes, confidence }) => ({
    suggested_at: candidate.startsAt.toISOString(),
    ends_at: candidate.endsAt.toISOString(),
    confidence,
    weather_status: candidate.weather,
    reasons: [forecastReason(candidate), timeOfDayReason(shift), `In ${duration(leadMinutes)}`, ...(candidate.notes ?? [])],
  }));
}
