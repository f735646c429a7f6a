import { beforeAll, describe, expect, it } from "vitest";
import { MAX_CSV_COLUMNS, MAX_JSON_DEPTH, MAX_RECORD_CHARS, recordReader } from "../../../src/flights/records";
import { call, expectProblem } from "../../support/api";
import { ownerDb } from "../../support/db";
import { makeUser, type TestUser } from "../../support/users";

let admin: TestUser;

beforeAll(async () => {
  admin = await makeUser("ADMIN");
});

// Flights of a day in 1993 (a year only this file uses); the minute is random so runs never collide.
const minute = String(Math.floor(Math.random() * 60)).padStart(2, "0");
const hour = String(Math.floor(Math.random() * 24)).padStart(2, "0");
const vega = (delay: number, day = "05") => JSON.stringify({ date: `1993/03/${day} ${hour}:${minute}`, delay, distance: 187, origin: "BOS", destination: "JFK" });

const upload = (body: string, type: string) =>
  call("/v1/ingestions/flights?source=limits", { method: "POST", token: admin.token, rawBody: body, headers: { "content-type": type } });

describe("ingestion parsing limits", () => {
  it("refuses an overlong NDJSON line and a deeply nested one as rows, keeping the good rows", async () => {
    const body = [vega(1), "x".repeat(5 * 1024 * 1024), "[".repeat(1_000_000), `{"a":${"[".repeat(MAX_JSON_DEPTH)}1${"]".repeat(MAX_JSON_DEPTH)}}`, vega(2)].join("\n");
    const res = await upload(body, "application/x-ndjson");
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: "PARTIAL", rows_received: 5, rows_rejected: 3 });
    expect(res.body.errors).toEqual([
      { row: 2, message: `is longer than ${MAX_RECORD_CHARS} characters` },
      { row: 3, message: `is longer than ${MAX_RECORD_CHARS} characters` },
      { row: 4, message: `nests deeper than ${MAX_JSON_DEPTH} levels` },
    ]);
  });

  it("reads a 10 MiB line with no newline at all as one refused row", async () => {
    const res = await upload("y".repeat(10 * 1024 * 1024), "application/x-ndjson");
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: "FAILED", rows_received: 1, rows_rejected: 1 });
  });

  it("refuses a CSV header with too many columns as a whole, and logs the ingestion FAILED", async () => {
    const res = await upload(`${Array.from({ length: 200_000 }, (_, i) => `c${i}`).join(",")}\n1,2\n`, "text/csv");
    expectProblem(res, 422, "validation_failed");
    expect(res.body.detail).toMatch(new RegExp(`more than ${MAX_CSV_COLUMNS} columns`));
    const [log] = await ownerDb().query("SELECT status, finished_at, errors FROM ingestion_logs WHERE id = $1", [res.body.ingestion_id]);
    expect(log).toMatchObject({ status: "FAILED", errors: [{ row: 0, message: res.body.detail }] });
    expect(log!.finished_at).toBeInstanceOf(Date);
  });

  it("refuses a CSV record with too many fields or too many characters as a row", async () => {
    const header = "date,delay,distance,origin,destination";
    const good = `1993/03/06 ${hour}:${minute},3,187,BOS,JFK`;
    const res = await upload([header, good, "1,".repeat(1_000_000), `"${"z".repeat(MAX_RECORD_CHARS + 1)}"`, good.replace(",3,", ",4,")].join("\n"), "text/csv");
    expect(res.status).toBe(201);
    expect(res.body.errors).toEqual([
      { row: 2, message: `has more than ${MAX_CSV_COLUMNS} fields` },
      { row: 3, message: `is longer than ${MAX_RECORD_CHARS} characters` },
    ]);
    expect(res.body.rows_received).toBe(4);
  });
});

describe("dedupe of rows without a flight number", () => {
  it("keeps two identical rows of one file as two flights, and inserts nothing when the file comes again", async () => {
    const body = [vega(7, "07"), vega(7, "07"), vega(8, "07")].join("\n") + "\n";
    const first = await upload(body, "application/x-ndjson");
    expect(first.body).toMatchObject({ status: "SUCCEEDED", rows_received: 3, rows_inserted: 3, rows_duplicate: 0 });
    const again = await upload(body, "application/x-ndjson");
    expect(again.body).toMatchObject({ rows_received: 3, rows_inserted: 0, rows_duplicate: 3 });
    // The same flights at other positions are another file's rows: they count again.
    const shifted = await upload(`${vega(9, "07")}\n${body}`, "application/x-ndjson");
    expect(shifted.body).toMatchObject({ rows_inserted: 4 });
  });
});

describe("record reader", () => {
  it("reads a line split over many chunks as one record", () => {
    const reader = recordReader("ndjson");
    const line = vega(5);
    const out = [...line].flatMap((ch) => reader.push(ch));
    expect([...out, ...reader.push("\n"), ...reader.end()]).toEqual([{ row: 1, fields: JSON.parse(line) }]);
  });

  it("does not count brackets inside strings towards the depth", () => {
    const reader = recordReader("ndjson");
    const out = reader.push(`{"origin":"${"[".repeat(100)}"}\n`);
    expect(out).toEqual([{ row: 1, fields: { origin: "[".repeat(100) } }]);
  });
});
