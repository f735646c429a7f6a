import { beforeAll, describe, expect, it } from "vitest";
import { statement } from "../../../src/db/client";
import { bookingsUpdateCancelled as updateCancelled } from "../../../sql/queries/bookings/bookings_update_cancelled.queries";
import { statusesMovableTo } from "../../../src/bookings/status";
import { cleanupJob } from "../../../src/jobs/cleanup";
import { call, expectProblem } from "../../support/api";
import { ownerDb } from "../../support/db";
import { makeUser, type TestUser } from "../../support/users";
import { jobContext } from "../../jobs/context";
import {
  DAY, HOUR, activeBookingsAt, bookAt, cancelBooking, entriesAt, joinStandby, makeAircraftAt, makeInstructor,
  quietAirport, upcomingHour,
} from "./fixtures";

let admin: TestUser;
let instructor: TestUser;

beforeAll(async () => {
  [admin, instructor] = await Promise.all([makeUser("ADMIN"), makeInstructor()]);
});

const iso = (d: Date) => d.toISOString();
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);

const entryFields = [
  "id", "student_id", "departure_airport", "window_start", "window_end", "duration_minutes", "instructor_id",
  "aircraft_type_code", "lesson_type", "status", "position", "booking_id", "promoted_at", "created_by",
  "created_at", "updated_at",
].sort();

describe("POST /v1/standby", () => {
  it("puts a student on the list, WAITING, with their place in the queue, audited", async () => {
    const airport = await quietAirport();
    const [ann, bob] = await Promise.all([makeUser("STUDENT"), makeUser("STUDENT")]);
    const start = upcomingHour();
    const body = { departure_airport: airport.toLowerCase(), window_start: iso(start), window_end: iso(plus(start, 6 * HOUR)), duration_minutes: 90 };
    const first = await joinStandby(ann.token, { student_id: ann.user.id, ...body });
    expect(first.status, first.text).toBe(201);
    expect(Object.keys(first.body).sort()).toEqual(entryFields);
    expect(first.body).toMatchObject({
      student_id: ann.user.id, departure_airport: airport, duration_minutes: 90, status: "WAITING", position: 1,
      instructor_id: null, aircraft_type_code: null, lesson_type: "DUAL", booking_id: null, created_by: ann.user.id,
      window_start: iso(start),
    });
    // An instructor puts another student behind her; a window elsewhere in time does not queue behind either.
    const second = await joinStandby(instructor.token, { student_id: bob.user.id, ...body, instructor_id: instructor.user.id, aircraft_type_code: "c172" });
    expect(second.body).toMatchObject({ position: 2, instructor_id: instructor.user.id, aircraft_type_code: "C172", created_by: instructor.user.id });
    const later = await joinStandby(admin.token, { student_id: bob.user.id, ...body, window_start: iso(plus(start, 7 * HOUR)), window_end: iso(plus(start, 9 * HOUR)) });
    expect(later.body.position).toBe(1);

    const [audit] = await ownerDb().query("SELECT action, user_id, metadata FROM audit_log WHERE entity_type = 'standby_entry' AND entity_id = $1", [first.body.id]);
    expect(audit).toMatchObject({ action: "standby.created", user_id: ann.user.id, metadata: { departure_airport: airport, duration_minutes: 90 } });
  });

  it("replays a retried request with the same Idempotency-Key instead of queueing twice", async () => {
    const airport = await quietAirport();
    const student = await makeUser("STUDENT");
    const start = upcomingHour();
    const body = { student_id: student.user.id, departure_airport: airport, window_start: iso(start), window_end: iso(plus(start, 3 * HOUR)), duration_minutes: 60 };
    const key = { "idempotency-key": crypto.randomUUID() };
    const [a, b] = [await joinStandby(student.token, body, key), await joinStandby(student.token, body, key)];
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.headers.get("idempotent-replayed")).toBe("true");
    expect(b.body).toEqual(a.body);
    expect(await entriesAt(airport)).toHaveLength(1);
    expectProblem(await joinStandby(student.token, { ...body, duration_minutes: 30 }, key), 422, "idempotency_key_reused");
  });

  it("refuses bad windows, strangers and unknown references, storing nothing", async () => {
    const airport = await quietAirport();
    const [student, other] = await Promise.all([makeUser("STUDENT"), makeUser("STUDENT")]);
    const start = upcomingHour();
    const good = { student_id: student.user.id, departure_airport: airport, window_start: iso(start), window_end: iso(plus(start, 4 * HOUR)), duration_minutes: 60 };
    const cases: [Record<string, unknown>, string][] = [
      [{ window_end: iso(plus(start, -HOUR)) }, "window_end"],
      [{ window_end: iso(start) }, "window_end"],
      [{ window_end: iso(plus(start, 14 * DAY + 60_000)) }, "window_end"],
      [{ duration_minutes: 300 }, "duration_minutes"],
      [{ duration_minutes: 10 }, "duration_minutes"],
      [{ window_start: iso(plus(start, -3 * DAY)), window_end: iso(plus(new Date(), -HOUR)) }, "window_end"],
      [{ window_start: "2026-02-30T10:00:00Z" }, "window_start"],
      [{ departure_airport: "ZZZZ" }, "departure_airport"],
      [{ departure_airport: "not an airport" }, "departure_airport"],
      [{ aircraft_type_code: "ZZ99" }, "aircraft_type_code"],
      [{ lesson_type: "SOLO" }, "aircraft_type_code"],
      [{ lesson_type: "GROUND" }, "lesson_type"],
      [{ instructor_id: other.user.id }, "instructor_id"],
      [{ instructor_id: "nope" }, "instructor_id"],
      [{ extra: 1 }, "extra"],
    ];
    for (const [change, path] of cases) {
      const problem = expectProblem(await joinStandby(student.token, { ...good, ...change } as never), 422, "validation_failed");
      expect(problem.errors, JSON.stringify(change)).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
    }
    const teacher = await makeUser("INSTRUCTOR");
    const notAStudent = expectProblem(await joinStandby(admin.token, { ...good, student_id: teacher.user.id }), 422, "validation_failed");
    expect(notAStudent.errors).toEqual([{ path: "student_id", message: "is not a student" }]);
    expectProblem(await joinStandby(student.token, { ...good, student_id: other.user.id }), 403, "forbidden");
    expectProblem(await call("/v1/standby", { method: "POST", body: good }), 401, "unauthenticated");
    expect(await entriesAt(airport)).toEqual([]);
  });
});

describe("GET /v1/standby", () => {
  it("lists in queue order a page at a time; students see only their own", async () => {
    const airport = await quietAirport();
    const [student, other] = await Promise.all([makeUser("STUDENT"), makeUser("STUDENT")]);
    const start = upcomingHour();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await joinStandby(student.token, {
        student_id: student.user.id, departure_airport: airport, window_start: iso(plus(start, i * HOUR)), window_end: iso(plus(start, (i + 3) * HOUR)), duration_minutes: 60,
      });
      ids.push(res.body.id);
    }
    await joinStandby(other.token, { student_id: other.user.id, departure_airport: airport, window_start: iso(start), window_end: iso(plus(start, HOUR)), duration_minutes: 60 });
    await call(`/v1/standby/${ids[1]}`, { method: "DELETE", token: student.token });

    const seen: { id: string; status: string; position: number | null }[] = [];
    let page = await call(`/v1/standby?student_id=${student.user.id}&limit=2`, { token: admin.token });
    for (;;) {
      expect(page.status, page.text).toBe(200);
      seen.push(...page.body.data);
      if (!page.body.next_cursor) break;
      page = await call(`/v1/standby?student_id=${student.user.id}&limit=2&cursor=${page.body.next_cursor}`, { token: admin.token });
    }
    expect(seen.map((e) => [e.id, e.status, e.position])).toEqual([
      [ids[0], "WAITING", 1],
      [ids[1], "WITHDRAWN", null],
      // Behind the first entry (overlapping window); the withdrawn one no longer counts.
      [ids[2], "WAITING", 2],
    ]);

    const own = await call("/v1/standby?limit=200", { token: other.token });
    expect(own.body.data.map((e: { student_id: string }) => e.student_id)).toEqual([other.user.id]);
    expectProblem(await call(`/v1/standby?student_id=${student.user.id}`, { token: other.token }), 403, "forbidden");
    const waiting = await call(`/v1/standby?student_id=${student.user.id}&status=WAITING`, { token: instructor.token });
    expect(waiting.body.data.map((e: { id: string }) => e.id)).toEqual([ids[0], ids[2]]);
    expectProblem(await call("/v1/standby?status=LOST", { token: admin.token }), 422, "validation_failed");
    expectProblem(await call("/v1/standby?cursor=garbage", { token: admin.token }), 422, "validation_failed");
  });
});

describe("DELETE /v1/standby/:id", () => {
  it("withdraws a waiting entry once, audited; strangers see nothing", async () => {
    const airport = await quietAirport();
    const [student, other] = await Promise.all([makeUser("STUDENT"), makeUser("STUDENT")]);
    const start = upcomingHour();
    const made = await joinStandby(student.token, { student_id: student.user.id, departure_airport: airport, window_start: iso(start), window_end: iso(plus(start, 2 * HOUR)), duration_minutes: 60 });
    expectProblem(await call(`/v1/standby/${made.body.id}`, { method: "DELETE", token: other.token }), 404, "not_found");
    const res = await call(`/v1/standby/${made.body.id}`, { method: "DELETE", token: student.token });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ id: made.body.id, status: "WITHDRAWN", position: null });
    expectProblem(await call(`/v1/standby/${made.body.id}`, { method: "DELETE", token: student.token }), 409, "invalid_state");
    expectProblem(await call(`/v1/standby/${crypto.randomUUID()}`, { method: "DELETE", token: admin.token }), 404, "not_found");
    expectProblem(await call("/v1/standby/not-a-uuid", { method: "DELETE", token: admin.token }), 422, "validation_failed");
    const audit = await ownerDb().query("SELECT action, user_id FROM audit_log WHERE entity_id = $1 ORDER BY created_at", [made.body.id]);
    expect(audit).toEqual([{ action: "standby.created", user_id: student.user.id }, { action: "standby.withdrawn", user_id: student.user.id }]);
  });
});

describe("promotion", () => {
  it("books the oldest fitting entry into a cancelled slot, in the same transaction", async () => {
    const airport = await quietAirport();
    const [holder, ann, bob, carl] = await Promise.all([1, 2, 3, 4].map(() => makeUser("STUDENT")));
    const plane = await makeAircraftAt(airport);
    const start = upcomingHour();
    const freed = await bookAt(admin.token, { student: holder!, instructor, airport, at: start, minutes: 120, aircraftId: plane });
    const stranger = await makeInstructor();
    const window = { departure_airport: airport, window_start: iso(plus(start, -2 * HOUR)), window_end: iso(plus(start, 4 * HOUR)), duration_minutes: 60 };
    // Not fitting: another instructor named; a window after the freed slot; another airport.
    const named = await joinStandby(admin.token, { student_id: ann!.user.id, ...window, instructor_id: stranger.user.id });
    const tooLate = await joinStandby(admin.token, { student_id: ann!.user.id, ...window, window_start: iso(plus(start, 2 * HOUR)) });
    const elsewhere = await joinStandby(admin.token, { student_id: ann!.user.id, ...window, departure_airport: "KBOS" });
    // Fitting, oldest first: Bob, then Carl.
    const first = await joinStandby(bob!.token, { student_id: bob!.user.id, ...window, aircraft_type_code: "C172" });
    const second = await joinStandby(carl!.token, { student_id: carl!.user.id, ...window });
    expect([named.status, tooLate.status, elsewhere.status, first.status, second.status]).toEqual([201, 201, 201, 201, 201]);
    await call(`/v1/standby/${elsewhere.body.id}`, { method: "DELETE", token: admin.token });

    const res = await cancelBooking(holder!.token, freed);
    expect(res.status, res.text).toBe(200);

    const entries = await entriesAt(airport);
    const byId = new Map(entries.map((e) => [e.id, e]));
    expect(byId.get(first.body.id)!.status).toBe("PROMOTED");
    expect([named, tooLate, second].map((r) => byId.get(r.body.id)!.status)).toEqual(["WAITING", "WAITING", "WAITING"]);
    const active = await activeBookingsAt(airport);
    expect(active).toHaveLength(1);
    expect(active[0]).toMatchObject({
      id: byId.get(first.body.id)!.booking_id,
      student_id: bob!.user.id,
      instructor_id: instructor.user.id,
      aircraft_id: plane,
      created_by: holder!.user.id,
    });
    expect(active[0]!.scheduled_at.toISOString()).toBe(iso(start));
    expect(active[0]!.ends_at.toISOString()).toBe(iso(plus(start, HOUR)));

    const bookingId = active[0]!.id;
    const notes = await ownerDb().query("SELECT user_id, type FROM notifications WHERE booking_id = $1 ORDER BY type", [bookingId]);
    expect(notes).toEqual([
      { user_id: instructor.user.id, type: "CONFIRMATION" },
      { user_id: bob!.user.id, type: "STANDBY_PROMOTED" },
    ]);
    const audit = await ownerDb().query<{ entity_id: string; action: string; metadata: Record<string, unknown> }>(
      "SELECT entity_id, action, metadata FROM audit_log WHERE entity_id = ANY($1) AND action IN ('standby.promoted', 'booking.created') ORDER BY action",
      [[bookingId, first.body.id]],
    );
    expect(audit).toEqual([
      { entity_id: bookingId, action: "booking.created", metadata: expect.objectContaining({ via: "standby", standby_entry_id: first.body.id }) },
      { entity_id: first.body.id, action: "standby.promoted", metadata: { from: "WAITING", to: "PROMOTED", booking_id: bookingId } },
    ]);

    const shown = await call(`/v1/standby?student_id=${bob!.user.id}`, { token: bob!.token });
    expect(shown.body.data[0]).toMatchObject({ status: "PROMOTED", booking_id: bookingId, position: null });
    expect(shown.body.data[0].promoted_at).toMatch(/Z$/);
    const booking = await call(`/v1/bookings/${bookingId}`, { token: bob!.token });
    expect(booking.body).toMatchObject({ status: "CONFIRMED", departure_airport: airport, lesson_type: "DUAL" });
    expectProblem(await call(`/v1/standby/${first.body.id}`, { method: "DELETE", token: bob!.token }), 409, "invalid_state");
  });

  it("passes over an entry whose student is busy then, and falls back to the student's own instructor", async () => {
    const airport = await quietAirport();
    const [holder, busy, eve] = await Promise.all([1, 2, 3].map(() => makeUser("STUDENT")));
    const [evesInstructor, busysInstructor] = await Promise.all([makeInstructor(), makeInstructor()]);
    const start = upcomingHour();
    const freed = await bookAt(admin.token, { student: holder!, instructor, airport, at: start });
    // Busy has a flight elsewhere at that hour; Eve flew with her own instructor before.
    await bookAt(admin.token, { student: busy!, instructor: busysInstructor, airport: "KBOS", at: start });
    await bookAt(admin.token, { student: eve!, instructor: evesInstructor, airport: "KBOS", at: plus(start, -DAY / 2) });
    // The freed slot's instructor blocks the rest of that day.
    await ownerDb().query(
      "INSERT INTO availability_overrides (user_id, date, is_blocked) VALUES ($1, $2::date, true)",
      [instructor.user.id, iso(start).slice(0, 10)],
    );
    try {
      const window = { departure_airport: airport, window_start: iso(start), window_end: iso(plus(start, HOUR)), duration_minutes: 60 };
      const passed = await joinStandby(admin.token, { student_id: busy!.user.id, ...window });
      const taken = await joinStandby(admin.token, { student_id: eve!.user.id, ...window });
      expect((await cancelBooking(admin.token, freed)).status).toBe(200);
      const byId = new Map((await entriesAt(airport)).map((e) => [e.id, e]));
      expect(byId.get(passed.body.id)!.status).toBe("WAITING");
      expect(byId.get(taken.body.id)!.status).toBe("PROMOTED");
      const [made] = await activeBookingsAt(airport);
      expect(made).toMatchObject({ student_id: eve!.user.id, instructor_id: evesInstructor.user.id });
    } finally {
      await ownerDb().query("DELETE FROM availability_overrides WHERE user_id = $1", [instructor.user.id]);
    }
  });

  it("goes through the booking rules: an entry they refuse is passed over, its try undone", async () => {
    const airport = await quietAirport();
    const [holder, refused, next] = await Promise.all([1, 2, 3].map(() => makeUser("STUDENT")));
    const start = upcomingHour();
    const freed = await bookAt(admin.token, { student: holder!, instructor, airport, at: start });
    const window = { departure_airport: airport, window_start: iso(start), window_end: iso(plus(start, HOUR)), duration_minutes: 60 };
    const first = await joinStandby(admin.token, { student_id: refused!.user.id, ...window });
    const second = await joinStandby(admin.token, { student_id: next!.user.id, ...window });
    // One transaction: a rule that refuses the first student, the cancellation with its promotion
    // run at once (not at commit), then the rule as it was. No other session ever sees the rule.
    const refusing = JSON.stringify([{ code: "rule_failed", mode: "block", overridable: true, rule: "test_rule", detail: "refused" }]);
    await ownerDb().batch([
      { text: "SET CONSTRAINTS bookings_promote_standby IMMEDIATE" },
      { text: "CREATE TEMP TABLE kept_rules ON COMMIT DROP AS SELECT pg_get_functiondef('booking_rule_findings(bookings)'::regprocedure) AS def" },
      {
        text: `CREATE OR REPLACE FUNCTION booking_rule_findings(b bookings) RETURNS jsonb LANGUAGE sql STABLE AS
               $fn$ SELECT CASE WHEN b.student_id = '${refused!.user.id}' THEN '${refusing}'::jsonb ELSE '[]'::jsonb END $fn$`,
      },
      statement(updateCancelled, {
        bookingId: freed, actorId: admin.user.id, actorRole: "ADMIN", reason: "sick", statuses: statusesMovableTo("CANCELLED"), category: "ILLNESS",
      }),
      { text: "DO $do$ BEGIN EXECUTE (SELECT def FROM kept_rules); END $do$" },
    ]);
    const byId = new Map((await entriesAt(airport)).map((e) => [e.id, e]));
    expect(byId.get(first.body.id)!.status).toBe("WAITING");
    expect(byId.get(second.body.id)!.status).toBe("PROMOTED");
    const active = await activeBookingsAt(airport);
    expect(active.map((b) => b.student_id)).toEqual([next!.user.id]);
    const [tried] = await ownerDb().query<{ n: number }>("SELECT count(*)::int AS n FROM bookings WHERE student_id = $1", [refused!.user.id]);
    expect(tried!.n).toBe(0);
  });

  it("fills a slot freed by reschedule_resolve, after the replacement has taken its own", async () => {
    const airport = await quietAirport();
    const [holder, waiting] = await Promise.all([makeUser("STUDENT"), makeUser("STUDENT")]);
    const start = upcomingHour();
    const original = await bookAt(admin.token, { student: holder!, instructor, airport, at: start });
    // The replacement, an hour later, is inside the waiting student's window too: it goes first.
    const db = ownerDb();
    await db.query("UPDATE bookings SET status = 'RESCHEDULING' WHERE id = $1", [original]);
    const [option] = await db.query<{ id: string }>(
      `INSERT INTO reschedule_options (booking_id, position, suggested_at, ends_at, confidence, weather_status)
       VALUES ($1, 1, $2, $3, 0.9, 'OK') RETURNING id`,
      [original, iso(plus(start, HOUR)), iso(plus(start, 2 * HOUR))],
    );
    await db.query(
      `INSERT INTO preference_rankings (booking_id, party, ranked_option_ids, deadline, submitted_at)
       VALUES ($1, 'STUDENT', $2, $3, now()), ($1, 'INSTRUCTOR', $2, $3, now())`,
      [original, [option!.id], iso(plus(start, -DAY))],
    );
    const entry = await joinStandby(admin.token, {
      student_id: waiting.user.id, departure_airport: airport, window_start: iso(start), window_end: iso(plus(start, 2 * HOUR)),
      duration_minutes: 60, instructor_id: instructor.user.id,
    });
    const [outcome] = await db.query<{ r: { outcome: string; booking: { id: string } } }>(
      "SELECT reschedule_resolve($1, $2, now()) AS r",
      [original, admin.user.id],
    );
    expect(outcome!.r.outcome).toBe("RESCHEDULED");
    const [promoted] = await entriesAt(airport);
    expect(promoted).toMatchObject({ id: entry.body.id, status: "PROMOTED" });
    const active = await activeBookingsAt(airport);
    expect(active.map((b) => [b.student_id, b.scheduled_at.toISOString()])).toEqual([
      [waiting.user.id, iso(start)],
      [holder!.user.id, iso(plus(start, HOUR))],
    ]);
    expect(active[1]!.id).toBe(outcome!.r.booking.id);
  });

  it("standby_promote_for_aircraft books the waiting entries an aircraft back in service can serve", async () => {
    const airport = await quietAirport();
    const [ann, bob, cyd] = await Promise.all([1, 2, 3].map(() => makeUser("STUDENT")));
    const second = await makeInstructor();
    const plane = await makeAircraftAt(airport, "MAINTENANCE");
    const start = upcomingHour();
    const window = { departure_airport: airport, window_start: iso(start), window_end: iso(plus(start, 3 * HOUR)), duration_minutes: 90, aircraft_type_code: "C172" };
    const a = await joinStandby(admin.token, { student_id: ann!.user.id, ...window, instructor_id: instructor.user.id });
    const b = await joinStandby(admin.token, { student_id: bob!.user.id, ...window, instructor_id: second.user.id });
    // No aircraft asked for: the aircraft coming back does not concern it.
    const c = await joinStandby(admin.token, { student_id: cyd!.user.id, ...window, aircraft_type_code: null, instructor_id: second.user.id });

    const promote = () => ownerDb().query<{ n: number }>("SELECT standby_promote_for_aircraft($1, $2) AS n", [plane, admin.user.id]);
    expect((await promote())[0]!.n).toBe(0);
    // Back in service: the change itself promotes (sql/migrations/020), so nothing is left to call for.
    await ownerDb().query("UPDATE aircraft SET status = 'AVAILABLE' WHERE id = $1", [plane]);
    expect((await promote())[0]!.n).toBe(0);

    const byId = new Map((await entriesAt(airport)).map((e) => [e.id, e]));
    expect([a, b, c].map((r) => byId.get(r.body.id)!.status)).toEqual(["PROMOTED", "PROMOTED", "WAITING"]);
    // One aircraft, two lessons of 90 minutes in a three-hour window: one after the other.
    const active = await activeBookingsAt(airport);
    expect(active.map((x) => [x.student_id, x.aircraft_id, x.scheduled_at.toISOString()])).toEqual([
      [ann!.user.id, plane, iso(start)],
      [bob!.user.id, plane, iso(plus(start, 90 * 60_000))],
    ]);
  });
});

describe("a grounding that ends", () => {
  it("promotes a waiting entry for the aircraft's type in the transaction that resolves the last GROUNDING squawk", async () => {
    const airport = await quietAirport();
    const student = await makeUser("STUDENT");
    const plane = await makeAircraftAt(airport);
    const filed = await call(`/v1/aircraft/${plane}/squawks`, {
      method: "POST", token: instructor.token, body: { severity: "GROUNDING", description: "Cracked windshield" },
    });
    expect(filed.status, filed.text).toBe(201);
    const start = upcomingHour();
    const entry = await joinStandby(admin.token, {
      student_id: student.user.id, departure_airport: airport, aircraft_type_code: "C172", instructor_id: instructor.user.id,
      window_start: iso(start), window_end: iso(plus(start, 2 * HOUR)), duration_minutes: 60,
    });
    expect(entry.status, entry.text).toBe(201);
    // While the aircraft is grounded the entry waits.
    expect((await entriesAt(airport)).map((e) => e.status)).toEqual(["WAITING"]);

    const resolved = await call(`/v1/aircraft/${plane}/squawks/${filed.body.id}/resolve`, {
      method: "POST", token: admin.token, body: { resolution: "REPAIRED", note: "Windshield replaced" },
    });
    expect(resolved.status, resolved.text).toBe(200);
    const [promoted] = await entriesAt(airport);
    expect(promoted).toMatchObject({ status: "PROMOTED" });
    const active = await activeBookingsAt(airport);
    expect(active.map((b) => [b.student_id, b.aircraft_id, b.scheduled_at.toISOString()])).toEqual([[student.user.id, plane, iso(start)]]);
  });
});

describe("a SOLO entry", () => {
  it("is promoted in daylight: joining stored the airport's civil twilight for the window", async () => {
    const airport = await quietAirport();
    const [place] = await ownerDb().query<{ longitude: number }>("SELECT longitude FROM airports WHERE icao = $1", [airport]);
    const student = await makeUser("STUDENT");
    await ownerDb().query(
      `INSERT INTO user_qualifications (user_id, kind, aircraft_type_code)
       VALUES ($1, 'SOLO_ENDORSEMENT', NULL), ($1, 'MEDICAL', NULL), ($1, 'AIRCRAFT_CHECKOUT', 'C172')`,
      [student.user.id],
    );
    const plane = await makeAircraftAt(airport, "MAINTENANCE");
    // Local solar noon, within two hours: daylight at any latitude a school flies from.
    const day = upcomingHour();
    day.setUTCHours(0, 0, 0, 0);
    const noon = new Date(day.getTime() + Math.round(12 - place!.longitude / 15) * HOUR);
    const entry = await joinStandby(student.token, {
      student_id: student.user.id, departure_airport: airport, lesson_type: "SOLO", aircraft_type_code: "C172",
      window_start: iso(plus(noon, -HOUR)), window_end: iso(plus(noon, HOUR)), duration_minutes: 60,
    });
    expect(entry.status, entry.text).toBe(201);
    const [stored] = await ownerDb().query<{ n: number }>("SELECT count(*)::int AS n FROM civil_twilight WHERE airport = $1", [airport]);
    expect(stored!.n).toBeGreaterThan(0);

    // Back in service: the change promotes the entry.
    await ownerDb().query("UPDATE aircraft SET status = 'AVAILABLE' WHERE id = $1", [plane]);
    const [booking] = await activeBookingsAt(airport);
    expect(booking).toMatchObject({ student_id: student.user.id, aircraft_id: plane });
    const shown = await call(`/v1/bookings/${booking!.id}`, { token: student.token });
    expect(shown.body).toMatchObject({ lesson_type: "SOLO", status: "CONFIRMED" });
  });
});

describe("expiry", () => {
  it("the cleanup job marks entries whose window has passed EXPIRED, and only those", async () => {
    const airport = await quietAirport();
    const student = await makeUser("STUDENT");
    const db = ownerDb();
    const insert = (start: Date, end: Date, status = "WAITING") =>
      db.query<{ id: string }>(
        `INSERT INTO standby_entries (student_id, departure_airport, window_start, window_end, duration_minutes, status)
         VALUES ($1, $2, $3, $4, 60, $5) RETURNING id`,
        [student.user.id, airport, iso(start), iso(end), status],
      ).then(([row]) => row!.id);
    const now = new Date();
    const passed = await insert(plus(now, -5 * HOUR), plus(now, -2 * HOUR));
    const withdrawn = await insert(plus(now, -5 * HOUR), plus(now, -2 * HOUR), "WITHDRAWN");
    const open = await insert(plus(now, -HOUR), plus(now, 2 * HOUR));

    const stats = await cleanupJob(jobContext(now));
    expect(stats.standby_expired).toBeGreaterThanOrEqual(0);
    const statuses = Object.fromEntries((await entriesAt(airport)).map((e) => [e.id, e.status]));
    expect(statuses).toEqual({ [passed]: "EXPIRED", [withdrawn]: "WITHDRAWN", [open]: "WAITING" });
    const audit = await db.query("SELECT action, user_id FROM audit_log WHERE entity_id = $1", [passed]);
    expect(audit).toEqual([{ action: "standby.expired", user_id: null }]);
  });
});
