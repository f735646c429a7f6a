import { beforeAll, describe, expect, it } from "vitest";
import { call, expectProblem } from "../../support/api";
import { makeUser, type TestUser } from "../../support/users";

let admin: TestUser;
let student: TestUser;

// Flights of one day in 1995 (a year only this file uses) at KBOS, hours in Boston local time.
const tag = String(Math.floor(Math.random() * 90_000) + 10_000);
const csv = [
  "flight_number,airline_code,origin,destination,scheduled_departure,arrival_delay_minutes,distance_miles",
  `${tag}1,DL,BOS,JFK,1995-07-04 08:00,0,187`,
  `${tag}2,DL,BOS,JFK,1995-07-04 08:30,30,187`,
  `${tag}3,DL,BOS,LGA,1995-07-04 17:00,60,184`,
  `${tag}4,UA,JFK,BOS,1995-07-04 10:00,-5,187`,
].join("\n");

beforeAll(async () => {
  [admin, student] = await Promise.all([makeUser("ADMIN"), makeUser("STUDENT")]);
  const res = await call("/v1/ingestions/flights?source=reads", { method: "POST", token: admin.token, rawBody: csv, headers: { "content-type": "text/csv" } });
  expect(res.body.rows_inserted + res.body.rows_duplicate).toBe(4);
});

describe("GET /v1/flights", () => {
  it("filters by airport, airline, dates and delay, and pages in departure order", async () => {
    const base = "/v1/flights?airport=BOS&from=1995-07-04&to=1995-07-05";
    const all = await call(`${base}&limit=200`, { token: student.token });
    expect(all.status).toBe(200);
    const mine = all.body.data.filter((f: any) => f.flight_number?.startsWith(tag));
    expect(mine.map((f: any) => f.flight_number)).toEqual([`${tag}1`, `${tag}2`, `${tag}4`, `${tag}3`]);
    expect(mine[0]).toMatchObject({ origin: "KBOS", destination: "KJFK", scheduled_departure: "1995-07-04T12:00:00.000Z", airline_code: "DL" });

    const delayed = await call(`${base}&airline=dl&min_delay=30&limit=200`, { token: student.token });
    expect(delayed.body.data.filter((f: any) => f.flight_number?.startsWith(tag)).map((f: any) => f.flight_number)).toEqual([`${tag}2`, `${tag}3`]);

    const page1 = await call(`${base}&limit=2`, { token: student.token });
    const page2 = await call(`${base}&limit=200&cursor=${encodeURIComponent(page1.body.next_cursor)}`, { token: student.token });
    const walked = [...page1.body.data, ...page2.body.data].map((f: any) => f.id);
    expect(walked).toEqual(all.body.data.map((f: any) => f.id));
  });

  it("refuses bad filters", async () => {
    for (const q of ["airport=%27%20OR%201%3D1", "from=yesterday", "min_delay=abc", "limit=0"]) {
      expectProblem(await call(`/v1/flights?${q}`, { token: student.token }), 422, "validation_failed");
    }
  });
});

describe("GET /v1/charts/delays.svg", () => {
  it("draws a labelled bar per local hour with flights", async () => {
    const res = await call("/v1/charts/delays.svg?group_by=hour&airport=KBOS&from=1995-07-04&to=1995-07-04", { token: student.token });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    expect(res.text).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(res.text).toContain("Average arrival delay (minutes)");
    expect(res.text).toContain("at KBOS");
    // Hours 08 (2 flights, avg 15), 10 (1, −5 at KJFK local = 10:00) and 17 (1, avg 60).
    const bars = [...res.text.matchAll(/<title>(\d\d): (\d+) flights, on time ([\d.]+)%, average (-?[\d.]+) min/g)].map((m) => [m[1], Number(m[2]), Number(m[4])]);
    expect(bars).toEqual([["08", 2, 15], ["10", 1, -5], ["17", 1, 60]]);
    expectProblem(await call("/v1/charts/delays.svg?group_by=route", { token: student.token }), 422, "validation_failed");
  });
});

describe("POST /v1/analyses", () => {
  it("stores a delay summary with recommendations and a confidence", async () => {
    const res = await call("/v1/analyses", {
      method: "POST",
      token: admin.token,
      body: { type: "delay_summary", params: { airport: "BOS", from: "1995-07-04", to: "1995-07-04" } },
    });
    expect(res.status).toBe(201);
    expect(res.body.metrics).toMatchObject({ flights: 4, on_time_pct: 50, avg_delay_minutes: 21.25, median_delay_minutes: 15 });
    expect(res.body.recommendations.join(" ")).toMatch(/50(\.00)?% of flights arrived on time/);
    expect(res.body.confidence).toBeCloseTo(0.004, 3);
    const read = await call(`/v1/analyses/${res.body.id}`, { token: admin.token });
    expect(read.body).toEqual(res.body);
  });

  it("stores a congestion analysis against runway capacity", async () => {
    const res = await call("/v1/analyses", {
      method: "POST",
      token: admin.token,
      body: { type: "congestion", params: { airport: "KBOS", from: "1995-07-04", to: "1995-07-04" } },
    });
    expect(res.status).toBe(201);
    expect(res.body.metrics).toMatchObject({ airport: "KBOS", runway_capacity_per_hour: 120, days_observed: 1 });
    const eight = res.body.metrics.hours.find((h: any) => h.hour === 8);
    expect(eight.peak_movements).toBeGreaterThanOrEqual(2);
    expect(res.body.recommendations.join(" ")).toMatch(/Quietest daytime hours/);
    expect(res.body.confidence).toBeGreaterThan(0);
  });

  it("is admin-only and validates its input", async () => {
    expectProblem(await call("/v1/analyses", { method: "POST", token: student.token, body: { type: "delay_summary" } }), 403, "forbidden");
    expectProblem(await call("/v1/analyses", { method: "POST", token: admin.token, body: { type: "congestion", params: {} } }), 422, "validation_failed");
    expectProblem(await call("/v1/analyses", { method: "POST", token: admin.token, body: { type: "congestion", params: { airport: "QQQQ" } } }), 422, "validation_failed");
    expectProblem(await call("/v1/analyses", { method: "POST", token: admin.token, body: { type: "weather" } }), 422, "validation_failed");
    // Dates that match the pattern but name no day: an invalid Date must never reach toISOString().
    for (const from of ["2024-13-45", "2024-02-30", "0000-00-00"]) {
      const res = await call("/v1/analyses", { method: "POST", token: admin.token, body: { type: "delay_summary", params: { from } } });
      expectProblem(res, 422, "validation_failed");
      expect(res.body.errors[0].path).toBe("params.from");
    }
    const list = await call("/v1/analyses?type=congestion&limit=1", { token: admin.token });
    expect(list.body.data[0].type).toBe("congestion");
  });
});
