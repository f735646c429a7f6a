import { beforeAll, describe, expect, it } from "vitest";
import { call, expectProblem } from "../../support/api";
import { ownerDb } from "../../support/db";
import { makeUser, type TestUser } from "../../support/users";

let admin: TestUser;
let student: TestUser;
let instructor: TestUser;

beforeAll(async () => {
  [admin, student, instructor] = await Promise.all([makeUser("ADMIN"), makeUser("STUDENT"), makeUser("INSTRUCTOR")]);
});

const tail = () => `N${crypto.randomUUID().replace(/-/g, "").slice(0, 7)}`;
const create = (body: unknown, token = admin.token, headers: Record<string, string> = {}) =>
  call("/v1/aircraft", { method: "POST", token, body, headers });
const patch = (id: string, body: unknown, token = admin.token) => call(`/v1/aircraft/${id}`, { method: "PATCH", token, body });

describe("POST /v1/aircraft", () => {
  it("adds an aircraft, upper-casing the tail and resolving an IATA home airport, audited", async () => {
    const tailNumber = tail();
    const res = await create({ tail_number: tailNumber.toLowerCase(), type_code: "c172", home_airport: "jfk", crosswind_limit_kt: 15 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      tail_number: tailNumber.toUpperCase(),
      type_code: "C172",
      home_airport: "KJFK",
      crosswind_limit_kt: 15,
      status: "AVAILABLE",
    });
    expect(res.body.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const audit = await ownerDb().query("SELECT action, user_id, metadata FROM audit_log WHERE entity_type = 'aircraft' AND entity_id = $1", [
      res.body.id,
    ]);
    expect(audit).toEqual([
      expect.objectContaining({ action: "aircraft.created", user_id: admin.user.id, metadata: expect.objectContaining({ home_airport: "KJFK" }) }),
    ]);
  });

  it("defaults the crosswind limit to none", async () => {
    const res = await create({ tail_number: tail(), type_code: "DA40", home_airport: "KDEN" });
    expect(res.status).toBe(201);
    expect(res.body.crosswind_limit_kt).toBeNull();
  });

  it("answers 409 for a tail number already in the fleet, whatever its case", async () => {
    const tailNumber = tail();
    expect((await create({ tail_number: tailNumber, type_code: "C152", home_airport: "KJFK" })).status).toBe(201);
    const again = await create({ tail_number: tailNumber.toLowerCase(), type_code: "P28A", home_airport: "KDEN" });
    const problem = expectProblem(again, 409, "conflict");
    expect(problem.errors).toEqual([expect.objectContaining({ path: "tail_number" })]);
  });

  it("answers 422 naming the unknown type or airport, and adds nothing", async () => {
    const tailNumber = tail();
    const badType = expectProblem(await create({ tail_number: tailNumber, type_code: "ZZ99", home_airport: "KJFK" }), 422, "validation_failed");
    expect(badType.errors).toEqual([expect.objectContaining({ path: "type_code" })]);
    const badAirport = expectProblem(await create({ tail_number: tailNumber, type_code: "C172", home_airport: "Q0Q0" }), 422, "validation_failed");
    expect(badAirport.errors).toEqual([expect.objectContaining({ path: "home_airport" })]);
    const both = expectProblem(await create({ tail_number: tailNumber, type_code: "ZZ99", home_airport: "Q0Q" }), 422, "validation_failed");
    expect((both.errors as { path: string }[]).map((e) => e.path).sort()).toEqual(["home_airport", "type_code"]);
    const stored = await ownerDb().query("SELECT 1 FROM aircraft WHERE tail_number = $1", [tailNumber]);
    expect(stored).toEqual([]);
  });

  it("refuses malformed fields with 422, never 500", async () => {
    for (const body of [
      { tail_number: "N1'; DROP TABLE aircraft; --", type_code: "C172", home_airport: "KJFK" },
      { tail_number: tail(), type_code: "C172", home_airport: "KJFK", crosswind_limit_kt: 61 },
      { tail_number: tail(), type_code: "C172", home_airport: "KJFK", crosswind_limit_kt: 12.5 },
      { tail_number: tail(), type_code: "C172", home_airport: "✈✈✈" },
      { tail_number: tail(), type_code: "C172" },
      { tail_number: tail(), type_code: "C172", home_airport: "KJFK", color: "red" },
    ]) {
      expectProblem(await create(body), 422, "validation_failed");
    }
  });

  it("replays the first response for the same Idempotency-Key", async () => {
    const body = { tail_number: tail(), type_code: "SR20", home_airport: "KDEN" };
    const key = crypto.randomUUID();
    const first = await create(body, admin.token, { "idempotency-key": key });
    const again = await create(body, admin.token, { "idempotency-key": key });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expectProblem(await create({ ...body, type_code: "C172" }, admin.token, { "idempotency-key": key }), 422, "idempotency_key_reused");
  });

  it("is for admins only", async () => {
    for (const who of [student, instructor]) {
      expectProblem(await create({ tail_number: tail(), type_code: "C172", home_airport: "KJFK" }, who.token), 403, "forbidden");
    }
  });
});

describe("GET /v1/aircraft", () => {
  it("lists the fleet to anyone signed in, page by page, filtered by status", async () => {
    const mine = await create({ tail_number: tail(), type_code: "C172", home_airport: "KJFK" });
    const grounded = await create({ tail_number: tail(), type_code: "C172", home_airport: "KJFK" });
    expect((await patch(grounded.body.id, { status: "MAINTENANCE" })).status).toBe(200);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const after: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
      const res = await call(`/v1/aircraft?limit=2${after}`, { token: student.token });
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.data.map((a: { id: string }) => a.id));
      cursor = res.body.next_cursor;
    } while (cursor);
    expect(seen).toEqual(expect.arrayContaining([mine.body.id, grounded.body.id]));
    expect(new Set(seen).size).toBe(seen.length);

    const inMaintenance = await call("/v1/aircraft?status=MAINTENANCE&limit=200", { token: instructor.token });
    expect(inMaintenance.body.data.every((a: { status: string }) => a.status === "MAINTENANCE")).toBe(true);
    const ids = inMaintenance.body.data.map((a: { id: string }) => a.id);
    expect(ids).toContain(grounded.body.id);
    expect(ids).not.toContain(mine.body.id);
    expectProblem(await call("/v1/aircraft?status=BROKEN", { token: student.token }), 422, "validation_failed");
  });
});

describe("PATCH /v1/aircraft/:id", () => {
  it("changes status and other fields, audited with before and after", async () => {
    const created = await create({ tail_number: tail(), type_code: "C172", home_airport: "KJFK" });
    const res = await patch(created.body.id, { status: "MAINTENANCE", home_airport: "den", crosswind_limit_kt: 12 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: created.body.id, status: "MAINTENANCE", home_airport: "KDEN", crosswind_limit_kt: 12 });
    const [audit] = await ownerDb().query(
      "SELECT metadata FROM audit_log WHERE entity_id = $1 AND action = 'aircraft.updated'",
      [created.body.id],
    );
    expect(audit?.metadata).toEqual({
      before: { status: "AVAILABLE", home_airport: "KJFK", crosswind_limit_kt: null },
      after: { status: "MAINTENANCE", home_airport: "KDEN", crosswind_limit_kt: 12 },
    });
    const retired = await patch(created.body.id, { status: "RETIRED", crosswind_limit_kt: null });
    expect(retired.body).toMatchObject({ status: "RETIRED", crosswind_limit_kt: null, home_airport: "KDEN" });
  });

  it("answers 422 for an unknown type or airport and changes nothing", async () => {
    const created = await create({ tail_number: tail(), type_code: "C172", home_airport: "KJFK" });
    const problem = expectProblem(await patch(created.body.id, { status: "RETIRED", type_code: "ZZ99" }), 422, "validation_failed");
    expect(problem.errors).toEqual([expect.objectContaining({ path: "type_code" })]);
    expectProblem(await patch(created.body.id, { home_airport: "Q0Q0" }), 422, "validation_failed");
    const [row] = await ownerDb().query("SELECT status, type_code, home_airport FROM aircraft WHERE id = $1", [created.body.id]);
    expect(row).toEqual({ status: "AVAILABLE", type_code: "C172", home_airport: "KJFK" });
  });

  it("answers 409 for another aircraft's tail number, 404 for an unknown aircraft", async () => {
    const [a, b] = await Promise.all([
      create({ tail_number: tail(), type_code: "C172", home_airport: "KJFK" }),
      create({ tail_number: tail(), type_code: "C172", home_airport: "KJFK" }),
    ]);
    expectProblem(await patch(b.body.id, { tail_number: a.body.tail_number }), 409, "conflict");
    expectProblem(await patch(crypto.randomUUID(), { status: "RETIRED" }), 404, "not_found");
    expectProblem(await patch("not-a-uuid", { status: "RETIRED" }), 422, "validation_failed");
  });

  it("refuses bad values, an empty change, and non-admins", async () => {
    const created = await create({ tail_number: tail(), type_code: "C172", home_airport: "KJFK" });
    expectProblem(await patch(created.body.id, { status: "SCRAPPED" }), 422, "validation_failed");
    expectProblem(await patch(created.body.id, {}), 422, "validation_failed");
    expectProblem(await patch(created.body.id, { status: "RETIRED" }, instructor.token), 403, "forbidden");
    const [row] = await ownerDb().query("SELECT status FROM aircraft WHERE id = $1", [created.body.id]);
    expect(row?.status).toBe("AVAILABLE");
  });
});
