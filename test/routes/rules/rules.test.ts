import { beforeAll, describe, expect, it } from "vitest";
import { call, expectProblem } from "../../support/api";
import { ownerDb } from "../../support/db";
import { makeUser, type TestUser } from "../../support/users";
import { makeAircraft, makeAvailableInstructor, nextSlot } from "../bookings/fixtures";

let admin: TestUser;
let instructor: TestUser;
let student: TestUser;

beforeAll(async () => {
  [admin, instructor, student] = await Promise.all([makeUser("ADMIN"), makeAvailableInstructor(), makeUser("STUDENT")]);
});

const qualify = (token: string, userId: string, body: unknown) =>
  call(`/v1/users/${userId}/qualifications`, { method: "POST", token, body });

/** A SOLO flight from KJFK, booked by an admin. */
const solo = (who: TestUser, aircraft: string, at: Date, extra: Record<string, unknown> = {}) =>
  call("/v1/bookings", {
    method: "POST",
    token: admin.token,
    body: {
      student_id: who.user.id, instructor_id: instructor.user.id, aircraft_id: aircraft, lesson_type: "SOLO",
      departure_airport: "KJFK", arrival_airport: "KJFK", scheduled_at: at.toISOString(), duration_minutes: 60, ...extra,
    },
  });

/** 16:00 UTC (11:00 or 12:00 in New York) on one of the fixture's days: well within daylight. */
const midday = () => new Date(nextSlot().getTime() + 6 * 3_600_000);

describe("qualifications", () => {
  it("records, replaces (200) and lists them, audited; instructors only endorse their students", async () => {
    const created = await qualify(admin.token, student.user.id, { kind: "MEDICAL", issued_on: "2026-01-10", expires_on: "2031-01-31" });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ kind: "MEDICAL", aircraft_type_code: null, issued_on: "2026-01-10", expires_on: "2031-01-31" });
    const replaced = await qualify(admin.token, student.user.id, { kind: "MEDICAL", issued_on: "2026-02-01", expires_on: "2032-01-31" });
    expect(replaced.status).toBe(200);
    expect(replaced.body.id).toBe(created.body.id);

    // Not their student yet: the instructor may not even know the student's record.
    expectProblem(await qualify(instructor.token, student.user.id, { kind: "SOLO_ENDORSEMENT" }), 404, "not_found");
    await ownerDb().query(
      `INSERT INTO bookings (student_id, instructor_id, departure_airport, arrival_airport, departure_latitude, departure_longitude,
         arrival_latitude, arrival_longitude, scheduled_at, duration_minutes, training_level)
       SELECT $1, $2, 'KJFK', 'KJFK', a.latitude, a.longitude, a.latitude, a.longitude, $3, 60, 'STUDENT_PILOT' FROM airports a WHERE icao = 'KJFK'`,
      [student.user.id, instructor.user.id, nextSlot().toISOString()],
    );
    expect((await qualify(instructor.token, student.user.id, { kind: "SOLO_ENDORSEMENT", expires_on: "2031-01-01" })).status).toBe(201);
    expect((await qualify(instructor.token, student.user.id, { kind: "AIRCRAFT_CHECKOUT", aircraft_type_code: "c172" })).status).toBe(201);
    expectProblem(await qualify(instructor.token, student.user.id, { kind: "MEDICAL" }), 403, "forbidden");
    expectProblem(await qualify(student.token, student.user.id, { kind: "MEDICAL" }), 403, "forbidden");

    const first = await call(`/v1/users/${student.user.id}/qualifications?limit=2`, { token: student.token });
    expect(first.status).toBe(200);
    expect(first.body.data.map((q: { kind: string }) => q.kind)).toEqual(["MEDICAL", "SOLO_ENDORSEMENT"]);
    const second = await call(`/v1/users/${student.user.id}/qualifications?limit=2&cursor=${first.body.next_cursor}`, { token: instructor.token });
    expect(second.body).toMatchObject({ data: [{ kind: "AIRCRAFT_CHECKOUT", aircraft_type_code: "C172" }], next_cursor: null });

    const audit = await ownerDb().query<{ action: string }>(
      "SELECT action FROM audit_log WHERE entity_type = 'user' AND entity_id = $1 AND action LIKE 'qualification.%' ORDER BY created_at",
      [student.user.id],
    );
    expect(audit.map((a) => a.action)).toEqual(["qualification.recorded", "qualification.replaced", "qualification.recorded", "qualification.recorded"]);

    const other = await makeUser("STUDENT");
    expectProblem(await call(`/v1/users/${student.user.id}/qualifications`, { token: other.token }), 404, "not_found");
    expectProblem(await call(`/v1/users/${student.user.id}/qualifications/${created.body.id}`, { method: "DELETE", token: instructor.token }), 403, "forbidden");
    expect((await call(`/v1/users/${student.user.id}/qualifications/${created.body.id}`, { method: "DELETE", token: admin.token })).status).toBe(204);
    expectProblem(await call(`/v1/users/${student.user.id}/qualifications/${created.body.id}`, { method: "DELETE", token: admin.token }), 404, "not_found");
  });

  it("refuses unknown kinds, expiry before issue, a checkout without a type, a type elsewhere, unknown types", async () => {
    const bad: [unknown, string][] = [
      [{ kind: "PILOT_LICENCE" }, "kind"],
      [{ kind: "MEDICAL", issued_on: "2026-05-01", expires_on: "2026-04-30" }, "expires_on"],
      [{ kind: "AIRCRAFT_CHECKOUT" }, "aircraft_type_code"],
      [{ kind: "MEDICAL", aircraft_type_code: "C172" }, "aircraft_type_code"],
      [{ kind: "MEDICAL", expires_on: "2026-02-30" }, "expires_on"],
      [{ kind: "AIRCRAFT_CHECKOUT", aircraft_type_code: "ZZ99" }, "aircraft_type_code"],
    ];
    for (const [body, path] of bad) {
      const problem = expectProblem(await qualify(admin.token, student.user.id, body), 422, "validation_failed");
      expect((problem.errors as { path: string }[]).map((e) => e.path), JSON.stringify(body)).toContain(path);
    }
  });
});

describe("booking rules setting", () => {
  it("shows every rule with its mode and parameters, admins only", async () => {
    const res = await call("/v1/settings/booking-rules", { token: admin.token });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.rules).sort()).toEqual([
      "aircraft_checkout", "booking_horizon", "daylight", "flight_review", "instructor_certificate", "instructor_duty",
      "medical", "solo_endorsement", "student_active_bookings",
    ]);
    expect(res.body.rules.instructor_duty).toMatchObject({ mode: "block", max_minutes: 480 });
    expect(res.body.rules.daylight).toMatchObject({ mode: "block", levels: ["STUDENT_PILOT"] });
    expect(res.body.late_cancel_hours).toBe(24);
    expectProblem(await call("/v1/settings/booking-rules", { token: instructor.token }), 403, "forbidden");
  });

  it("changes only what is sent, audited; refuses unknown rules, modes and out-of-range limits", async () => {
    // A rule that is off stays off whatever its limit, so other tests never see a difference.
    const changed = await call("/v1/settings/booking-rules", {
      method: "PUT", token: admin.token, body: { rules: { student_active_bookings: { max: 7 } } },
    });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body.rules.student_active_bookings).toEqual({ mode: "off", max: 7 });
    expect(changed.body.rules.instructor_duty).toMatchObject({ mode: "block", max_minutes: 480 });
    const [audit] = await ownerDb().query<{ metadata: { before: any; after: any } }>(
      "SELECT metadata FROM audit_log WHERE entity_type = 'setting' AND entity_id = 'booking_rules' AND user_id = $1",
      [admin.user.id],
    );
    expect(audit!.metadata.after.rules.student_active_bookings.max).toBe(7);
    await call("/v1/settings/booking-rules", { method: "PUT", token: admin.token, body: { rules: { student_active_bookings: { max: 10 } } } });

    const bad: [unknown, string][] = [
      [{ rules: { wing_colour: { mode: "block" } } }, "rules.wing_colour"],
      [{ rules: { medical: { mode: "maybe" } } }, "rules.medical.mode"],
      [{ rules: { instructor_duty: { max_minutes: 59 } } }, "rules.instructor_duty.max_minutes"],
      [{ rules: { instructor_duty: { max_minutes: 1441 } } }, "rules.instructor_duty.max_minutes"],
      [{ rules: { daylight: { levels: ["GLIDER"] } } }, "rules.daylight.levels.0"],
    ];
    for (const [body, path] of bad) {
      const problem = expectProblem(await call("/v1/settings/booking-rules", { method: "PUT", token: admin.token, body }), 422, "validation_failed");
      expect((problem.errors as { path: string }[]).map((e) => e.path), JSON.stringify(body)).toContain(path);
    }
    const read = await call("/v1/settings/booking-rules", { token: admin.token });
    expect(read.body.rules.instructor_duty.max_minutes).toBe(480);
  });
});

describe("people rules on a SOLO flight (default modes)", () => {
  it("refuses a student pilot without endorsement, medical and checkout (block), and names each rule", async () => {
    const [pilot, aircraft] = await Promise.all([makeUser("STUDENT"), makeAircraft()]);
    const res = await solo(pilot, aircraft, midday());
    const problem = expectProblem(res, 409, "rule_failed");
    expect((problem.failures as { rule: string }[]).map((f) => f.rule).sort()).toEqual(["aircraft_checkout", "medical", "solo_endorsement"]);
  });

  it("books a qualified student pilot; an expired medical refuses again; an admin override passes, audited", async () => {
    const [pilot, aircraft] = await Promise.all([makeUser("STUDENT"), makeAircraft()]);
    for (const body of [{ kind: "SOLO_ENDORSEMENT" }, { kind: "MEDICAL", expires_on: "2040-01-01" }, { kind: "AIRCRAFT_CHECKOUT", aircraft_type_code: "C172" }]) {
      expect((await qualify(admin.token, pilot.user.id, body)).status).toBe(201);
    }
    const booked = await solo(pilot, aircraft, midday());
    expect(booked.status, booked.text).toBe(201);
    expect(booked.body).toMatchObject({ lesson_type: "SOLO", warnings: [] });

    await qualify(admin.token, pilot.user.id, { kind: "MEDICAL", expires_on: "2026-01-01" });
    const expired = expectProblem(await solo(pilot, aircraft, midday()), 409, "rule_failed");
    expect(expired.failures).toEqual([expect.objectContaining({ rule: "medical" })]);
    const overridden = await solo(pilot, aircraft, midday(), { override_rules: true });
    expect(overridden.status).toBe(201);
    expect(overridden.body.warnings).toEqual([expect.objectContaining({ rule: "medical", overridden: true })]);
  });

  it("warns (books) a private pilot without a flight review", async () => {
    const [pilot, aircraft] = await Promise.all([makeUser("STUDENT", { training_level: "PRIVATE_PILOT" }), makeAircraft()]);
    await qualify(admin.token, pilot.user.id, { kind: "MEDICAL" });
    await qualify(admin.token, pilot.user.id, { kind: "AIRCRAFT_CHECKOUT", aircraft_type_code: "C172" });
    const res = await solo(pilot, aircraft, midday());
    expect(res.status, res.text).toBe(201);
    expect(res.body.warnings).toEqual([expect.objectContaining({ rule: "flight_review" })]);
  });

  it("refuses a solo student pilot landing after civil dusk, and SOLO without an aircraft", async () => {
    const [pilot, aircraft] = await Promise.all([makeUser("STUDENT"), makeAircraft()]);
    for (const body of [{ kind: "SOLO_ENDORSEMENT" }, { kind: "MEDICAL" }, { kind: "AIRCRAFT_CHECKOUT", aircraft_type_code: "C172" }]) {
      await qualify(admin.token, pilot.user.id, body);
    }
    // 03:00 UTC is night in New York all year round.
    const night = new Date(nextSlot().getTime() - 7 * 3_600_000);
    const problem = expectProblem(await solo(pilot, aircraft, night), 409, "rule_failed");
    expect(problem.failures).toEqual([expect.objectContaining({ rule: "daylight" })]);
    // Moving a daylight flight into the night is refused the same way.
    const day = await solo(pilot, aircraft, midday());
    expect(day.status, day.text).toBe(201);
    const moved = await call(`/v1/bookings/${day.body.id}`, {
      method: "PATCH", token: admin.token, body: { scheduled_at: new Date(Date.parse(day.body.scheduled_at) + 12 * 3_600_000).toISOString() },
    });
    expect(expectProblem(moved, 409, "rule_failed").failures).toEqual([expect.objectContaining({ rule: "daylight" })]);
    // Two days later at midday: the move itself brings that day's twilight figures along.
    const later = new Date(Date.parse(day.body.scheduled_at) + 48 * 3_600_000);
    const sunny = await call(`/v1/bookings/${day.body.id}`, { method: "PATCH", token: admin.token, body: { scheduled_at: later.toISOString() } });
    expect(sunny.status, sunny.text).toBe(200);
    const stored = await ownerDb().query(
      "SELECT 1 FROM civil_twilight WHERE airport = 'KJFK' AND day = ($1::timestamptz AT TIME ZONE 'America/New_York')::date",
      [later.toISOString()],
    );
    expect(stored).toHaveLength(1);
    const noAircraft = expectProblem(await solo(pilot, null as unknown as string, midday()), 422, "validation_failed");
    expect((noAircraft.errors as { path: string }[])[0]!.path).toBe("aircraft_id");
  });

  it("refuses a booking beyond the booking horizon (365 days)", async () => {
    const res = await call("/v1/bookings", {
      method: "POST", token: admin.token,
      body: {
        student_id: student.user.id, instructor_id: instructor.user.id, departure_airport: "KJFK", arrival_airport: "KJFK",
        scheduled_at: "9999-12-31T10:00:00.000Z", override_availability: true,
      },
    });
    const problem = expectProblem(res, 409, "rule_failed");
    expect(problem.failures).toEqual([expect.objectContaining({ rule: "booking_horizon" })]);
  });
});

describe("runways", () => {
  it("replaces an airport's runway ends (admin), audited, and the airport shows them at once", async () => {
    const [airport] = await ownerDb().query<{ icao: string }>(
      "SELECT icao FROM airports WHERE icao ~ '^[A-Z]{4}$' AND icao NOT IN (SELECT airport FROM airport_runways) ORDER BY random() LIMIT 1",
    );
    const code = airport!.icao;
    expect((await call(`/v1/airports/${code}`, { token: student.token })).body.runways).toEqual([]);
    const put = await call(`/v1/airports/${code}/runways`, {
      method: "PUT", token: admin.token, body: [{ name: "04", heading_deg: 31 }, { name: "22", heading_deg: 211 }],
    });
    expect(put.status, put.text).toBe(200);
    expect(put.body.runways).toEqual([{ name: "04", heading_deg: 31 }, { name: "22", heading_deg: 211 }]);
    expect((await call(`/v1/airports/${code}`, { token: student.token })).body.runways).toHaveLength(2);
    const [audit] = await ownerDb().query("SELECT action FROM audit_log WHERE entity_type = 'airport' AND entity_id = $1", [code]);
    expect(audit).toMatchObject({ action: "airport.runways_replaced" });
    expectProblem(await call(`/v1/airports/${code}/runways`, { method: "PUT", token: instructor.token, body: [] }), 403, "forbidden");

    const bad: [unknown, string][] = [
      [[{ name: "04", heading_deg: 361 }], "0.heading_deg"],
      [[{ name: "04", heading_deg: -1 }], "0.heading_deg"],
      [[{ name: "04", heading_deg: 40 }, { name: "04", heading_deg: 220 }], "1.name"],
      [[{ name: "runway", heading_deg: 40 }], "0.name"],
    ];
    for (const [body, path] of bad) {
      const problem = expectProblem(await call(`/v1/airports/${code}/runways`, { method: "PUT", token: admin.token, body }), 422, "validation_failed");
      expect((problem.errors as { path: string }[]).map((e) => e.path), JSON.stringify(body)).toContain(path);
    }
    expect((await call(`/v1/airports/${code}`, { token: student.token })).body.runways).toHaveLength(2);
    expectProblem(await call("/v1/airports/QQQQ/runways", { method: "PUT", token: admin.token, body: [] }), 404, "not_found");
  });
});

describe("the OpenAPI document", () => {
  it("describes the new routes with their request schemas", async () => {
    const doc = (await call("/openapi.json")).body;
    expect(doc.paths["/v1/users/{id}/qualifications"].post.requestBody).toBeDefined();
    expect(doc.paths["/v1/users/{id}/qualifications"].get).toBeDefined();
    expect(doc.paths["/v1/users/{id}/qualifications/{qualification_id}"].delete).toBeDefined();
    expect(doc.paths["/v1/settings/booking-rules"].put.requestBody).toBeDefined();
    expect(doc.paths["/v1/settings/booking-rules"].get).toBeDefined();
    expect(doc.paths["/v1/airports/{code}/runways"].put.requestBody).toBeDefined();
  });
});

describe("rules at dispatch and in the weather check", () => {
  it("re-checks a SOLO flight when it is dispatched: a medical that lapsed meanwhile refuses it", async () => {
    const [pilot, aircraft] = await Promise.all([makeUser("STUDENT"), makeAircraft()]);
    const medical = await qualify(admin.token, pilot.user.id, { kind: "MEDICAL" });
    for (const body of [{ kind: "SOLO_ENDORSEMENT" }, { kind: "AIRCRAFT_CHECKOUT", aircraft_type_code: "C172" }]) {
      await qualify(admin.token, pilot.user.id, body);
    }
    const booked = await solo(pilot, aircraft, midday());
    expect(booked.status, booked.text).toBe(201);
    await call(`/v1/users/${pilot.user.id}/qualifications/${medical.body.id}`, { method: "DELETE", token: admin.token });
    // Dispatch moves the booking to DISPATCHED; the trigger judges it again at that moment.
    const refused = await ownerDb()
      .query("UPDATE bookings SET status = 'DISPATCHED', dispatched_at = now() WHERE id = $1", [booked.body.id])
      .then(() => null, (error: unknown) => error);
    expect(refused).toMatchObject({ code: "rule_failed", options: { extra: { failures: [expect.objectContaining({ rule: "medical" })] } } });
  });
});
