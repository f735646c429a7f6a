import { readFile } from "node:fs/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

const ownerUrl = inject("bindings").TEST_OWNER_DATABASE_URL;
let client: pg.Client;

/** 018's flight_delay_rollup_add, as a temporary function of this session. */
async function rollupAsOf018(): Promise<string> {
  const migration = await readFile("sql/migrations/018_flight_data_and_job_performance.sql", "utf8");
  const start = migration.indexOf("CREATE FUNCTION flight_delay_rollup_add(");
  const end = migration.indexOf("$$;\n", start) + 3;
  return migration.slice(start, end).replace("CREATE FUNCTION flight_delay_rollup_add(", "CREATE FUNCTION pg_temp.rollup_as_of_018(");
}

type Columns = { origin: string[]; destination: string[]; airline: (string | null)[]; departure: string[]; delay: (number | null)[] };

/** The real flights-2k rows (ICAO codes, UTC instants), with airlines, missing delays and round trips mixed in. */
async function flights(): Promise<Columns> {
  const raw = JSON.parse(await readFile("node_modules/vega-datasets/data/flights-2k.json", "utf8")) as { date: string; delay: number; origin: string; destination: string }[];
  const { rows } = await client.query<{ iata: string; icao: string }>("SELECT iata, icao FROM airports WHERE iata IS NOT NULL");
  const icao = new Map(rows.map((r) => [r.iata, r.icao]));
  const airlines = ["AA", "UA", "DL", null, null];
  const out: Columns = { origin: [], destination: [], airline: [], departure: [], delay: [] };
  raw.forEach((f, i) => {
    const origin = icao.get(f.origin);
    const destination = i % 97 === 0 ? origin : icao.get(f.destination);
    if (!origin || !destination) return;
    out.origin.push(origin);
    out.destination.push(destination);
    out.airline.push(airlines[i % airlines.length]!);
    // Local wall-clock times read as UTC instants: every hour of the day, either side of midnight.
    out.departure.push(`${f.date.replaceAll("/", "-")}:00Z`);
    out.delay.push(i % 53 === 0 ? null : f.delay);
  });
  return out;
}

const half = (c: Columns, part: 0 | 1): unknown[] => {
  const pick = <T>(values: T[]) => values.filter((_, i) => i % 2 === part);
  return [pick(c.origin), pick(c.destination), pick(c.airline), pick(c.departure), pick(c.delay)];
};

beforeAll(async () => {
  client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
});

afterAll(async () => {
  await client.end();
});

describe("flight_delay_rollup_add", () => {
  it("writes the same rows as 018's version, into an empty rollup and when merging into one", async () => {
    const data = await flights();
    expect(data.origin.length).toBeGreaterThan(1900);
    await client.query(await rollupAsOf018());
    // A temporary rollup of this session's own: both functions name the table unqualified, and a
    // temporary table comes first on the search path, so neither touches the shared one.
    await client.query("CREATE TEMP TABLE flight_delay_rollup (LIKE public.flight_delay_rollup INCLUDING ALL)");
    const rollup = async (fn: string) => {
      await client.query("TRUNCATE pg_temp.flight_delay_rollup");
      const written: number[] = [];
      for (const part of [0, 1] as const) {
        const { rows } = await client.query(`SELECT ${fn}($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::integer[]) AS n`, half(data, part));
        written.push(rows[0].n);
      }
      const { rows } = await client.query("SELECT * FROM pg_temp.flight_delay_rollup ORDER BY dimension COLLATE \"C\", period COLLATE \"C\", key COLLATE \"C\"");
      return { written, rows };
    };
    const before = await rollup("pg_temp.rollup_as_of_018");
    const now = await rollup("public.flight_delay_rollup_add");
    expect(before.rows.length).toBeGreaterThan(1000);
    expect(new Set(before.rows.map((r) => r.dimension)).size).toBe(14);
    expect(now.written).toEqual(before.written);
    expect(now.rows).toEqual(before.rows);
  });
});
