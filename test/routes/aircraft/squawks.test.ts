import { beforeAll, describe, expect, it } from "vitest";
import { call, expectProblem } from "../../support/api";
import { ownerDb } from "../../support/db";
import { makeUser, type TestUser } from "../../support/users";
import { book, makeAvailableInstructor } from "../bookings/fixtures";
import { addAircraft, aircraftNow, bookingsOf, fileSquawk, hoursAhead, insertBooking, notificationsOf, resolve } from "./fixtures";

let admin: TestUser;
let student: TestUser;
let instructor: TestUser;

beforeAll(async () => {
  [admin, student, instructor] = await Promise.all([makeUser("ADMIN"), makeUser("STUDENT"), makeAvailableInstructor()]);
});

describe("POST /v1/aircraft/:id/squawks", () => {
  it("lets anyone report a defect, audited; INFO and DISCREPANCY leave the aircraft flying", async () => {
    const plane = await addAircraft(admin.token);
    const res = await fileSquawk(student.token, plane.id, { severity: "DISCREPANCY", description: "Left nav light out" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      aircraft_id: plane.id, severity: "DISCREPANCY", description: "Left nav light out", status: "OPEN",
      reported_by: student.user.id, booking_id: null, resolution: null, resolution_note: null, resolved_by: null, resolved_at: null,
    });
    await fileSquawk(student.token, plane.id, { severity: "INFO", description: "Headset jack crackles" });
    expect((await aircraftNow(admin.token, plane.id)).airworthy).toBe(true);
    const audit = await ownerDb().query("SELECT action, user_id FROM audit_log WHERE entity_type = 'squawk' AND entity_id = $1", [res.body.id]);
    expect(audit).toEqual([{ action: "squawk.filed", user_id: student.user.id }]);
  });

  it("flags exactly the aircraft's active future bookings, once, and frees them when the last grounding squawk goes", async () => {
    const [plane, other] = [await addAircraft(admin.token), await addAircraft(admin.token)];
    const people = { studentId: student.user.id, instructorId: instructor.user.id };
    const [s2, i2] = [await makeUser("STUDENT"), await makeAvailableInstructor()];
    const upcoming = await insertBooking({ ...people, aircraftId: plane.id, at: hoursAhead(30) });
    const stormy = await insertBooking({ ...people, aircraftId: plane.id, at: hoursAhead(60), status: "AT_RISK", riskReasons: ["weather"] });
    const flown = await insertBooking({ ...people, aircraftId: plane.id, at: hoursAhead(-30) });
    const cancelled = await insertBooking({ ...people, aircraftId: plane.id, at: hoursAhead(90), status: "CANCELLED" });
    const elsewhere = await insertBooking({ studentId: s2.user.id, instructorId: i2.user.id, aircraftId: other.id, at: hoursAhead(30) });

    const first = await fileSquawk(instructor.token, plane.id, { severity: "GROUNDING", description: "Cracked windshield", booking_id: flown });
    expect(first.status).toBe(201);
    expect(first.body.booking_id).toBe(flown);
    expect(await bookingsOf([upcoming, stormy, flown, cancelled, elsewhere])).toEqual({
      [upcoming]: { status: "AT_RISK", risk_reasons: ["aircraft"] },
      [stormy]: { status: "AT_RISK", risk_reasons: ["weather", "aircraft"] },
      [flown]: { status: "CONFIRMED", risk_reasons: [] },
      [cancelled]: { status: "CANCELLED", risk_reasons: [] },
      [elsewhere]: { status: "CONFIRMED", risk_reasons: [] },
    });
    const both = [student.user.id, instructor.user.id].sort();
    for (const id of [upcoming, stormy]) expect((await notificationsOf(id)).map((n) => n.user_id)).toEqual(both);
    for (const id of [flown, cancelled, elsewhere]) expect(await notificationsOf(id)).toEqual([]);
    const grounded = await aircraftNow(admin.token, plane.id);
    expect(grounded).toMatchObject({ airworthy: false, grounded_reasons: [{ kind: "squawk", id: first.body.id, detail: expect.stringContaining("Cracked windshield") }] });

    // A second grounding reason tells nobody again; resolving one of two keeps the aircraft grounded.
    const second = await fileSquawk(admin.token, plane.id, { severity: "GROUNDING", description: "Oil leak" });
    expect((await notificationsOf(upcoming))).toHaveLength(2);
    expect((await resolve(admin.token, plane.id, first.body.id, { resolution: "REPAIRED", note: "Windshield replaced" })).status).toBe(200);
    expect((await bookingsOf([upcoming]))[upcoming]).toEqual({ status: "AT_RISK", risk_reasons: ["aircraft"] });

    const last = await resolve(admin.token, plane.id, second.body.id, { resolution: "NOT_REPRODUCED", note: "Dry after run-up" });
    expect(last.status).toBe(200);
    expect(last.body).toMatchObject({ status: "RESOLVED", resolution: "NOT_REPRODUCED", resolution_note: "Dry after run-up", resolved_by: admin.user.id });
    expect(await bookingsOf([upcoming, stormy])).toEqual({
      [upcoming]: { status: "CONFIRMED", risk_reasons: [] },
      [stormy]: { status: "AT_RISK", risk_reasons: ["weather"] },
    });
    expect((await aircraftNow(admin.token, plane.id)).airworthy).toBe(true);
    const audit = await ownerDb().query("SELECT action FROM audit_log WHERE entity_type = 'booking' AND entity_id = $1 ORDER BY created_at", [upcoming]);
    expect(audit.map((a) => a.action)).toEqual(["booking.aircraft_at_risk", "booking.aircraft_cleared"]);
  });

  it("grounds at once under concurrency: every booking made while squawks are filed is either refused or flagged", async () => {
    const plane = await addAircraft(admin.token);
    const crews = await Promise.all(Array.from({ length: 6 }, async () => ({ s: await makeUser("STUDENT"), i: await makeAvailableInstructor() })));
    const results = await Promise.all([
      ...crews.map(({ s, i }, n) =>
        book(admin.token, { student_id: s.user.id, instructor_id: i.user.id, aircraft_id: plane.id, scheduled_at: hoursAhead(24 + n * 2).toISOString() }),
      ),
      fileSquawk(student.token, plane.id, { severity: "GROUNDING", description: "Flat nose tyre" }),
      fileSquawk(student.token, plane.id, { severity: "GROUNDING", description: "Flat main tyre" }),
    ]);
    const booked = results.slice(0, 6);
    for (const r of booked) expect([201, 409]).toContain(r.status);
    const made = await ownerDb().query<{ id: string; status: string; risk_reasons: string[] }>(
      "SELECT id, status, risk_reasons FROM bookings WHERE aircraft_id = $1",
      [plane.id],
    );
    expect(made.length).toBe(booked.filter((r) => r.status === 201).length);
    for (const b of made) {
      expect(b).toMatchObject({ status: "AT_RISK", risk_reasons: ["aircraft"] });
      expect(await notificationsOf(b.id)).toHaveLength(2);
    }
  });

  it("refuses a booking on an aircraft with an open GROUNDING squawk, even with an admin's override", async () => {
    const plane = await addAircraft(admin.token);
    const squawk = await fileSquawk(student.token, plane.id, { severity: "GROUNDING", description: "Mag drop beyond limits" });
    const body = { student_id: student.user.id, instructor_id: instructor.user.id, aircraft_id: plane.id, scheduled_at: hoursAhead(40).toISOString() };
    for (const extra of [{}, { override_rules: true }]) {
      const problem = expectProblem(await book(admin.token, { ...body, ...extra } as never), 409, "aircraft_unavailable");
      expect(problem.reasons).toEqual([{ kind: "squawk", id: squawk.body.id, detail: expect.stringContaining("Mag drop") }]);
    }
    expect(await ownerDb().query("SELECT 1 FROM bookings WHERE aircraft_id = $1", [plane.id])).toEqual([]);
  });

  it("keeps the history newest first, page by page, filtered by status", async () => {
    const plane = await addAircraft(admin.token);
    const filed = [];
    for (const description of ["one", "two", "three"]) {
      filed.push((await fileSquawk(student.token, plane.id, { severity: "INFO", description })).body);
    }
    await resolve(admin.token, plane.id, filed[0].id, { resolution: "NO_ACTION", note: "Normal" });
    const page1 = await call(`/v1/aircraft/${plane.id}/squawks?limit=2`, { token: student.token });
    expect(page1.body.data.map((s: { description: string }) => s.description)).toEqual(["three", "two"]);
    const page2 = await call(`/v1/aircraft/${plane.id}/squawks?limit=2&cursor=${page1.body.next_cursor}`, { token: student.token });
    expect(page2.body).toMatchObject({ data: [{ description: "one", status: "RESOLVED" }], next_cursor: null });
    const open = await call(`/v1/aircraft/${plane.id}/squawks?status=OPEN`, { token: student.token });
    expect(open.body.data.map((s: { description: string }) => s.description)).toEqual(["three", "two"]);
    expectProblem(await call(`/v1/aircraft/${plane.id}/squawks?status=CLOSED`, { token: student.token }), 422, "validation_failed");
    expectProblem(await call(`/v1/aircraft/${crypto.randomUUID()}/squawks`, { token: student.token }), 404, "not_found");
  });

  it("never changes what was reported and never deletes a squawk, not even as the owner", async () => {
    const plane = await addAircraft(admin.token);
    const squawk = (await fileSquawk(student.token, plane.id, { severity: "DISCREPANCY", description: "Door seal worn" })).body;
    const db = ownerDb();
    await expect(db.query("UPDATE squawks SET description = 'nothing' WHERE id = $1", [squawk.id])).rejects.toThrow();
    await expect(db.query("DELETE FROM squawks WHERE id = $1", [squawk.id])).rejects.toThrow();
    const [row] = await db.query("SELECT description FROM squawks WHERE id = $1", [squawk.id]);
    expect(row).toEqual({ description: "Door seal worn" });
  });

  it("answers bad input with a clear problem and stores nothing", async () => {
    const plane = await addAircraft(admin.token);
    const other = await addAircraft(admin.token);
    const foreign = await insertBooking({ studentId: student.user.id, instructorId: instructor.user.id, aircraftId: other.id, at: hoursAhead(300) });
    expectProblem(await fileSquawk(student.token, crypto.randomUUID(), { severity: "INFO", description: "x" }), 404, "not_found");
    expectProblem(await fileSquawk(student.token, "nope", { severity: "INFO", description: "x" }), 422, "validation_failed");
    for (const [body, path] of [
      [{ severity: "SEVERE", description: "x" }, "severity"],
      [{ severity: "INFO", description: "   " }, "description"],
      [{ severity: "INFO", description: "a\u0000b" }, "description"],
      [{ severity: "INFO" }, "description"],
      [{ severity: "INFO", description: "x", booking_id: foreign }, "booking_id"],
      [{ severity: "INFO", description: "x", status: "RESOLVED" }, "status"],
    ] as const) {
      const problem = expectProblem(await fileSquawk(student.token, plane.id, body), 422, "validation_failed");
      expect((problem.errors as { path: string }[]).map((e) => e.path)).toEqual([path]);
    }
    expect(await ownerDb().query("SELECT 1 FROM squawks WHERE aircraft_id = $1", [plane.id])).toEqual([]);
  });

  it("resolves once, defers only non-grounding squawks, and only admins decide", async () => {
    const plane = await addAircraft(admin.token);
    const grounding = (await fileSquawk(student.token, plane.id, { severity: "GROUNDING", description: "Prop nick" })).body;
    const minor = (await fileSquawk(student.token, plane.id, { severity: "DISCREPANCY", description: "Seat rail stiff" })).body;
    expectProblem(await resolve(student.token, plane.id, minor.id, { resolution: "REPAIRED", note: "x" }), 403, "forbidden");
    expectProblem(await resolve(admin.token, plane.id, grounding.id, { resolution: "DEFERRED", note: "later" }), 409, "invalid_state");
    const deferred = await resolve(admin.token, plane.id, minor.id, { resolution: "DEFERRED", note: "At the annual" });
    expect(deferred.body).toMatchObject({ status: "DEFERRED", resolution: "DEFERRED", resolved_at: null });
    expectProblem(await resolve(admin.token, plane.id, minor.id, { resolution: "DEFERRED", note: "again" }), 409, "invalid_state");
    expect((await resolve(admin.token, plane.id, minor.id, { resolution: "REPAIRED", note: "Lubricated" })).body.status).toBe("RESOLVED");
    expectProblem(await resolve(admin.token, plane.id, minor.id, { resolution: "NO_ACTION", note: "twice" }), 409, "invalid_state");
    expectProblem(await resolve(admin.token, plane.id, crypto.randomUUID(), { resolution: "REPAIRED", note: "x" }), 404, "not_found");
    expectProblem(await resolve(admin.token, plane.id, grounding.id, { resolution: "FIXED", note: "x" }), 422, "validation_failed");
    expectProblem(await resolve(admin.token, plane.id, grounding.id, { resolution: "REPAIRED" }), 422, "validation_failed");
    const [still] = await ownerDb().query("SELECT status FROM squawks WHERE id = $1", [grounding.id]);
    expect(still).toEqual({ status: "OPEN" });
    expect((await aircraftNow(admin.token, plane.id)).airworthy).toBe(false);
  });

  it("replays the first response for the same Idempotency-Key", async () => {
    const plane = await addAircraft(admin.token);
    const headers = { "idempotency-key": crypto.randomUUID() };
    const first = await fileSquawk(student.token, plane.id, { severity: "INFO", description: "Sun visor loose" }, headers);
    const again = await fileSquawk(student.token, plane.id, { severity: "INFO", description: "Sun visor loose" }, headers);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await ownerDb().query("SELECT 1 FROM squawks WHERE aircraft_id = $1", [plane.id])).toHaveLength(1);
  });
});
