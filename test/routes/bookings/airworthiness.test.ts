import { beforeAll, describe, expect, it } from "vitest";
import { call, expectProblem } from "../../support/api";
import { ownerDb } from "../../support/db";
import { makeUser, type TestUser } from "../../support/users";
import { addAircraft, addItem, bookingsOf, dateFromToday, hoursAhead, notificationsOf } from "../aircraft/fixtures";
import { book, makeAvailableInstructor } from "./fixtures";

let admin: TestUser;

beforeAll(async () => {
  admin = await makeUser("ADMIN");
});

/** A student and an instructor of their own, so only the aircraft is shared. */
const crew = async () => ({ student: await makeUser("STUDENT"), instructor: await makeAvailableInstructor() });

async function bookOn(aircraftId: string, at: Date, minutes = 60, extra: Record<string, unknown> = {}) {
  const { student, instructor } = await crew();
  return book(admin.token, {
    student_id: student.user.id, instructor_id: instructor.user.id, aircraft_id: aircraftId,
    scheduled_at: at.toISOString(), duration_minutes: minutes, ...extra,
  } as never);
}

describe("the aircraft rule on booking", () => {
  it("refuses an aircraft that exists but is not AVAILABLE with 409 (an unknown one stays 422), on create and on patch", async () => {
    const plane = await addAircraft(admin.token);
    await call(`/v1/aircraft/${plane.id}`, { method: "PATCH", token: admin.token, body: { status: "MAINTENANCE" } });
    const refused = expectProblem(await bookOn(plane.id, hoursAhead(20)), 409, "aircraft_unavailable");
    expect(refused.reasons).toEqual([{ kind: "status", detail: expect.stringContaining("MAINTENANCE") }]);
    expectProblem(await bookOn(crypto.randomUUID(), hoursAhead(20)), 422, "validation_failed");

    const free = await addAircraft(admin.token);
    const made = await bookOn(free.id, hoursAhead(22));
    expect(made.status).toBe(201);
    const moved = await call(`/v1/bookings/${made.body.id}`, { method: "PATCH", token: admin.token, body: { aircraft_id: plane.id } });
    expect(expectProblem(moved, 409, "aircraft_unavailable").reasons).toEqual([expect.objectContaining({ kind: "status" })]);
    const [row] = await ownerDb().query("SELECT aircraft_id FROM bookings WHERE id = $1", [made.body.id]);
    expect(row).toEqual({ aircraft_id: free.id });
  });

  it("grounds the bookings of an aircraft sent to maintenance and frees them when it is AVAILABLE again", async () => {
    const plane = await addAircraft(admin.token);
    const made = await bookOn(plane.id, hoursAhead(30));
    await call(`/v1/aircraft/${plane.id}`, { method: "PATCH", token: admin.token, body: { status: "MAINTENANCE" } });
    expect((await bookingsOf([made.body.id]))[made.body.id]).toEqual({ status: "AT_RISK", risk_reasons: ["aircraft"] });
    expect(await notificationsOf(made.body.id)).toHaveLength(2);
    const plain = await call(`/v1/aircraft/${plane.id}`, { method: "PATCH", token: admin.token, body: { status: "AVAILABLE" } });
    expect(plain.body).toMatchObject({ airworthy: true, grounded_reasons: [] });
    expect((await bookingsOf([made.body.id]))[made.body.id]).toEqual({ status: "CONFIRMED", risk_reasons: [] });
  });

  it("refuses a flight on a day after a blocking item's due date, not one before it", async () => {
    const plane = await addAircraft(admin.token);
    // Done 12 months and 10 days ago: due at the end of last month or this one, soon in any case.
    const annual = await addItem(admin.token, plane.id, { name: "Annual", interval_months: 12, last_done_on: dateFromToday(-12, 1) });
    expect(annual.status).toBe(201);
    const dueOn = annual.body.due_on as string;
    const dayAfter = new Date(Date.parse(`${dueOn}T00:00:00Z`) + 86_400_000 + 14 * 3_600_000);
    const refused = expectProblem(await bookOn(plane.id, dayAfter), 409, "aircraft_unavailable");
    expect(refused.reasons).toEqual([{ kind: "maintenance_overdue", id: annual.body.id, detail: expect.stringContaining(dueOn) }]);
    const onTheDay = new Date(Date.parse(`${dueOn}T14:00:00Z`));
    if (onTheDay.getTime() > Date.now() + 3_600_000) expect((await bookOn(plane.id, onTheDay)).status).toBe(201);
  });

  it("counts every active future booking against a 100-hour item's remaining hours, the new one included", async () => {
    const plane = await addAircraft(admin.token, { tach_hours: 1097 });
    const item = await addItem(admin.token, plane.id, { name: "100-hour", interval_hours: 100, last_done_tach: 1000 });
    expect(item.body.remaining_hours).toBe(3);
    expect((await bookOn(plane.id, hoursAhead(100), 120)).status).toBe(201);
    // An earlier flight still uses hours the later one counted on.
    const refused = expectProblem(await bookOn(plane.id, hoursAhead(50), 90), 409, "aircraft_unavailable");
    expect(refused.reasons).toEqual([{ kind: "maintenance_overdue", id: item.body.id, detail: expect.stringContaining("3.0 h left, 3.5 h booked") }]);
    expect((await bookOn(plane.id, hoursAhead(50), 60)).status).toBe(201);
    const [state] = (await call(`/v1/aircraft/${plane.id}/maintenance-items`, { token: admin.token })).body.data;
    expect(state).toMatchObject({ remaining_hours: 3, projected_remaining_hours: 0, status: "DUE_SOON" });
  });

  it("lets exactly the bookings that fit the hours left succeed when they are all sent at once", async () => {
    for (const [remaining, count, fits] of [[3, 2, 1], [3.5, 6, 3]] as const) {
      const plane = await addAircraft(admin.token, { tach_hours: 200 - remaining });
      await addItem(admin.token, plane.id, { name: "100-hour", interval_hours: 100, last_done_tach: 100 });
      const crews = await Promise.all(Array.from({ length: count }, crew));
      const minutes = count === 2 ? 120 : 60;
      const results = await Promise.all(
        crews.map(({ student, instructor }, n) =>
          book(admin.token, {
            student_id: student.user.id, instructor_id: instructor.user.id, aircraft_id: plane.id,
            scheduled_at: hoursAhead(24 + n * 3).toISOString(), duration_minutes: minutes,
          }),
        ),
      );
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([...Array(fits).fill(201), ...Array(count - fits).fill(409)]);
      for (const r of results.filter((x) => x.status === 409)) expect(r.body.code).toBe("aircraft_unavailable");
      const stored = await ownerDb().query("SELECT 1 FROM bookings WHERE aircraft_id = $1", [plane.id]);
      expect(stored).toHaveLength(fits);
    }
  });

  it("lets an admin override an overdue item, recorded on the booking and in its audit entry", async () => {
    const plane = await addAircraft(admin.token, { tach_hours: 100 });
    await addItem(admin.token, plane.id, { name: "100-hour", interval_hours: 100, last_done_tach: 0 });
    const forced = await bookOn(plane.id, hoursAhead(20), 60, { override_rules: true });
    expect(forced.status).toBe(201);
    expect(forced.body.warnings).toEqual([expect.objectContaining({ kind: "maintenance_overdue", overridden: true })]);
    const [audit] = await ownerDb().query("SELECT metadata FROM audit_log WHERE entity_type = 'booking' AND entity_id = $1", [forced.body.id]);
    expect(audit!.metadata).toMatchObject({ override_rules: true, warnings: [expect.objectContaining({ kind: "maintenance_overdue" })] });
  });
});
