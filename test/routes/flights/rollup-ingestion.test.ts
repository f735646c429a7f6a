import { describe, expect, it } from "vitest";
import { ownerDb } from "../../support/db";

const db = ownerDb();

/** A month of 1975, a year no other test file's flights use, and two airports with a timezone. */
async function fixture(flights: number) {
  const month = String(1 + Math.floor(Math.random() * 12)).padStart(2, "0");
  const [a, b] = await db.query<{ icao: string }>("SELECT icao FROM airports WHERE timezone = 'UTC' OR timezone LIKE 'Europe/%' ORDER BY random() LIMIT 2");
  const [log] = await db.query<{ id: string }>("INSERT INTO ingestion_logs (source, format) VALUES ('rollup-test', 'ndjson') RETURNING id");
  const key = crypto.randomUUID();
  // Mid-month at noon UTC: the origin-local month is this month whatever the European offset.
  await db.query(
    `INSERT INTO flights (natural_key, origin, destination, scheduled_departure, arrival_delay_minutes, ingestion_id)
     SELECT 'test:' || $1 || ':' || g, $2, $3, ('1975-' || $4 || '-15T12:00:00Z')::timestamptz + g * interval '1 minute', g % 40 - 10, $5
     FROM generate_series(1, $6) g`,
    [key, a!.icao, b!.icao, month, log!.id, flights],
  );
  const origin = async () =>
    (await db.query<{ n: number | null }>(
      "SELECT sum(flights)::int AS n FROM flight_delay_rollup WHERE dimension = 'origin' AND period = $1 AND key = $2",
      [`1975-${month}`, a!.icao],
    ))[0]!.n ?? 0;
  const pending = async () => (await db.query<{ rollup_pending: boolean }>("SELECT rollup_pending FROM ingestion_logs WHERE id = $1", [log!.id]))[0]!.rollup_pending;
  return { id: log!.id, month, origin, pending };
}

describe("an ingestion's flights join the delay rollup once", () => {
  it("in chunks, each flight once, however many callers race to add them", async () => {
    const f = await fixture(50);
    expect(await f.pending()).toBe(true);
    expect(await f.origin()).toBe(0);
    // Eight callers at once, 7 flights per call, again until no one reports more pending.
    let added = 0;
    for (;;) {
      const steps = await Promise.all(
        Array.from({ length: 8 }, () => db.query<{ flights: number; pending: boolean }>("SELECT * FROM flight_delay_rollup_add_ingestion($1, 7)", [f.id])),
      );
      added += steps.reduce((sum, [s]) => sum + s!.flights, 0);
      if (steps.every(([s]) => !s!.pending)) break;
    }
    expect(added).toBe(50);
    expect(await f.pending()).toBe(false);
    expect(await f.origin()).toBe(50);
    // Once complete, more calls add nothing.
    const [again] = await db.query<{ flights: number; pending: boolean }>("SELECT * FROM flight_delay_rollup_add_ingestion($1, NULL)", [f.id]);
    expect(again).toMatchObject({ flights: 0, pending: false });
    expect(await f.origin()).toBe(50);
  });

  it("keeps the histogram exact when added in several chunks", async () => {
    const f = await fixture(40);
    let pending = true;
    while (pending) pending = (await db.query<{ pending: boolean }>("SELECT * FROM flight_delay_rollup_add_ingestion($1, 9)", [f.id]))[0]!.pending;
    const [row] = await db.query<{ delays: number[]; counts: number[]; upto: number[]; flights: number }>(
      `SELECT r.delays, r.counts, r.upto, r.flights FROM flight_delay_rollup r
       WHERE r.dimension = 'route' AND r.period = $2
         AND r.key = (SELECT origin || '-' || destination FROM flights WHERE ingestion_id = $1 LIMIT 1)`,
      [f.id, `1975-${f.month}`],
    );
    // g % 40 - 10 for g = 1..40: each delay from -10 to 29 once.
    expect(row!.flights).toBe(40);
    expect(row!.delays).toEqual(Array.from({ length: 40 }, (_, i) => i - 10));
    expect(row!.counts).toEqual(Array.from({ length: 40 }, () => 1));
    expect(row!.upto).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });
});
