import type { Db } from "../db/client";
import { inChunks } from "../jobs/chunks";
import { flightDelayRollupAddIngestion as addIngestion } from "../../sql/queries/flights/flight_delay_rollup_add_ingestion.queries";
import { flightDelayRollupRepairStale as repairStale } from "../../sql/queries/flights/flight_delay_rollup_repair_stale.queries";

/** Flights per statement adding an ingestion to the delay rollup: a few seconds at most, well inside the statement timeout. */
export const ROLLUP_CHUNK_FLIGHTS = 50_000;

/**
 * A RUNNING ingestion this old has lost its request (what `GET /v1/admin/integrity` counts as
 * stuck): the repair completes its rollup.
 */
export const STALE_INGESTION_MS = 15 * 60 * 1000;

/** Statements one repair run may spend (each adds up to ROLLUP_CHUNK_FLIGHTS flights). */
const REPAIR_STATEMENTS = 20;

/**
 * Adds an ingestion's flights to the delay rollup, a chunk per statement, once its last batch is
 * in. When a statement fails, the chunks before it stay added, the rest wait for the repair
 * (repairDelayRollup), and no flight is counted twice.
 */
export async function addIngestionToRollup(db: Db, ingestionId: string): Promise<void> {
  let pending = true;
  while (pending) {
    const [step] = await db.query(addIngestion, { ingestionId, chunk: ROLLUP_CHUNK_FLIGHTS });
    pending = step?.pending ?? false;
  }
}

/**
 * Completes the rollup of ingestions whose request ended before it did, a chunk per statement;
 * returns each statement's row (the flights it added).
 */
export function repairDelayRollup(db: Db, now: Date) {
  const staleBefore = new Date(now.getTime() - STALE_INGESTION_MS).toISOString();
  return inChunks(
    db,
    { query: repairStale, chunk: ROLLUP_CHUNK_FLIGHTS, params: () => ({ staleBefore, chunk: ROLLUP_CHUNK_FLIGHTS }), taken: "flights" },
    REPAIR_STATEMENTS,
  );
}
