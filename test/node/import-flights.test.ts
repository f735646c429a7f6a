import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { importFlights } from "../../dev/import-flights";

const ownerUrl = inject("bindings").TEST_OWNER_DATABASE_URL;
let dir: string;
let client: pg.Client;

interface VegaFlight {
  date: string;
  delay: number;
  distance: number;
  origin: string;
  destination: string;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "skyslot-import-"));
  client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
});

afterAll(async () => {
  await client.end();
  await rm(dir, { recursive: true, force: true });
});

describe("import-flights (COPY from Node)", () => {
  it("loads the real flights-2k rows (moved to 2002, a year only this test uses), once", async () => {
    const raw = JSON.parse(await readFile("node_modules/vega-datasets/data/flights-2k.json", "utf8")) as VegaFlight[];
    const moved = raw.map((f) => ({ ...f, date: f.date.replace(/^2001/, "2002") }));
    const file = join(dir, "flights-2002.json");
    await writeFile(file, JSON.stringify(moved));

    const batchRows = 700; // several COPY batches
    // Rollup steps of 500 flights: the second session works on the first batches while the
    // last ones load, merging step after step into its own table.
    const first = await importFlights(file, { databaseUrl: ownerUrl, source: "node-import-test", batchRows, rollupChunk: 500 });
    const unknown = moved.filter((f) => f.origin === "ILE" || f.destination === "ILE").length;
    expect(first.counts.received).toBe(2000);
    expect(first.rollup).toBe("beside");
    expect(first.counts.rejected).toBe(unknown);
    expect(first.counts.inserted + first.counts.duplicate).toBe(2000 - unknown);
    expect(first.errors.every((e) => /unknown airport ILE/.test(e.message))).toBe(true);

    const [log] = (await client.query("SELECT status, format, rows_received, rows_inserted, finished_at FROM ingestion_logs WHERE id = $1", [first.id])).rows;
    expect(log).toMatchObject({ status: "PARTIAL", format: "json", rows_received: 2000, rows_inserted: first.counts.inserted });
    expect(log.finished_at).not.toBeNull();

    const [stored] = (await client.query(
      `SELECT count(*)::int AS n, sum(arrival_delay_minutes)::int AS delay FROM flights
       WHERE scheduled_departure >= '2002-01-01' AND scheduled_departure < '2002-07-02'`,
    )).rows;
    const kept = moved.filter((f) => f.origin !== "ILE" && f.destination !== "ILE");
    // Every row is a flight, identical rows of the file included (they sit at different positions).
    expect(stored.n).toBe(kept.length);
    // The rollup holds exactly the stored flights, by origin.
    const [rolled] = (await client.query(
      "SELECT sum(flights)::int AS n FROM flight_delay_rollup WHERE dimension = 'origin' AND period BETWEEN '2002-01' AND '2002-12'",
    )).rows;
    expect(rolled.n).toBe(stored.n);
    // Every 2002 row of the rollup (worked out beside the load and merged once) is what the
    // flights themselves give.
    const { rows: expected } = await client.query(
      `SELECT r.* FROM (SELECT array_agg(origin) o, array_agg(destination) d, array_agg(airline_code) a,
                               array_agg(scheduled_departure) t, array_agg(arrival_delay_minutes) l
                        FROM flights WHERE ingestion_id = $1) i
       CROSS JOIN LATERAL flight_delay_rollup_rows(i.o, i.d, i.a, i.t, i.l) r
       WHERE r.period LIKE '2002-%' ORDER BY 1, 2, 3`,
      [first.id],
    );
    const { rows: kept2002 } = await client.query(
      "SELECT dimension, period, key, flights, delay_sum, delays, counts, upto FROM flight_delay_rollup WHERE period LIKE '2002-%' ORDER BY 1, 2, 3",
    );
    expect(expected.length).toBeGreaterThan(1000);
    expect(kept2002).toEqual(expected);
    const [progress] = (await client.query(
      "SELECT rollup_pending, rollup_through = (SELECT id FROM flights WHERE ingestion_id = $1 ORDER BY id DESC LIMIT 1) AS through_last FROM ingestion_logs WHERE id = $1",
      [first.id],
    )).rows;
    expect(progress).toEqual({ rollup_pending: false, through_last: true });

    const again = await importFlights(file, { databaseUrl: ownerUrl, source: "node-import-test", batchRows });
    expect(again.counts.inserted).toBe(0);
    expect(again.counts.duplicate).toBe(2000 - unknown);
  });

  it("adds a file of less than a rollup step to the rollup in the import's own session", async () => {
    const file = join(dir, "small.csv");
    await writeFile(file, ["origin,destination,date,delay", "KJFK,KBOS,1992-03-01 10:00,5", "KJFK,KBOS,1992-03-01 11:00,-2"].join("\n"));
    const result = await importFlights(file, { databaseUrl: ownerUrl, source: "node-import-test" });
    expect(result.counts.inserted + result.counts.duplicate).toBe(2);
    expect(result.rollup).toBe("chunks");
    const [log] = (await client.query("SELECT rollup_pending FROM ingestion_logs WHERE id = $1", [result.id])).rows;
    expect(log.rollup_pending).toBe(false);
  });

  it("reads a CSV with broken rows and keeps the good ones", async () => {
    const file = join(dir, "broken.csv");
    const tag = String(Math.floor(Math.random() * 90_000) + 10_000);
    await writeFile(
      file,
      [
        "flight_number,airline_code,origin,destination,scheduled_departure,arrival_delay_minutes",
        `${tag}1,AA,JFK,BOS,1994-01-01T10:00:00Z,5`,
        `${tag}2,AA,JFK,BOS,not a date,5`,
        `${tag}3,AA,JFK,NOPE,1994-01-01T11:00:00Z,5`,
        `${tag}4,AA,JFK,BOS,1994-01-01T12:00:00Z,-3000`,
      ].join("\n"),
    );
    const result = await importFlights(file, { databaseUrl: ownerUrl });
    expect(result.counts).toMatchObject({ received: 4, rejected: 3 });
    expect(result.errors.map((e) => e.row)).toEqual([2, 3, 4]);
    const stored = (await client.query("SELECT flight_number FROM flights WHERE ingestion_id = $1", [result.id])).rows;
    expect(stored).toEqual([{ flight_number: `${tag}1` }]);
  });
});

describe("the import's reference check (flights_import_references.sql)", () => {
  it("counts flights whose airport is not there, and a log that is gone", async () => {
    const { flightsImportReferences: check } = await import("../../sql/queries/flights/flights_import_references.queries");
    await client.query("BEGIN");
    try {
      const [log] = (await client.query("INSERT INTO ingestion_logs (source, format) VALUES ('reference-test', 'json') RETURNING id")).rows;
      // As the import inserts: without the foreign keys' per-row checks.
      await client.query("SET LOCAL session_replication_role = replica");
      await client.query(
        `INSERT INTO flights (natural_key, origin, destination, scheduled_departure, ingestion_id)
         VALUES ('reference-test:1', 'KJFK', 'KBOS', '1993-01-01T10:00:00Z', $1), ('reference-test:2', 'KJFK', 'ZZZZ', '1993-01-01T11:00:00Z', $1)`,
        [log.id],
      );
      await client.query("SET LOCAL session_replication_role = origin");
      expect((await client.query(check.text, check.bind({ ingestionId: log.id }))).rows).toEqual([{ logs: 1, missing: 1 }]);
      const gone = "00000000-0000-4000-8000-000000000000";
      expect((await client.query(check.text, check.bind({ ingestionId: gone }))).rows).toEqual([{ logs: 0, missing: 0 }]);
    } finally {
      await client.query("ROLLBACK");
    }
  });
});
