import { describe, expect, it } from "vitest";
import { repairDelayRollup } from "../../src/flights/rollup";
import { total } from "../../src/jobs/chunks";
import { ownerDb } from "../support/db";

const db = ownerDb();

/** An ingestion whose request stopped after its batches: flights stored, none in the rollup yet. */
async function leftBehind(status: string, startedHoursAgo: number, flights: number) {
  const year = 1960 + Math.floor(Math.random() * 10);
  const [airport] = await db.query<{ icao: string }>("SELECT icao FROM airports WHERE timezone = 'UTC' OR timezone LIKE 'Europe/%' ORDER BY random() LIMIT 1");
  const [log] = await db.query<{ id: string }>(
    "INSERT INTO ingestion_logs (source, format, status, started_at) VALUES ('repair-test', 'csv', $1, now() - $2 * interval '1 hour') RETURNING id",
    [status, startedHoursAgo],
  );
  await db.query(
    `INSERT INTO flights (natural_key, origin, destination, scheduled_departure, arrival_delay_minutes, ingestion_id)
     SELECT 'test:' || $1 || ':' || g, $2, 'KJFK', ($3 || '-06-15T12:00:00Z')::timestamptz + g * interval '1 minute', g, $1::uuid
     FROM generate_series(1, $4) g`,
    [log!.id, airport!.icao, String(year), flights],
  );
  const rolled = async () =>
    (await db.query<{ n: number | null }>(
      "SELECT sum(flights)::int AS n FROM flight_delay_rollup WHERE dimension = 'route' AND period = $1 AND key = $2",
      [`${year}-06`, `${airport!.icao}-KJFK`],
    ))[0]!.n ?? 0;
  return { id: log!.id, rolled };
}

describe("delay rollup repair (nightly cleanup)", () => {
  it("completes ingestions whose request died, once, and leaves running ones alone", async () => {
    const died = await leftBehind("RUNNING", 3, 30);
    const failed = await leftBehind("FAILED", 0, 12);
    const running = await leftBehind("RUNNING", 0, 8);

    // Other files' stopped ingestions may be completed too: at least these two.
    expect(total(await repairDelayRollup(db, new Date()), "flights")).toBeGreaterThanOrEqual(42);
    expect(await died.rolled()).toBe(30);
    expect(await failed.rolled()).toBe(12);
    expect(await running.rolled()).toBe(0);

    // Run again (and concurrently): nothing is counted twice.
    const again = await Promise.all([repairDelayRollup(db, new Date()), repairDelayRollup(db, new Date())]);
    expect(total(again.flat(), "flights")).toBe(0);
    expect(await died.rolled()).toBe(30);
    expect(await failed.rolled()).toBe(12);
    const [log] = await db.query<{ rollup_pending: boolean }>("SELECT rollup_pending FROM ingestion_logs WHERE id = $1", [running.id]);
    expect(log!.rollup_pending).toBe(true);
  });
});
