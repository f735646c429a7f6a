/** How many first row errors an ingestion keeps (in its response and its log). */
export const MAX_LOGGED_ERRORS = 100;

export interface RowError {
  row: number;
  message: string;
}

export interface IngestionCounts {
  received: number;
  inserted: number;
  rejected: number;
  duplicate: number;
}

export type IngestionStatus = "SUCCEEDED" | "PARTIAL" | "FAILED";

/**
 * Quality score: the share of received rows that passed every check (stored now, or already
 * stored by an earlier import), rounded to 4 decimals. 1 = a clean file; 0 = nothing usable.
 * Duplicates count as good rows: re-sending a clean file scores 1 again. No rows → null.
 */
export function qualityScore(c: IngestionCounts): number | null {
  if (c.received === 0) return null;
  return Math.round(((c.received - c.rejected) / c.received) * 10_000) / 10_000;
}

/** SUCCEEDED: no row rejected; PARTIAL: some rejected; FAILED: rows came but none was usable. */
export function ingestionStatus(c: IngestionCounts): IngestionStatus {
  if (c.rejected === 0) return "SUCCEEDED";
  return c.rejected === c.received ? "FAILED" : "PARTIAL";
}

/** Keeps the first errors in row order, however the batches that found them finished. */
export function keepFirstErrors(kept: RowError[], found: readonly RowError[]): RowError[] {
  if (found.length === 0) return kept;
  return [...kept, ...found].sort((a, b) => a.row - b.row).slice(0, MAX_LOGGED_ERRORS);
}
