import type { CrosswindPeak } from "../../domain/weather";

/** Options reach a week ahead (the candidates query's horizon), plus the longest flight. */
export const OPTION_DAYS_MS = 8 * 86_400_000;

/** A free slot as the candidates query judges it by the people and sky rules. */
export interface JudgedSlot {
  starts_at: string;
  ends_at: string;
  /** The aircraft the option flies on: the booking's own, or a spare of its type (null: none). */
  aircraft_id: string | null;
  /** Rules the slot breaks in warn mode (block findings never reach here). */
  findings: { rule: string; detail: string; mode: string }[];
  /** DUAL: the instructor's busiest rolling 24 h with this flight. */
  duty_minutes: number | null;
  /** SOLO under the daylight rule: civil dusk at the departure airport that day. */
  civil_dusk: string | null;
}

/** How near a limit counts as "passed closely". */
const DUTY_MARGIN_MINUTES = 60;
const DUSK_MARGIN_MINUTES = 60;
const CROSSWIND_MARGIN_KT = 3;

/**
 * What an option's reasons say about the rules it passed closely (duty minutes near the limit,
 * landing near dusk, crosswind near the limit) and the warn-mode rules it breaks.
 */
export function closeCalls(slot: JudgedSlot, dutyLimitMinutes: number, crosswind: CrosswindPeak | undefined): string[] {
  const notes: string[] = [];
  if (slot.duty_minutes !== null && slot.duty_minutes > dutyLimitMinutes - DUTY_MARGIN_MINUTES) {
    notes.push(`Instructor duty close to the limit: ${slot.duty_minutes} of ${dutyLimitMinutes} minutes in the busiest 24 h`);
  }
  if (slot.civil_dusk !== null) {
    const before = Math.round((Date.parse(slot.civil_dusk) - Date.parse(slot.ends_at)) / 60_000);
    if (before < DUSK_MARGIN_MINUTES) notes.push(`Lands ${before} min before civil dusk`);
  }
  if (crosswind && crosswind.observed > crosswind.limit - CROSSWIND_MARGIN_KT) {
    const runway = crosswind.runway ? ` on runway ${crosswind.runway}` : "";
    notes.push(`Crosswind close to the limit: ${crosswind.observed} of ${crosswind.limit} kt at ${crosswind.airport}${runway}`);
  }
  for (const finding of slot.findings) notes.push(`Warning (${finding.rule}): ${finding.detail}`);
  return notes;
}
