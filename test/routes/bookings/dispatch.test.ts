import { beforeAll, describe, expect, it } from "vitest";
import { call, expectProblem } from "../../support/api";
import { ownerDb } from "../../support/db";
import { makeUser, type TestUser } from "../../support/users";
import { addAircraft, addItem, fileSquawk } from "../aircraft/fixtures";
import { callWith, fakeWeather, randomAirports, taf, thunderstorms, type FakeWeather } from "../weather/fake-provider";
import { makeAvailableInstructor } from "./fixtures";

let admin: TestUser;
let fake: FakeWeather;

beforeAll(async () => {
  admin = await makeUser("ADMIN");
  fake = fakeWeather();
});

const minutesFromNow = (m: number) => new Date(Date.now() + m * 60_000);

/** A flight starting in `startsIn` minutes from airports of its own, with clear skies forecast there. */
async function flight(fields: { startsIn?: number; minutes?: number; stormy?: boolean; hobbs?: number; tach?: number } = {}) {
  const [student, instructor] = await Promise.all([makeUser("STUDENT"), makeAvailableInstructor()]);
  const plane = await addAircraft(admin.token, { hobbs_hours: fields.hobbs ?? 1500, tach_hours: fields.tach ?? 1200 });
  const [airport] = await randomAirports(1);
  const from = minutesFromNow(-180);
  const to = minutesFromNow(24 * 60);
  fake.tafs.set(airport!, taf(airport!, from, to, [{ from, to, ...(fields.stormy ? thunderstorms : {}) }]));
  const made = await call("/v1/bookings", {
    method: "POST",
    token: admin.token,
    body: {
      student_id: student.user.id, instructor_id: instructor.user.id, aircraft_id: plane.id,
      departure_airport: airport, arrival_airport: airport,
      scheduled_at: minutesFromNow(fields.startsIn ?? 30).toISOString(), duration_minutes: fields.minutes ?? 60,
    },
  });
  if (made.status !== 201) throw new Error(`not booked: ${made.text}`);
  return { student, instructor, plane, booking: made.body as Record<string, any> };
}

const dispatch = (token: string, id: string, body: unknown) => callWith(fake, `/v1/bookings/${id}/dispatch`, { method: "POST", token, body });
const checkIn = (token: string, id: string, body: unknown) => call(`/v1/bookings/${id}/check-in`, { method: "POST", token, body });
const bookingRow = async (id: string) => (await ownerDb().query("SELECT * FROM bookings WHERE id = $1", [id]))[0]!;

describe("a day's flight: book, dispatch, check in", () => {
  it("moves the aircraft's totals and the item's remaining hours by exactly the flight's hours, squawk filed, all audited", async () => {
    const { student, instructor, plane, booking } = await flight({ hobbs: 1500, tach: 1200 });
    const item = await addItem(admin.token, plane.id, { name: "100-hour", interval_hours: 100, last_done_tach: 1150 });
    expect(item.body).toMatchObject({ remaining_hours: 50, projected_remaining_hours: 49 });

    const out = await dispatch(instructor.token, booking.id, { hobbs_out: 1500, tach_out: 1200 });
    expect(out.status, out.text).toBe(200);
    expect(out.body).toMatchObject({ status: "DISPATCHED", hobbs_out: 1500, tach_out: 1200, weather_status: "OK" });
    expect(out.body.dispatched_at).not.toBeNull();

    const back = await checkIn(student.token, booking.id, {
      hobbs_in: 1501.3, tach_in: 1201.3, squawks: [{ severity: "DISCREPANCY", description: "Right brake soft" }],
    });
    expect(back.status, back.text).toBe(200);
    expect(back.body).toMatchObject({ status: "COMPLETED", hobbs_in: 1501.3, tach_in: 1201.3, flight_hours: 1.3 });
    expect(back.body.squawks).toEqual([
      expect.objectContaining({ severity: "DISCREPANCY", description: "Right brake soft", booking_id: booking.id, reported_by: student.user.id, status: "OPEN" }),
    ]);

    const aircraft = (await call(`/v1/aircraft/${plane.id}`, { token: admin.token })).body;
    expect(aircraft).toMatchObject({ hobbs_hours: 1500 + back.body.flight_hours, tach_hours: 1201.3, airworthy: true });
    const [after] = (await call(`/v1/aircraft/${plane.id}/maintenance-items`, { token: admin.token })).body.data;
    expect(after.remaining_hours).toBeCloseTo(50 - back.body.flight_hours, 5);
    expect(after.projected_remaining_hours).toBeCloseTo(50 - back.body.flight_hours, 5);
    const squawks = (await call(`/v1/aircraft/${plane.id}/squawks`, { token: student.token })).body.data;
    expect(squawks.map((s: { booking_id: string }) => s.booking_id)).toEqual([booking.id]);

    const audit = await ownerDb().query<{ action: string }>(
      // Rows of one statement share its created_at; the action breaks the tie.
      "SELECT action FROM audit_log WHERE (entity_type = 'booking' AND entity_id = $1) OR (entity_type = 'aircraft' AND entity_id = $2) ORDER BY created_at, action",
      [booking.id, plane.id],
    );
    expect(audit.map((a) => a.action)).toEqual(["aircraft.created", "booking.created", "booking.dispatched", "aircraft.times_advanced", "booking.checked_in"]);
  });

  it("lets an admin check in any flight and files a GROUNDING squawk that grounds the aircraft's next bookings", async () => {
    const { plane, booking } = await flight();
    const later = await call("/v1/bookings", {
      method: "POST",
      token: admin.token,
      body: {
        student_id: (await makeUser("STUDENT")).user.id, instructor_id: (await makeAvailableInstructor()).user.id,
        aircraft_id: plane.id, departure_airport: "KJFK", arrival_airport: "KJFK", scheduled_at: minutesFromNow(600).toISOString(),
      },
    });
    expect(later.status).toBe(201);
    expect((await dispatch(admin.token, booking.id, { hobbs_out: 1500.2, tach_out: 1200 })).status).toBe(200);
    const back = await checkIn(admin.token, booking.id, { hobbs_in: 1501, tach_in: 1200.8, squawks: [{ severity: "GROUNDING", description: "Alternator failed" }] });
    expect(back.status).toBe(200);
    expect(back.body.flight_hours).toBe(0.8);
    expect(await bookingRow(later.body.id)).toMatchObject({ status: "AT_RISK", risk_reasons: ["aircraft"] });
  });
});

describe("POST /v1/bookings/:id/dispatch", () => {
  it("refuses a forecast violation now, and leaves the booking as it was", async () => {
    const { instructor, booking } = await flight({ stormy: true });
    const problem = expectProblem(await dispatch(instructor.token, booking.id, { hobbs_out: 1500, tach_out: 1200 }), 409, "dispatch_refused");
    expect(problem.failures).toEqual([expect.objectContaining({ rule: "weather" })]);
    expect(problem.violations).toEqual(expect.arrayContaining([expect.objectContaining({ rule: "thunderstorms" })]));
    expect(await bookingRow(booking.id)).toMatchObject({ status: "CONFIRMED", dispatched_at: null, hobbs_out: null });
  });

  it("dispatches an AT_RISK flight only with an admin's override, and never past an open GROUNDING squawk", async () => {
    const { instructor, plane, booking } = await flight();
    const squawk = await fileSquawk(instructor.token, plane.id, { severity: "GROUNDING", description: "Fuel leak" });
    expect(await bookingRow(booking.id)).toMatchObject({ status: "AT_RISK" });
    const byInstructor = expectProblem(await dispatch(instructor.token, booking.id, { hobbs_out: 1500, tach_out: 1200 }), 409, "dispatch_refused");
    expect(byInstructor.failures).toEqual([expect.objectContaining({ rule: "aircraft" })]);
    expectProblem(await dispatch(instructor.token, booking.id, { hobbs_out: 1500, tach_out: 1200, override_rules: true }), 403, "forbidden");
    // The override passes the AT_RISK state, but the trigger's re-check still finds the squawk.
    const byAdmin = expectProblem(await dispatch(admin.token, booking.id, { hobbs_out: 1500, tach_out: 1200, override_rules: true }), 409, "dispatch_refused");
    expect(byAdmin.reasons).toEqual([{ kind: "squawk", id: squawk.body.id, detail: expect.stringContaining("Fuel leak") }]);

    await call(`/v1/aircraft/${plane.id}/squawks/${squawk.body.id}/resolve`, { method: "POST", token: admin.token, body: { resolution: "REPAIRED", note: "Fitting tightened" } });
    expect(await bookingRow(booking.id)).toMatchObject({ status: "CONFIRMED", risk_reasons: [] });
    expect((await dispatch(instructor.token, booking.id, { hobbs_out: 1500, tach_out: 1200 })).status).toBe(200);
  });

  it("lets an admin dispatch past an overridable finding, recorded on the booking", async () => {
    const { plane, booking } = await flight();
    await ownerDb().query("UPDATE bookings SET status = 'AT_RISK', risk_reasons = '{weather}' WHERE id = $1", [booking.id]);
    await addItem(admin.token, plane.id, { name: "100-hour", interval_hours: 100, last_done_tach: 1100 });
    const res = await dispatch(admin.token, booking.id, { hobbs_out: 1500, tach_out: 1200, override_rules: true });
    expect(res.status, res.text).toBe(200);
    expect(res.body.warnings).toEqual([expect.objectContaining({ kind: "maintenance_overdue", overridden: true })]);
    const [audit] = await ownerDb().query("SELECT metadata FROM audit_log WHERE entity_id = $1 AND action = 'booking.dispatched'", [booking.id]);
    expect(audit!.metadata).toMatchObject({ override_rules: true });
  });

  it("answers bad dispatches with a clear problem and changes nothing", async () => {
    const { student, instructor, booking } = await flight({ hobbs: 1500, tach: 1200 });
    const other = await makeAvailableInstructor();
    expectProblem(await dispatch(student.token, booking.id, { hobbs_out: 1500, tach_out: 1200 }), 403, "forbidden");
    expectProblem(await dispatch(other.token, booking.id, { hobbs_out: 1500, tach_out: 1200 }), 404, "not_found");
    for (const [body, paths] of [
      [{ hobbs_out: 1499.9, tach_out: 1200 }, ["hobbs_out"]],
      [{ hobbs_out: 1500, tach_out: 1199 }, ["tach_out"]],
      [{ hobbs_out: -1, tach_out: 1200 }, ["hobbs_out"]],
      [{ hobbs_out: 1500.05, tach_out: 1200 }, ["hobbs_out"]],
      [{ tach_out: 1200 }, ["hobbs_out"]],
    ] as const) {
      const problem = expectProblem(await dispatch(instructor.token, booking.id, body), 422, "validation_failed");
      expect((problem.errors as { path: string }[]).map((e) => e.path)).toEqual(paths);
    }
    expect(await bookingRow(booking.id)).toMatchObject({ status: "CONFIRMED", hobbs_out: null });

    const early = await flight({ startsIn: 180 });
    expectProblem(await dispatch(early.instructor.token, early.booking.id, { hobbs_out: 1500, tach_out: 1200 }), 409, "invalid_state");
    expectProblem(await dispatch(admin.token, crypto.randomUUID(), { hobbs_out: 1500, tach_out: 1200 }), 404, "not_found");
  });

  it("dispatches once when two dispatches race, and refuses a second one after", async () => {
    const { instructor, booking } = await flight();
    const results = await Promise.all([
      dispatch(instructor.token, booking.id, { hobbs_out: 1500, tach_out: 1200 }),
      dispatch(admin.token, booking.id, { hobbs_out: 1500.1, tach_out: 1200.1 }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expectProblem(await dispatch(instructor.token, booking.id, { hobbs_out: 1500, tach_out: 1200 }), 409, "invalid_state");
    const audit = await ownerDb().query("SELECT 1 FROM audit_log WHERE entity_id = $1 AND action = 'booking.dispatched'", [booking.id]);
    expect(audit).toHaveLength(1);
  });
});

describe("POST /v1/bookings/:id/check-in", () => {
  it("answers bad check-ins with a clear problem and stores nothing", async () => {
    const { student, instructor, plane, booking } = await flight({ hobbs: 1500, tach: 1200 });
    const stranger = await makeUser("STUDENT");
    const good = { hobbs_in: 1501, tach_in: 1201 };
    expectProblem(await checkIn(student.token, booking.id, good), 409, "invalid_state");
    expect((await dispatch(instructor.token, booking.id, { hobbs_out: 1500, tach_out: 1200 })).status).toBe(200);
    expectProblem(await checkIn(stranger.token, booking.id, good), 404, "not_found");
    for (const [body, path] of [
      [{ hobbs_in: 1499.9, tach_in: 1201 }, "hobbs_in"],
      [{ hobbs_in: 1501, tach_in: 1199.5 }, "tach_in"],
      [{ hobbs_in: 1524.1, tach_in: 1201 }, "hobbs_in"],
      [{ hobbs_in: 1501, tach_in: 1224.5 }, "tach_in"],
      [{ hobbs_in: -3, tach_in: 1201 }, "hobbs_in"],
      [{ hobbs_in: 1501, tach_in: 1201, squawks: [{ severity: "BAD", description: "x" }] }, "squawks.0.severity"],
      [{ hobbs_in: 1501, tach_in: 1201, squawks: [{ severity: "INFO", description: "" }] }, "squawks.0.description"],
    ] as const) {
      const problem = expectProblem(await checkIn(student.token, booking.id, body), 422, "validation_failed");
      expect((problem.errors as { path: string }[]).map((e) => e.path)).toEqual([path]);
    }
    expect(await bookingRow(booking.id)).toMatchObject({ status: "DISPATCHED", hobbs_in: null });
    const [meters] = await ownerDb().query("SELECT hobbs_hours, tach_hours FROM aircraft WHERE id = $1", [plane.id]);
    expect(meters).toEqual({ hobbs_hours: "1500.0", tach_hours: "1200.0" });
    expect(await ownerDb().query("SELECT 1 FROM squawks WHERE aircraft_id = $1", [plane.id])).toEqual([]);

    expect((await checkIn(instructor.token, booking.id, good)).status).toBe(200);
    expectProblem(await checkIn(instructor.token, booking.id, good), 409, "invalid_state");
  });
});
