import { beforeAll, describe, expect, it } from "vitest";
import { call, expectProblem } from "../../support/api";
import { ownerDb } from "../../support/db";
import { makeUser, type TestUser } from "../../support/users";

let admin: TestUser;
let instructor: TestUser;

beforeAll(async () => {
  [admin, instructor] = await Promise.all([makeUser("ADMIN"), makeUser("INSTRUCTOR")]);
});

// A year no other fixture uses, and a flight number per run, so re-runs and parallel files never collide.
const tag = String(Math.floor(Math.random() * 9000) + 1000);
const header = "flight_number,airline_code,origin,destination,scheduled_departure,scheduled_arrival,actual_departure,actual_arrival,arrival_delay_minutes,distance_miles,status";
const rows = [
  `${tag}1,AA,JFK,LAX,1997-05-01 08:00,1997-05-01 11:30,1997-05-01 08:10,1997-05-01 11:45,,2475,landed`, // 1 good (delay derived: 15)
  `${tag}2,AA,KJFK,KBOS,1997-05-01T12:00:00Z,1997-05-01T13:10:00Z,,,"-3",187,LANDED`, // 2 good
  `${tag}3,AA,XXX,LAX,1997-05-01 08:00,,,,5,100,`, // 3 unknown airport
  `${tag}4,AA,JFK,LAX,1997-05-01 08:00,1997-05-01 04:00,,,5,100,`, // 4 arrival before departure (local times)
  `${tag}5,AA,JFK,LAX,1997-05-01 08:00,,,,4000,100,`, // 5 absurd delay
  `${tag}6,AA,JFK,LAX,1997-02-30 08:00,,,,5,100,`, // 6 malformed date
  `${tag}7,AA,"JFK",BOS,1997-05-02 09:00,,,,"7",187,"O'Brien""; DROP TABLE flights; --"`, // 7 bad status text
  `${tag}8,ZZ,JFK,BOS,1997-05-02 09:00,,,,7,187,`, // 8 unknown airline
  `${tag}9,AA,JFK,BOS`, // 9 too few fields
  `${tag}10,AA,BOS,JFK,1997-05-03 07:00,,,,20,187,`, // 10 good
];
const csv = `${header}\r\n${rows.join("\r\n")}\r\n`;

const upload = (body: string, type = "text/csv", token = admin.token) =>
  call("/v1/ingestions/flights?source=broken-csv", { method: "POST", token, rawBody: body, headers: { "content-type": type } });

describe("POST /v1/ingestions/flights with a CSV holding broken rows", () => {
  it("keeps the good rows and names every bad one with its reason", async () => {
    const res = await upload(csv);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: "PARTIAL", format: "csv", rows_received: 10, rows_inserted: 3, rows_rejected: 7, rows_duplicate: 0 });
    expect(res.body.quality_score).toBe(0.3);
    const reasons = Object.fromEntries(res.body.errors.map((e: { row: number; message: string }) => [e.row, e.message]));
    expect(Object.keys(reasons).map(Number)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(reasons[3]).toMatch(/unknown airport XXX/);
    expect(reasons[4]).toMatch(/before the scheduled departure/);
    expect(reasons[5]).toMatch(/2880/);
    expect(reasons[6]).toMatch(/scheduled_departure/);
    expect(reasons[7]).toMatch(/status/);
    expect(reasons[8]).toMatch(/unknown airline ZZ/);
    expect(reasons[9]).toMatch(/fields/);
    expect(res.text).not.toMatch(/SQLSTATE|syntax|stack/i);

    const stored = await ownerDb().query<Record<string, any>>(
      "SELECT flight_number, origin, destination, scheduled_departure, arrival_delay_minutes, status FROM flights WHERE ingestion_id = $1 ORDER BY flight_number",
      [res.body.id],
    );
    expect(stored.map((f) => f.flight_number)).toEqual([`${tag}1`, `${tag}10`, `${tag}2`]);
    const first = stored.find((f) => f.flight_number === `${tag}1`)!;
    // 08:00 in New York (EDT, UTC−4); 11:45 in Los Angeles minus 11:30 scheduled = 15 minutes late.
    expect(first.scheduled_departure.toISOString()).toBe("1997-05-01T12:00:00.000Z");
    expect(first).toMatchObject({ origin: "KJFK", destination: "KLAX", arrival_delay_minutes: 15, status: "LANDED" });

    const again = await upload(csv);
    expect(again.body).toMatchObject({ rows_inserted: 0, rows_duplicate: 3, rows_rejected: 7 });
  });

  it("accepts an empty file and logs it", async () => {
    const res = await upload(`${header}\n`);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: "SUCCEEDED", rows_received: 0, quality_score: null, errors: [] });
  });

  it("reads NDJSON with broken lines, never answering 500", async () => {
    const body = ['{"origin":"JFK"', "[1,2]", '{"date":"2001/13/01 10:00","delay":1,"origin":"JFK","destination":"BOS"}', ""].join("\n");
    const res = await upload(body, "application/x-ndjson");
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: "FAILED", rows_received: 3, rows_rejected: 3 });
    expect(res.body.errors.map((e: { row: number }) => e.row)).toEqual([1, 2, 3]);
  });

  it("refuses other media types, oversized bodies and non-admins", async () => {
    expectProblem(await upload(csv, "application/json"), 415, "unsupported_media_type");
    expectProblem(
      await call("/v1/ingestions/flights", {
        method: "POST",
        token: admin.token,
        rawBody: "x",
        headers: { "content-type": "text/csv", "content-length": String(51 * 1024 * 1024) },
      }),
      413,
      "payload_too_large",
    );
    expectProblem(await upload(csv, "text/csv", instructor.token), 403, "forbidden");
    expectProblem(await call("/v1/ingestions", { token: instructor.token }), 403, "forbidden");
  });

  it("lists ingestions newest first", async () => {
    const res = await call("/v1/ingestions?limit=2", { token: admin.token });
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(2);
    expect(res.body.data[0].created_at >= res.body.data[1].created_at).toBe(true);
    expect(res.body.next_cursor).toEqual(expect.any(String));
    expectProblem(await call(`/v1/ingestions/${crypto.randomUUID()}`, { token: admin.token }), 404, "not_found");
  });
});
