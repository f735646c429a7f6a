import { describe, expect, it } from "vitest";
import { NEON_MAX_BODY_BYTES } from "../../src/db/errors";
import { encodeBatch, type StagedFlight } from "../../src/flights/rows";
import { INGESTION_BATCH_ROWS } from "../../src/routes/ingestions/ingestions.routes";
import { flightsInsertBatch as insertBatch } from "../../sql/queries/flights/flights_insert_batch.queries";

/** The largest row validation lets through: every field present, at its longest. */
function widestRow(row: number): StagedFlight {
  const time = "2099-12-31T23:59:59+14:00";
  return {
    row,
    flight_number: "ABCDEFGHIJ",
    airline_code: "ZZ",
    origin: "KJFK",
    destination: "EGLL",
    scheduled_departure: time,
    scheduled_departure_local: false,
    scheduled_arrival: time,
    scheduled_arrival_local: false,
    actual_departure: time,
    actual_departure_local: false,
    actual_arrival: time,
    actual_arrival_local: false,
    departure_delay_minutes: -2880,
    arrival_delay_minutes: -2880,
    distance_miles: 13_000,
    status: "A".repeat(20),
  };
}

// Neon refuses request bodies over 10 MiB (413), so one ingestion batch must fit in one request
// with room to spare, whatever the rows hold.
describe("ingestion batches against Neon's request limit", () => {
  it("keeps the widest possible batch under half of Neon's 10 MiB", () => {
    const rows = Array.from({ length: INGESTION_BATCH_ROWS }, (_, i) => widestRow(10_000_000 + i));
    // The body the driver posts: the statement and its parameters (each as text), the rows as one JSON text.
    const params = insertBatch.bind({ rows: encodeBatch(rows), ingestionId: crypto.randomUUID(), received: INGESTION_BATCH_ROWS, refused: 0, fileKey: "0123456789abcdef" });
    const body = JSON.stringify({ query: insertBatch.text, params: params.map(String) });
    const bytes = new TextEncoder().encode(body).length;
    console.log(`widest ingestion batch (${INGESTION_BATCH_ROWS} rows): ${bytes} bytes of ${NEON_MAX_BODY_BYTES}`);
    expect(bytes).toBeLessThan(NEON_MAX_BODY_BYTES / 2);
  });
});
