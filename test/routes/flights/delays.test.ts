import { beforeAll, describe, expect, it } from "vitest";
import flights2k from "../../../node_modules/vega-datasets/data/flights-2k.json";
import { call, expectProblem } from "../../support/api";
import { ownerDb, redisUp } from "../../support/db";
import { makeUser, type TestUser } from "../../support/users";

interface VegaFlight {
  date: string;
  delay: number;
  distance: number;
  origin: string;
  destination: string;
}

const raw = flights2k as VegaFlight[];
const ndjson = raw.map((f) => JSON.stringify(f)).join("\n") + "\n";

let admin: TestUser;
let student: TestUser;
let icaoOf: Map<string, string>;
let first: any;

/** percentile_cont, written out: interpolate between the two ranks around p·(n−1). */
function percentile(sorted: number[], p: number): number {
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (pos - lo) * (sorted[hi]! - sorted[lo]!);
}

/** The flights the file holds (every row is one: identical rows of a file are distinct flights), with figures derived from the raw text alone. */
function expectedFlights() {
  const out: { origin: string; destination: string; day: string; hour: number; dow: number; delay: number }[] = [];
  for (const f of raw) {
    const origin = icaoOf.get(f.origin);
    const destination = icaoOf.get(f.destination);
    if (!origin || !destination) continue;
    // `date` is local time at the origin: the hour, weekday and day are read off the text itself.
    const [y, m, d] = f.date.slice(0, 10).split("/").map(Number) as [number, number, number];
    out.push({
      origin,
      destination,
      day: f.date.slice(0, 10).replaceAll("/", "-"),
      hour: Number(f.date.slice(11, 13)),
      dow: new Date(Date.UTC(y, m - 1, d)).getUTCDay(),
      delay: f.delay,
    });
  }
  return out;
}

function expectedRows(keyOf: (f: ReturnType<typeof expectedFlights>[number]) => string | number, keep = (_: any) => true) {
  const groups = new Map<string | number, number[]>();
  for (const f of expectedFlights().filter(keep)) {
    const key = keyOf(f);
    groups.set(key, [...(groups.get(key) ?? []), f.delay]);
  }
  return [...groups].map(([key, delays]) => {
    const sorted = [...delays].sort((a, b) => a - b);
    return {
      key,
      flights: delays.length,
      on_time_pct: (100 * delays.filter((d) => d < 15).length) / delays.length,
      avg_delay_minutes: delays.reduce((a, b) => a + b, 0) / delays.length,
      median_delay_minutes: percentile(sorted, 0.5),
      p90_delay_minutes: percentile(sorted, 0.9),
    };
  });
}

function expectSameRows(actual: any[], expected: ReturnType<typeof expectedRows>) {
  expect(actual.length).toBe(expected.length);
  const byKey = new Map(actual.map((r) => [r.key, r]));
  for (const row of expected) {
    const got = byKey.get(row.key);
    expect(got, `group ${row.key}`).toBeDefined();
    expect(got.flights, `flights of ${row.key}`).toBe(row.flights);
    for (const figure of ["on_time_pct", "avg_delay_minutes", "median_delay_minutes", "p90_delay_minutes"] as const) {
      // The API rounds to 2 decimals (half away from zero); the expectation is exact.
      expect(Math.abs(got[figure] - row[figure]), `${figure} of ${row.key}: ${got[figure]} vs ${row[figure]}`).toBeLessThanOrEqual(0.00501);
    }
  }
  const counts = actual.map((r) => r.flights);
  expect(counts).toEqual([...counts].sort((a, b) => b - a));
}

const WHOLE_PERIOD = "from=2001-01-01&to=2001-06-30";

beforeAll(async () => {
  [admin, student] = await Promise.all([makeUser("ADMIN"), makeUser("STUDENT")]);
  const codes = [...new Set(raw.flatMap((f) => [f.origin, f.destination]))];
  const rows = await ownerDb().query<{ iata: string; icao: string }>("SELECT iata, icao FROM airports WHERE iata = ANY($1)", [codes]);
  icaoOf = new Map(rows.map((r) => [r.iata, r.icao]));
  first = await call("/v1/ingestions/flights?source=vega-flights-2k", {
    method: "POST",
    token: admin.token,
    rawBody: ndjson,
    headers: { "content-type": "application/x-ndjson" },
  });
}, 120_000);

describe("POST /v1/ingestions/flights with the real flights-2k file", () => {
  it("stores every row whose airports are known and logs the run", async () => {
    expect(first.status).toBe(201);
    const known = expectedFlights().length;
    const unknownAirportRows = raw.filter((f) => !icaoOf.has(f.origin) || !icaoOf.has(f.destination)).length;
    expect(unknownAirportRows).toBeGreaterThan(0);
    expect(first.body).toMatchObject({
      status: "PARTIAL",
      source: "vega-flights-2k",
      format: "ndjson",
      rows_received: raw.length,
      rows_rejected: unknownAirportRows,
    });
    // Another file run in parallel may have stored some first; together they are every flight.
    expect(first.body.rows_inserted + first.body.rows_duplicate).toBe(raw.length - unknownAirportRows);
    expect(known).toBeLessThanOrEqual(raw.length - unknownAirportRows);
    expect(first.body.quality_score).toBeCloseTo((raw.length - unknownAirportRows) / raw.length, 4);
    expect(first.body.errors[0]).toEqual({ row: expect.any(Number), message: expect.stringMatching(/unknown airport ILE/) });
    const bad = raw[first.body.errors[0].row - 1]!;
    expect([bad.origin, bad.destination]).toContain("ILE");

    const log = await call(`/v1/ingestions/${first.body.id}`, { token: admin.token });
    expect(log.status).toBe(200);
    expect(log.body).toMatchObject({ id: first.body.id, status: "PARTIAL", rows_received: raw.length });
    expect(log.body.finished_at).not.toBeNull();
  });

  it("converts the origin's local time to UTC", async () => {
    const [stored] = await ownerDb().query<{ scheduled_departure: Date }>(
      `SELECT scheduled_departure FROM flights WHERE origin = 'KLAX' AND destination = 'KBNA'
         AND arrival_delay_minutes = -19 AND distance_miles = 1797
         AND scheduled_departure BETWEEN '2001-01-01' AND '2001-01-02'`,
    );
    // 2001/01/01 06:55 in Los Angeles (PST, UTC−8).
    expect(stored?.scheduled_departure.toISOString()).toBe("2001-01-01T14:55:00.000Z");
  });

  it("inserts nothing new when the same file is sent again", async () => {
    const again = await call("/v1/ingestions/flights?source=vega-flights-2k-again", {
      method: "POST",
      token: admin.token,
      rawBody: ndjson,
      headers: { "content-type": "application/x-ndjson" },
    });
    expect(again.status).toBe(201);
    expect(again.body.rows_inserted).toBe(0);
    expect(again.body.rows_duplicate).toBe(first.body.rows_inserted + first.body.rows_duplicate);
  });
});

describe("GET /v1/analytics/delays against figures computed from the raw file", () => {
  const keyOf = {
    origin: (f: any) => f.origin,
    destination: (f: any) => f.destination,
    route: (f: any) => `${f.origin}-${f.destination}`,
    day: (f: any) => f.day,
    hour: (f: any) => f.hour,
    dow: (f: any) => f.dow,
  } as const;

  for (const [groupBy, key] of Object.entries(keyOf)) {
    it(`group_by=${groupBy} over whole months (rollup)`, async () => {
      const res = await call(`/v1/analytics/delays?group_by=${groupBy}&${WHOLE_PERIOD}`, { token: student.token });
      expect(res.status).toBe(200);
      expect(res.body.source).toBe("rollup");
      expectSameRows(res.body.rows, expectedRows(key));
    });

    // The rollup keeps day rows for every grouping but routes.
    it(`group_by=${groupBy} for part of a month (${groupBy === "route" ? "flights" : "rollup"})`, async () => {
      const res = await call(`/v1/analytics/delays?group_by=${groupBy}&from=2001-01-10&to=2001-03-20`, { token: student.token });
      expect(res.status).toBe(200);
      expect(res.body.source).toBe(groupBy === "route" ? "flights" : "rollup");
      expectSameRows(res.body.rows, expectedRows(key, (f) => f.day >= "2001-01-10" && f.day <= "2001-03-20"));
    });

    const atLax = (f: ReturnType<typeof expectedFlights>[number]) => f.origin === "KLAX" || f.destination === "KLAX";
    it(`group_by=${groupBy} at one airport over whole months (rollup)`, async () => {
      for (const range of [WHOLE_PERIOD, "from=2001-02-01&to=2001-03-31"]) {
        const res = await call(`/v1/analytics/delays?group_by=${groupBy}&airport=LAX&${range}`, { token: student.token });
        expect(res.status).toBe(200);
        expect(res.body.source).toBe("rollup");
        const within = range.startsWith("from=2001-02") ? (f: any) => atLax(f) && f.day >= "2001-02-01" && f.day <= "2001-03-31" : atLax;
        expectSameRows(res.body.rows, expectedRows(key, within));
      }
    });

    // One airport's day rows answer any days by day or weekday; other groupings read the flights.
    const fromDays = groupBy === "day" || groupBy === "dow";
    it(`group_by=${groupBy} at one airport for part of a month (${fromDays ? "rollup" : "flights"})`, async () => {
      const res = await call(`/v1/analytics/delays?group_by=${groupBy}&airport=KLAX&from=2001-01-10&to=2001-03-20`, { token: student.token });
      expect(res.status).toBe(200);
      expect(res.body.source).toBe(fromDays ? "rollup" : "flights");
      expectSameRows(res.body.rows, expectedRows(key, (f) => atLax(f) && f.day >= "2001-01-10" && f.day <= "2001-03-20"));
    });
  }

  it("filters by airport, given as IATA, departing or arriving", async () => {
    const res = await call(`/v1/analytics/delays?group_by=hour&airport=lax&${WHOLE_PERIOD}`, { token: student.token });
    expect(res.status).toBe(200);
    expectSameRows(res.body.rows, expectedRows(keyOf.hour, (f) => f.origin === "KLAX" || f.destination === "KLAX"));
  });

  it("merges the histograms of several months (rollup)", async () => {
    for (const [groupBy, key] of [["origin", keyOf.origin], ["hour", keyOf.hour]] as const) {
      const res = await call(`/v1/analytics/delays?group_by=${groupBy}&from=2001-02-01&to=2001-04-30`, { token: student.token });
      expect(res.body.source).toBe("rollup");
      expectSameRows(res.body.rows, expectedRows(key, (f) => f.day >= "2001-02-01" && f.day <= "2001-04-30"));
    }
  });

  it("drops groups below min_flights", async () => {
    const res = await call(`/v1/analytics/delays?group_by=origin&min_flights=50&${WHOLE_PERIOD}`, { token: student.token });
    expectSameRows(res.body.rows, expectedRows(keyOf.origin).filter((r) => r.flights >= 50));
  });

  it("groups by airline only flights that name one (the vega file names none)", async () => {
    const res = await call(`/v1/analytics/delays?group_by=airline&from=2001-01-02&to=2001-06-29`, { token: student.token });
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([]);
  });

  it("refuses bad queries with a problem", async () => {
    for (const query of ["group_by=planet", "group_by=hour&from=2001-02-30", "group_by=hour&from=2001-03-01&to=2001-02-01", "group_by=hour&min_flights=0", "group_by=hour&airport=K%27%3B--"]) {
      expectProblem(await call(`/v1/analytics/delays?${query}`, { token: student.token }), 422, "validation_failed");
    }
    expectProblem(await call(`/v1/analytics/delays?group_by=hour`), 401, "unauthenticated");
  });
});

describe.skipIf(!redisUp)("analytics cache", () => {
  it("serves cached answers until an ingestion commits new flights", async () => {
    // Part of a month at one airport by origin: answered from the flights themselves.
    const query = `/v1/analytics/delays?group_by=origin&airport=KBOS&from=1998-03-02&to=1998-03-30`;
    const before = await call(query, { token: student.token });
    expect(before.body.rows).toEqual([]);
    // Written behind the API's back: the cached (empty) answer still stands.
    await ownerDb().query(
      `INSERT INTO flights (natural_key, origin, destination, scheduled_departure, arrival_delay_minutes)
       VALUES ($1, 'KJFK', 'KBOS', '1998-03-03T10:00:00Z', 40)`,
      [`test:${crypto.randomUUID()}`],
    );
    expect((await call(query, { token: student.token })).body.rows).toEqual([]);
    const csv = "origin,destination,scheduled_departure,arrival_delay_minutes\nKJFK,KBOS,1998-03-04T10:00:00Z,12\n";
    const ingested = await call("/v1/ingestions/flights?source=cache-check", {
      method: "POST",
      token: admin.token,
      rawBody: csv,
      headers: { "content-type": "text/csv" },
    });
    expect(ingested.body.rows_inserted + ingested.body.rows_duplicate).toBe(1);
    const after = await call(query, { token: student.token });
    expect(after.body.rows).toEqual([expect.objectContaining({ key: "KJFK", flights: 2, median_delay_minutes: 26 })]);
  });
});
