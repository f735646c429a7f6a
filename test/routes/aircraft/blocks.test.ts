import { beforeAll, describe, expect, it } from "vitest";
import { call, expectProblem } from "../../support/api";
import { ownerDb } from "../../support/db";
import { makeUser, type TestUser } from "../../support/users";
import { book, makeAvailableInstructor } from "../bookings/fixtures";
import { addAircraft, bookingsOf, hoursAhead, insertBooking, notificationsOf } from "./fixtures";

let admin: TestUser;
let student: TestUser;
let instructor: TestUser;

beforeAll(async () => {
  [admin, student, instructor] = await Promise.all([makeUser("ADMIN"), makeUser("STUDENT"), makeAvailableInstructor()]);
});

const addBlock = (aircraftId: string, body: unknown, token = admin.token) =>
  call(`/v1/aircraft/${aircraftId}/maintenance-blocks`, { method: "POST", token, body });

describe("maintenance blocks", () => {
  it("flags and notifies the overlapping bookings only, refuses new ones, and frees them when deleted", async () => {
    const plane = await addAircraft(admin.token);
    const people = { studentId: student.user.id, instructorId: instructor.user.id };
    const inside = await insertBooking({ ...people, aircraftId: plane.id, at: hoursAhead(50) });
    const after = await insertBooking({ ...people, aircraftId: plane.id, at: hoursAhead(80) });
    const block = await addBlock(plane.id, {
      starts_at: hoursAhead(48).toISOString(), ends_at: hoursAhead(72).toISOString(), reason: "Avionics upgrade",
    });
    expect(block.status).toBe(201);
    expect(block.body).toMatchObject({ aircraft_id: plane.id, reason: "Avionics upgrade", created_by: admin.user.id });
    expect(await bookingsOf([inside, after])).toEqual({
      [inside]: { status: "AT_RISK", risk_reasons: ["aircraft"] },
      [after]: { status: "CONFIRMED", risk_reasons: [] },
    });
    expect(await notificationsOf(inside)).toHaveLength(2);
    expect(await notificationsOf(after)).toEqual([]);

    const s2 = await makeUser("STUDENT");
    const i2 = await makeAvailableInstructor();
    const attempt = { student_id: s2.user.id, instructor_id: i2.user.id, aircraft_id: plane.id, scheduled_at: hoursAhead(60).toISOString() };
    const refused = expectProblem(await book(admin.token, attempt), 409, "aircraft_unavailable");
    expect(refused.reasons).toEqual([{ kind: "maintenance_block", id: block.body.id, detail: expect.stringContaining("Avionics upgrade") }]);
    // Ending exactly when the block starts does not overlap it.
    const before = await book(admin.token, { ...attempt, scheduled_at: hoursAhead(47).toISOString() });
    expect(before.status).toBe(201);
    // An admin may override a block (it is not a grounding squawk), and it is recorded.
    const forced = await book(admin.token, { ...attempt, scheduled_at: hoursAhead(66).toISOString(), override_rules: true } as never);
    expect(forced.status).toBe(201);
    expect(forced.body.warnings).toEqual([expect.objectContaining({ kind: "maintenance_block", overridden: true })]);

    const list = await call(`/v1/aircraft/${plane.id}/maintenance-blocks`, { token: student.token });
    expect(list.body.data.map((b: { id: string }) => b.id)).toEqual([block.body.id]);

    const removed = await call(`/v1/aircraft/${plane.id}/maintenance-blocks/${block.body.id}`, { method: "DELETE", token: admin.token });
    expect(removed.status).toBe(200);
    expect((await bookingsOf([inside]))[inside]).toEqual({ status: "CONFIRMED", risk_reasons: [] });
    expectProblem(await call(`/v1/aircraft/${plane.id}/maintenance-blocks/${block.body.id}`, { method: "DELETE", token: admin.token }), 404, "not_found");
    const audit = await ownerDb().query("SELECT action FROM audit_log WHERE entity_type = 'maintenance_block' AND entity_id = $1 ORDER BY created_at", [
      block.body.id,
    ]);
    expect(audit.map((a) => a.action)).toEqual(["maintenance_block.created", "maintenance_block.deleted"]);
  });

  it("refuses a block ending before it starts, bad fields, other roles and unknown aircraft, storing nothing", async () => {
    const plane = await addAircraft(admin.token);
    const start = hoursAhead(10).toISOString();
    for (const [body, path] of [
      [{ starts_at: start, ends_at: hoursAhead(9).toISOString(), reason: "x" }, "ends_at"],
      [{ starts_at: start, ends_at: start, reason: "x" }, "ends_at"],
      [{ starts_at: "tomorrow", ends_at: start, reason: "x" }, "starts_at"],
      [{ starts_at: start, ends_at: hoursAhead(11).toISOString(), reason: "" }, "reason"],
    ] as const) {
      const problem = expectProblem(await addBlock(plane.id, body), 422, "validation_failed");
      expect((problem.errors as { path: string }[]).map((e) => e.path)).toEqual([path]);
    }
    const valid = { starts_at: start, ends_at: hoursAhead(11).toISOString(), reason: "Paint" };
    expectProblem(await addBlock(plane.id, valid, instructor.token), 403, "forbidden");
    expectProblem(await addBlock(crypto.randomUUID(), valid), 404, "not_found");
    expect(await ownerDb().query("SELECT 1 FROM maintenance_blocks WHERE aircraft_id = $1", [plane.id])).toEqual([]);
  });
});
