import { beforeAll, describe, expect, it } from "vitest";
import { call, expectProblem } from "../../support/api";
import { ownerDb } from "../../support/db";
import { makeUser, type TestUser } from "../../support/users";
import { book, makeAvailableInstructor, nextSlot } from "../bookings/fixtures";
import { addAircraft, addItem, aircraftNow, bookingsOf, dateFromToday, hoursAhead } from "./fixtures";

let admin: TestUser;
let student: TestUser;
let instructor: TestUser;

beforeAll(async () => {
  [admin, student, instructor] = await Promise.all([makeUser("ADMIN"), makeUser("STUDENT"), makeAvailableInstructor()]);
});

const lastDayOfMonth = (year: number, month0: number) => new Date(Date.UTC(year, month0 + 1, 0)).toISOString().slice(0, 10);

describe("POST /v1/aircraft (meters)", () => {
  it("takes hobbs and tach totals in tenths and shows the aircraft airworthy", async () => {
    const plane = await addAircraft(admin.token, { hobbs_hours: 2345.6, tach_hours: 1987.3 });
    expect(plane).toMatchObject({ hobbs_hours: 2345.6, tach_hours: 1987.3, airworthy: true, grounded_reasons: [] });
    expect(await aircraftNow(admin.token, plane.id)).toMatchObject({ hobbs_hours: 2345.6, tach_hours: 1987.3, airworthy: true });
    for (const bad of [{ hobbs_hours: -1 }, { tach_hours: 12.34 }, { hobbs_hours: 100_000 }, { tach_hours: "12" }]) {
      const res = await call("/v1/aircraft", {
        method: "POST",
        token: admin.token,
        body: { tail_number: `N${crypto.randomUUID().slice(0, 6).replace(/-/g, "")}`, type_code: "C172", home_airport: "KJFK", ...bad },
      });
      expectProblem(res, 422, "validation_failed");
    }
  });

  it("never lets a PATCH set the meters", async () => {
    const plane = await addAircraft(admin.token, { hobbs_hours: 10, tach_hours: 8 });
    const res = await call(`/v1/aircraft/${plane.id}`, { method: "PATCH", token: admin.token, body: { tach_hours: 1 } });
    expectProblem(res, 422, "validation_failed");
    expect(await aircraftNow(admin.token, plane.id)).toMatchObject({ hobbs_hours: 10, tach_hours: 8 });
  });

  it("refuses meters going backwards in the database itself", async () => {
    const plane = await addAircraft(admin.token, { hobbs_hours: 10, tach_hours: 8 });
    await expect(ownerDb().query("UPDATE aircraft SET tach_hours = 7.9 WHERE id = $1", [plane.id])).rejects.toThrow();
    expect(await aircraftNow(admin.token, plane.id)).toMatchObject({ tach_hours: 8 });
  });
});

describe("maintenance items", () => {
  it("computes due tach, end-of-month due date, remaining and projected hours and status", async () => {
    const plane = await addAircraft(admin.token, { hobbs_hours: 1200, tach_hours: 1000 });
    const hundred = await addItem(admin.token, plane.id, { name: "100-hour inspection", interval_hours: 100, last_done_tach: 950 });
    expect(hundred.status).toBe(201);
    expect(hundred.body).toMatchObject({
      aircraft_id: plane.id, name: "100-hour inspection", interval_hours: 100, interval_months: null, last_done_tach: 950,
      due_tach: 1050, due_on: null, remaining_hours: 50, projected_remaining_hours: 50, remaining_days: null, status: "OK",
      blocks_booking: true,
    });

    const done = new Date();
    const doneOn = done.toISOString().slice(0, 10);
    const annual = await addItem(admin.token, plane.id, { name: "Annual", interval_months: 12, last_done_on: doneOn, blocks_booking: false });
    const due = lastDayOfMonth(done.getUTCFullYear() + 1, done.getUTCMonth());
    expect(annual.body).toMatchObject({ due_on: due, due_tach: null, remaining_hours: null, status: "OK" });
    expect(annual.body.remaining_days).toBe(Math.round((Date.parse(due) - Date.parse(doneOn)) / 86_400_000));

    // Two booked hours come off the projection, not the remaining hours.
    const made = await book(admin.token, {
      student_id: student.user.id, instructor_id: instructor.user.id, aircraft_id: plane.id,
      scheduled_at: nextSlot().toISOString(), duration_minutes: 120,
    });
    expect(made.status).toBe(201);
    const list = await call(`/v1/aircraft/${plane.id}/maintenance-items`, { token: student.token });
    expect(list.status).toBe(200);
    expect(list.body.data.map((i: { id: string }) => i.id)).toEqual([hundred.body.id, annual.body.id]);
    expect(list.body.data[0]).toMatchObject({ remaining_hours: 50, projected_remaining_hours: 48 });
  });

  it("defaults an hours item to start at the aircraft's tach and a months item at today; warns and overdue", async () => {
    const plane = await addAircraft(admin.token, { tach_hours: 500 });
    const oil = await addItem(admin.token, plane.id, { name: "Oil change", interval_hours: 50, interval_months: 6 });
    expect(oil.body).toMatchObject({ last_done_tach: 500, last_done_on: new Date().toISOString().slice(0, 10), due_tach: 550, status: "OK" });
    const soonByHours = await addItem(admin.token, plane.id, { name: "ELT battery", interval_hours: 50, last_done_tach: 455 });
    expect(soonByHours.body).toMatchObject({ remaining_hours: 5, status: "DUE_SOON" });
    const soonByDays = await addItem(admin.token, plane.id, { name: "Pitot-static", interval_months: 1, last_done_on: dateFromToday(-1) });
    expect(soonByDays.body.status).toBe("DUE_SOON");
    const overdue = await addItem(admin.token, plane.id, {
      name: "Transponder", interval_months: 1, last_done_on: dateFromToday(-3), blocks_booking: false,
    });
    expect(overdue.body.status).toBe("OVERDUE");
    expect(overdue.body.remaining_days).toBeLessThan(0);
    // Not blocking: informational, the aircraft still flies.
    expect((await aircraftNow(admin.token, plane.id)).airworthy).toBe(true);
  });

  it("grounds the aircraft when a blocking item is overdue, and completion resets it and frees its bookings", async () => {
    const plane = await addAircraft(admin.token, { tach_hours: 2000 });
    const made = await book(admin.token, {
      student_id: student.user.id, instructor_id: instructor.user.id, aircraft_id: plane.id, scheduled_at: hoursAhead(20).toISOString(),
    });
    expect(made.status).toBe(201);
    const item = await addItem(admin.token, plane.id, { name: "100-hour", interval_hours: 100, last_done_tach: 1900 });
    expect(item.body).toMatchObject({ remaining_hours: 0, status: "OVERDUE" });
    expect((await bookingsOf([made.body.id]))[made.body.id]).toEqual({ status: "AT_RISK", risk_reasons: ["aircraft"] });
    const grounded = await aircraftNow(admin.token, plane.id);
    expect(grounded.airworthy).toBe(false);
    expect(grounded.grounded_reasons).toEqual([expect.objectContaining({ kind: "maintenance_overdue", id: item.body.id })]);

    const today = new Date().toISOString().slice(0, 10);
    const completed = await call(`/v1/aircraft/${plane.id}/maintenance-items/${item.body.id}/complete`, {
      method: "POST", token: admin.token, body: { done_on: today, tach: 2000 },
    });
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ last_done_tach: 2000, last_done_on: today, due_tach: 2100, remaining_hours: 100, status: "OK" });
    expect((await aircraftNow(admin.token, plane.id)).airworthy).toBe(true);
    expect((await bookingsOf([made.body.id]))[made.body.id]).toEqual({ status: "CONFIRMED", risk_reasons: [] });
    const audit = await ownerDb().query("SELECT action, user_id FROM audit_log WHERE entity_type = 'maintenance_item' AND entity_id = $1 ORDER BY created_at", [
      item.body.id,
    ]);
    expect(audit.map((a) => a.action)).toEqual(["maintenance_item.created", "maintenance_item.completed"]);
  });

  it("refuses an item with no interval, bad hours and readings the aircraft has not reached, storing nothing", async () => {
    const plane = await addAircraft(admin.token, { tach_hours: 300 });
    const cases: [Record<string, unknown>, string][] = [
      [{ name: "Nothing" }, "interval_hours"],
      [{ name: "Nulls", interval_hours: null, interval_months: null }, "interval_hours"],
      [{ name: "Negative", interval_hours: -5 }, "interval_hours"],
      [{ name: "Zero", interval_hours: 0 }, "interval_hours"],
      [{ name: "Hundredths", interval_hours: 50.25 }, "interval_hours"],
      [{ name: "Months", interval_months: 1.5 }, "interval_months"],
      [{ name: "", interval_months: 12 }, "name"],
      [{ name: "Date", interval_months: 12, last_done_on: "2026-02-30" }, "last_done_on"],
      [{ name: "Future tach", interval_hours: 100, last_done_tach: 300.1 }, "last_done_tach"],
      [{ name: "Future date", interval_months: 12, last_done_on: dateFromToday(0, 2) }, "last_done_on"],
    ];
    for (const [body, path] of cases) {
      const problem = expectProblem(await addItem(admin.token, plane.id, body), 422, "validation_failed");
      expect({ body, paths: (problem.errors as { path: string }[]).map((e) => e.path) }).toEqual({ body, paths: [path] });
    }
    const stored = await ownerDb().query("SELECT 1 FROM maintenance_items WHERE aircraft_id = $1", [plane.id]);
    expect(stored).toEqual([]);
    expectProblem(await addItem(admin.token, crypto.randomUUID(), { name: "x", interval_hours: 10 }), 404, "not_found");
    expectProblem(await addItem(student.token, plane.id, { name: "x", interval_hours: 10 }), 403, "forbidden");
  });

  it("refuses a completion going backwards or beyond the aircraft's tach", async () => {
    const plane = await addAircraft(admin.token, { tach_hours: 300 });
    const item = await addItem(admin.token, plane.id, { name: "100-hour", interval_hours: 100, last_done_tach: 250, interval_months: 12, last_done_on: dateFromToday(-2) });
    const complete = (body: unknown) =>
      call(`/v1/aircraft/${plane.id}/maintenance-items/${item.body.id}/complete`, { method: "POST", token: admin.token, body });
    const today = new Date().toISOString().slice(0, 10);
    for (const [body, path] of [
      [{ done_on: today, tach: 249.9 }, "tach"],
      [{ done_on: today, tach: 300.1 }, "tach"],
      [{ done_on: today, tach: -1 }, "tach"],
      [{ done_on: dateFromToday(-3), tach: 260 }, "done_on"],
      [{ done_on: dateFromToday(0, 3), tach: 260 }, "done_on"],
    ] as const) {
      const problem = expectProblem(await complete(body), 422, "validation_failed");
      expect((problem.errors as { path: string }[]).map((e) => e.path)).toEqual([path]);
    }
    expect((await call(`/v1/aircraft/${plane.id}/maintenance-items`, { token: admin.token })).body.data[0]).toMatchObject({ last_done_tach: 250 });
    expectProblem(
      await call(`/v1/aircraft/${plane.id}/maintenance-items/${crypto.randomUUID()}/complete`, {
        method: "POST", token: admin.token, body: { done_on: today, tach: 260 },
      }),
      404,
      "not_found",
    );
  });

  it("replays an item for the same Idempotency-Key and pages the list", async () => {
    const plane = await addAircraft(admin.token, { tach_hours: 10 });
    const headers = { "idempotency-key": crypto.randomUUID() };
    const first = await addItem(admin.token, plane.id, { name: "Annual", interval_months: 12 }, headers);
    const again = await addItem(admin.token, plane.id, { name: "Annual", interval_months: 12 }, headers);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    await addItem(admin.token, plane.id, { name: "100-hour", interval_hours: 100 });
    const page1 = await call(`/v1/aircraft/${plane.id}/maintenance-items?limit=1`, { token: admin.token });
    expect(page1.body.data).toHaveLength(1);
    const page2 = await call(`/v1/aircraft/${plane.id}/maintenance-items?limit=1&cursor=${page1.body.next_cursor}`, { token: admin.token });
    expect(page2.body.data.map((i: { name: string }) => i.name)).toEqual(["100-hour"]);
    expect(page2.body.next_cursor).toBeNull();
    expectProblem(await call(`/v1/aircraft/${crypto.randomUUID()}/maintenance-items`, { token: admin.token }), 404, "not_found");
  });
});
