import { beforeAll, describe, expect, it } from "vitest";
import { call, expectProblem } from "../../support/api";
import { ownerDb, redisUp } from "../../support/db";
import { makeUser, type TestUser } from "../../support/users";
import { at, book, makeAircraft, makeAvailableInstructor, nextSlot } from "./fixtures";

let admin: TestUser;
let instructor: TestUser;
let student: TestUser;

beforeAll(async () => {
  [admin, instructor, student] = await Promise.all([
    makeUser("ADMIN"),
    makeAvailableInstructor(),
    makeUser("STUDENT", { training_level: "PRIVATE_PILOT" }),
  ]);
});

const bookingFields = [
  "id", "student_id", "instructor_id", "aircraft_id", "departure_airport", "arrival_airport",
  "departure_latitude", "departure_longitude", "arrival_latitude", "arrival_longitude", "scheduled_at",
  "ends_at", "duration_minutes", "status", "training_level", "original_booking_id", "rescheduled_to",
  "weather_status", "weather_checked_at", "created_at", "updated_at",
  // v1.1
  "lesson_type", "risk_reasons", "warnings", "dispatched_at", "checked_in_at", "hobbs_out", "hobbs_in",
  "tach_out", "tach_in", "flight_hours", "cancellation",
].sort();

const notificationsOf = (userId: string, bookingId: string) =>
  ownerDb().query<{ type: string }>("SELECT type FROM notifications WHERE user_id = $1 AND booking_id = $2", [userId, bookingId]);

const auditOf = (bookingId: string) =>
  ownerDb().query<{ action: string; user_id: string; metadata: Record<string, unknown> }>(
    "SELECT action, user_id, metadata FROM audit_log WHERE entity_type = 'booking' AND entity_id = $1 ORDER BY created_at, id",
    [bookingId],
  );

describe("POST /v1/bookings", () => {
  it("books a student's flight, resolving IATA codes and copying the training level", async () => {
    const start = nextSlot();
    const res = await book(student.token, {
      student_id: student.user.id,
      instructor_id: instructor.user.id,
      departure_airport: "JFK",
      arrival_airport: "kbos",
      scheduled_at: start.toISOString(),
    });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual(bookingFields);
    const [jfk] = await ownerDb().query<{ latitude: number; longitude: number }>(
      "SELECT latitude, longitude FROM airports WHERE icao = 'KJFK'",
    );
    expect(res.body).toMatchObject({
      student_id: student.user.id,
      instructor_id: instructor.user.id,
      aircraft_id: null,
      departure_airport: "KJFK",
      arrival_airport: "KBOS",
      departure_latitude: jfk!.latitude,
      departure_longitude: jfk!.longitude,
      scheduled_at: start.toISOString(),
      ends_at: at(start, 60),
      duration_minutes: 60,
      status: "CONFIRMED",
      training_level: "PRIVATE_PILOT",
      original_booking_id: null,
      rescheduled_to: null,
      weather_status: null,
      weather_checked_at: null,
      lesson_type: "DUAL",
      risk_reasons: [],
      warnings: [],
      dispatched_at: null,
      flight_hours: null,
      cancellation: null,
    });
    const audit = await auditOf(res.body.id);
    expect(audit).toEqual([
      expect.objectContaining({ action: "booking.created", user_id: student.user.id, metadata: expect.objectContaining({ override_availability: false }) }),
    ]);
    // The instructor hears about it; the student who booked does not need to.
    expect(await notificationsOf(instructor.user.id, res.body.id)).toEqual([{ type: "CONFIRMATION" }]);
    expect(await notificationsOf(student.user.id, res.body.id)).toEqual([]);
    const read = await call(`/v1/bookings/${res.body.id}`, { token: instructor.token });
    expect(read.body).toEqual(res.body);
  });

  it("lets an admin book anyone, notifying both people", async () => {
    const aircraft = await makeAircraft();
    const res = await book(admin.token, {
      student_id: student.user.id,
      instructor_id: instructor.user.id,
      aircraft_id: aircraft,
      scheduled_at: nextSlot().toISOString(),
      duration_minutes: 720,
      // Twelve hours of teaching pass the instructor's duty limit: only an admin's override books it.
      override_rules: true,
    });
    expect(res.status).toBe(201);
    expect(res.body.aircraft_id).toBe(aircraft);
    expect(res.body.duration_minutes).toBe(720);
    expect(await notificationsOf(student.user.id, res.body.id)).toEqual([{ type: "CONFIRMATION" }]);
    expect(await notificationsOf(instructor.user.id, res.body.id)).toEqual([{ type: "CONFIRMATION" }]);
  });

  it("lets students book only themselves and instructors only as the instructor", async () => {
    const otherStudent = await makeUser("STUDENT");
    const otherInstructor = await makeAvailableInstructor();
    const body = { student_id: otherStudent.user.id, instructor_id: instructor.user.id, scheduled_at: nextSlot().toISOString() };
    expectProblem(await book(student.token, body), 403, "forbidden");
    expectProblem(await book(otherInstructor.token, body), 403, "forbidden");
    const own = await book(instructor.token, body);
    expect(own.status).toBe(201);
  });

  it("refuses a slot outside the instructor's availability unless an admin overrides it, and audits the override", async () => {
    const busy = await makeUser("INSTRUCTOR");
    const body = { student_id: student.user.id, instructor_id: busy.user.id, scheduled_at: nextSlot().toISOString() };
    const refused = expectProblem(await book(admin.token, body), 409, "booking_conflict");
    expect(refused.conflicts).toEqual([{ resource: "instructor", booking_id: null }]);
    expectProblem(await book(student.token, { ...body, override_availability: true }), 403, "forbidden");
    const forced = await book(admin.token, { ...body, override_availability: true });
    expect(forced.status).toBe(201);
    const [entry] = await auditOf(forced.body.id);
    expect(entry!.metadata).toMatchObject({ override_availability: true });
  });

  it("refuses an overlap, naming the booking in the way for each resource", async () => {
    const aircraft = await makeAircraft();
    const start = nextSlot();
    const first = await book(admin.token, {
      student_id: student.user.id, instructor_id: instructor.user.id, aircraft_id: aircraft, scheduled_at: start.toISOString(),
    });
    expect(first.status).toBe(201);
    const otherStudent = await makeUser("STUDENT");
    const otherInstructor = await makeAvailableInstructor();
    const cases = [
      { body: { student_id: student.user.id, instructor_id: otherInstructor.user.id }, resource: "student" },
      { body: { student_id: otherStudent.user.id, instructor_id: instructor.user.id }, resource: "instructor" },
      { body: { student_id: otherStudent.user.id, instructor_id: otherInstructor.user.id, aircraft_id: aircraft }, resource: "aircraft" },
    ];
    for (const { body, resource } of cases) {
      const res = await book(admin.token, { ...body, scheduled_at: at(start, 59), duration_minutes: 30 });
      const problem = expectProblem(res, 409, "booking_conflict");
      expect(problem.conflicts).toEqual([{ resource, booking_id: first.body.id }]);
    }
    const all = await book(admin.token, {
      student_id: student.user.id, instructor_id: instructor.user.id, aircraft_id: aircraft, scheduled_at: at(start, -30),
    });
    expect(expectProblem(all, 409, "booking_conflict").conflicts).toEqual([
      { resource: "student", booking_id: first.body.id },
      { resource: "instructor", booking_id: first.body.id },
      { resource: "aircraft", booking_id: first.body.id },
    ]);
    // Back to back is not an overlap.
    const after = await book(admin.token, {
      student_id: student.user.id, instructor_id: instructor.user.id, aircraft_id: aircraft, scheduled_at: at(start, 60),
    });
    expect(after.status).toBe(201);
  });

  it("replays the first answer for a repeated Idempotency-Key, booking once", async () => {
    const key = crypto.randomUUID();
    const body = { student_id: student.user.id, instructor_id: instructor.user.id, scheduled_at: nextSlot().toISOString() };
    const first = await book(student.token, body, { "idempotency-key": key });
    expect(first.status).toBe(201);
    const again = await book(student.token, body, { "idempotency-key": key });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
    const different = await book(student.token, { ...body, duration_minutes: 30 }, { "idempotency-key": key });
    expectProblem(different, 422, "idempotency_key_reused");
    const rows = await ownerDb().query("SELECT id FROM bookings WHERE student_id = $1 AND scheduled_at = $2", [
      student.user.id, body.scheduled_at,
    ]);
    expect(rows).toHaveLength(1);
  });

  it("answers every bad field with a 4xx problem naming it", async () => {
    const valid = { student_id: student.user.id, instructor_id: instructor.user.id, scheduled_at: nextSlot().toISOString() };
    const cases: [Record<string, unknown>, string][] = [
      [{ departure_airport: "ZZZZ" }, "departure_airport"],
      [{ arrival_airport: "QQQ" }, "arrival_airport"],
      [{ departure_airport: "KJFK'; DROP TABLE bookings; --" }, "departure_airport"],
      [{ departure_airport: 42 }, "departure_airport"],
      [{ student_id: instructor.user.id }, "student_id"],
      [{ instructor_id: student.user.id }, "instructor_id"],
      [{ instructor_id: crypto.randomUUID() }, "instructor_id"],
      [{ student_id: "not-a-uuid" }, "student_id"],
      [{ aircraft_id: crypto.randomUUID() }, "aircraft_id"],
      [{ aircraft_id: "1 OR 1=1" }, "aircraft_id"],
      [{ duration_minutes: 14 }, "duration_minutes"],
      [{ duration_minutes: 721 }, "duration_minutes"],
      [{ duration_minutes: 60.5 }, "duration_minutes"],
      [{ duration_minutes: "60" }, "duration_minutes"],
      [{ scheduled_at: "2020-01-01T10:00:00Z" }, "scheduled_at"],
      [{ scheduled_at: "2040-01-01" }, "scheduled_at"],
      [{ scheduled_at: "2040-02-30T10:00:00Z" }, "scheduled_at"],
      [{ scheduled_at: "2040-01-01T24:00:00Z" }, "scheduled_at"],
      [{ scheduled_at: 1893456000000 }, "scheduled_at"],
      [{ override_availability: "yes" }, "override_availability"],
      [{ pilot_in_command: "me" }, "pilot_in_command"],
    ];
    for (const [change, path] of cases) {
      const res = await book(admin.token, { ...valid, ...change } as never);
      const problem = expectProblem(res, 422, "validation_failed");
      expect({ change, paths: (problem.errors as { path: string }[]).map((e) => e.path) }).toEqual({ change, paths: [path] });
    }
    const { student_id: _, ...missing } = valid;
    expectProblem(await book(admin.token, missing as never), 422, "validation_failed");
    expectProblem(
      await call("/v1/bookings", { method: "POST", token: admin.token, rawBody: "{", headers: { "content-type": "application/json" } }),
      400,
      "malformed_json",
    );
    const stored = await ownerDb().query("SELECT id FROM bookings WHERE scheduled_at = $1 AND instructor_id = $2", [
      valid.scheduled_at, instructor.user.id,
    ]);
    expect(stored).toEqual([]);
  });
});

describe("booking under concurrency", () => {
  // One crowd for all three races: each race has its own day, so they never meet.
  let students: TestUser[];
  let instructors: TestUser[];

  beforeAll(async () => {
    [students, instructors] = await Promise.all([
      Promise.all(Array.from({ length: 50 }, () => makeUser("STUDENT"))),
      Promise.all(Array.from({ length: 50 }, () => makeAvailableInstructor())),
    ]);
  });

  const race = async (bodies: { token: string; body: Parameters<typeof book>[1] }[]) => {
    const results = await Promise.all(bodies.map(({ token, body }) => book(token, body)));
    const winners = results.filter((r) => r.status === 201);
    expect(winners).toHaveLength(1);
    const losers = results.filter((r) => r.status !== 201);
    expect(losers).toHaveLength(bodies.length - 1);
    for (const loser of losers) {
      const problem = expectProblem(loser, 409, "booking_conflict");
      expect(problem.conflicts).toContainEqual(expect.objectContaining({ booking_id: winners[0]!.body.id }));
    }
    return winners[0]!.body.id as string;
  };

  it("gives one of 50 overlapping requests for one instructor the slot", async () => {
    const busy = await makeAvailableInstructor();
    const start = nextSlot();
    await race(
      students.map((s, i) => ({
        token: s.token,
        body: { student_id: s.user.id, instructor_id: busy.user.id, scheduled_at: at(start, i), duration_minutes: 90 },
      })),
    );
    const rows = await ownerDb().query("SELECT id FROM bookings WHERE instructor_id = $1", [busy.user.id]);
    expect(rows).toHaveLength(1);
  });

  it("gives one of 50 overlapping requests for one aircraft the slot", async () => {
    const aircraft = await makeAircraft();
    const start = nextSlot();
    await race(
      students.map((s, i) => ({
        token: s.token,
        body: { student_id: s.user.id, instructor_id: instructors[i]!.user.id, aircraft_id: aircraft, scheduled_at: at(start, i) },
      })),
    );
    const rows = await ownerDb().query("SELECT id FROM bookings WHERE aircraft_id = $1", [aircraft]);
    expect(rows).toHaveLength(1);
  });

  it("gives one of 50 overlapping requests for one student the slot", async () => {
    const pilot = await makeUser("STUDENT");
    const start = nextSlot();
    await race(
      instructors.map((ins, i) => ({
        token: pilot.token,
        body: { student_id: pilot.user.id, instructor_id: ins.user.id, scheduled_at: at(start, -i) },
      })),
    );
    const rows = await ownerDb().query("SELECT id FROM bookings WHERE student_id = $1", [pilot.user.id]);
    expect(rows).toHaveLength(1);
  });
});

describe("GET /v1/bookings", () => {
  it("lists by start time with keyset pages, showing each person only their own", async () => {
    const teacher = await makeAvailableInstructor();
    const [a, b] = await Promise.all([makeUser("STUDENT"), makeUser("STUDENT")]);
    const start = nextSlot();
    // Created out of order, listed by start time.
    const made = [];
    for (const [who, offset] of [[b, 120], [a, 0], [a, 240]] as const) {
      const res = await book(admin.token, { student_id: who.user.id, instructor_id: teacher.user.id, scheduled_at: at(start, offset) });
      expect(res.status).toBe(201);
      made.push(res.body);
    }
    const ids = (page: { data: { id: string }[] }) => page.data.map((x) => x.id);
    const first = await call(`/v1/bookings?instructor_id=${teacher.user.id}&limit=2`, { token: teacher.token });
    expect(first.status).toBe(200);
    expect(ids(first.body)).toEqual([made[1].id, made[0].id]);
    const second = await call(`/v1/bookings?instructor_id=${teacher.user.id}&limit=2&cursor=${first.body.next_cursor}`, {
      token: teacher.token,
    });
    expect(ids(second.body)).toEqual([made[2].id]);
    expect(second.body.next_cursor).toBeNull();

    // A student asking for someone else's bookings gets only their own (here: none of b's).
    const asA = await call(`/v1/bookings?instructor_id=${teacher.user.id}`, { token: a.token });
    expect(ids(asA.body)).toEqual([made[1].id, made[2].id]);
    const snooping = await call(`/v1/bookings?student_id=${b.user.id}`, { token: a.token });
    expect(snooping.body.data).toEqual([]);
    // Another instructor sees none of them.
    const stranger = await makeUser("INSTRUCTOR");
    expect((await call(`/v1/bookings?instructor_id=${teacher.user.id}`, { token: stranger.token })).body.data).toEqual([]);
    // Admins see all, and filters narrow.
    const window = await call(
      `/v1/bookings?instructor_id=${teacher.user.id}&from=${encodeURIComponent(at(start, 60))}&to=${encodeURIComponent(at(start, 240))}`,
      { token: admin.token },
    );
    expect(ids(window.body)).toEqual([made[0].id]);
    const cancelled = await call(`/v1/bookings?instructor_id=${teacher.user.id}&status=CANCELLED`, { token: admin.token });
    expect(cancelled.body.data).toEqual([]);
  });

  it("refuses bad filters with 422", async () => {
    for (const query of ["status=LOST", "from=yesterday", "student_id=1", "limit=0", "limit=201", "cursor=%%%", "cursor=WyJ4IiwieSJd"]) {
      expectProblem(await call(`/v1/bookings?${query}`, { token: admin.token }), 422, "validation_failed");
    }
  });
});

describe("GET /v1/bookings/:id", () => {
  it("shows a booking to its people and admins, 404 to anyone else", async () => {
    const res = await book(student.token, { student_id: student.user.id, instructor_id: instructor.user.id, scheduled_at: nextSlot().toISOString() });
    const [otherStudent, otherInstructor] = await Promise.all([makeUser("STUDENT"), makeUser("INSTRUCTOR")]);
    for (const who of [student, instructor, admin]) {
      expect((await call(`/v1/bookings/${res.body.id}`, { token: who.token })).status).toBe(200);
    }
    for (const who of [otherStudent, otherInstructor]) {
      expectProblem(await call(`/v1/bookings/${res.body.id}`, { token: who.token }), 404, "not_found");
    }
    expectProblem(await call(`/v1/bookings/${crypto.randomUUID()}`, { token: admin.token }), 404, "not_found");
    expectProblem(await call("/v1/bookings/not-a-uuid", { token: admin.token }), 422, "validation_failed");
  });
});

describe("POST /v1/bookings/:id/cancel", () => {
  it("cancels, keeps the reason verbatim, audits, tells the other person and frees the slot", async () => {
    const start = nextSlot();
    const made = await book(student.token, { student_id: student.user.id, instructor_id: instructor.user.id, scheduled_at: start.toISOString() });
    const reason = "Sick ✈ O'Brien\"; DROP TABLE bookings; --";
    const res = await call(`/v1/bookings/${made.body.id}/cancel`, { method: "POST", token: student.token, body: { reason } });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("CANCELLED");
    const [row] = await ownerDb().query("SELECT cancel_reason, cancelled_by FROM bookings WHERE id = $1", [made.body.id]);
    expect(row).toEqual({ cancel_reason: reason, cancelled_by: student.user.id });
    const audit = await auditOf(made.body.id);
    expect(audit.at(-1)).toMatchObject({ action: "booking.cancelled", user_id: student.user.id, metadata: { from_status: "CONFIRMED", reason } });
    expect(await notificationsOf(instructor.user.id, made.body.id)).toEqual(
      expect.arrayContaining([{ type: "CANCELLATION" }]),
    );
    expect(await notificationsOf(student.user.id, made.body.id)).toEqual([]);

    const again = await call(`/v1/bookings/${made.body.id}/cancel`, { method: "POST", token: student.token, body: { reason } });
    expectProblem(again, 409, "invalid_state");
    const rebooked = await book(student.token, { student_id: student.user.id, instructor_id: instructor.user.id, scheduled_at: start.toISOString() });
    expect(rebooked.status).toBe(201);
  });

  it("lets only the booking's people or an admin cancel it", async () => {
    const made = await book(admin.token, { student_id: student.user.id, instructor_id: instructor.user.id, scheduled_at: nextSlot().toISOString() });
    const [otherStudent, otherInstructor] = await Promise.all([makeUser("STUDENT"), makeUser("INSTRUCTOR")]);
    for (const who of [otherStudent, otherInstructor]) {
      expectProblem(await call(`/v1/bookings/${made.body.id}/cancel`, { method: "POST", token: who.token, body: { reason: "x" } }), 404, "not_found");
    }
    const byAdmin = await call(`/v1/bookings/${made.body.id}/cancel`, { method: "POST", token: admin.token, body: { reason: "weather" } });
    expect(byAdmin.status).toBe(200);
    expect(await notificationsOf(student.user.id, made.body.id)).toContainEqual({ type: "CANCELLATION" });
    expect(await notificationsOf(instructor.user.id, made.body.id)).toContainEqual({ type: "CANCELLATION" });
  });

  it("refuses finished bookings and bad reasons", async () => {
    const made = await book(admin.token, { student_id: student.user.id, instructor_id: instructor.user.id, scheduled_at: nextSlot().toISOString() });
    for (const body of [{}, { reason: "" }, { reason: "   " }, { reason: 7 }, { reason: "x".repeat(1001) }, { reason: "a\u0000b" }]) {
      expectProblem(await call(`/v1/bookings/${made.body.id}/cancel`, { method: "POST", token: admin.token, body }), 422, "validation_failed");
    }
    await ownerDb().query("UPDATE bookings SET status = 'COMPLETED' WHERE id = $1", [made.body.id]);
    const res = await call(`/v1/bookings/${made.body.id}/cancel`, { method: "POST", token: admin.token, body: { reason: "late" } });
    expectProblem(res, 409, "invalid_state");
  });
});

describe("PATCH /v1/bookings/:id", () => {
  it("lets the instructor move a booking, audited, telling the student", async () => {
    const start = nextSlot();
    const made = await book(student.token, { student_id: student.user.id, instructor_id: instructor.user.id, scheduled_at: start.toISOString() });
    const res = await call(`/v1/bookings/${made.body.id}`, {
      method: "PATCH",
      token: instructor.token,
      body: { scheduled_at: at(start, 30), duration_minutes: 90 },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ scheduled_at: at(start, 30), ends_at: at(start, 120), duration_minutes: 90, status: "CONFIRMED" });
    const audit = await auditOf(made.body.id);
    expect(audit.at(-1)).toMatchObject({
      action: "booking.updated",
      user_id: instructor.user.id,
      metadata: { before: { duration_minutes: 60 }, after: { duration_minutes: 90 } },
    });
    expect(await notificationsOf(student.user.id, made.body.id)).toEqual([{ type: "CONFIRMATION" }]);
  });

  it("is for the booking's instructor and admins; its student gets 403, strangers 404", async () => {
    const made = await book(student.token, { student_id: student.user.id, instructor_id: instructor.user.id, scheduled_at: nextSlot().toISOString() });
    const [otherStudent, otherInstructor] = await Promise.all([makeUser("STUDENT"), makeUser("INSTRUCTOR")]);
    const body = { duration_minutes: 45 };
    expectProblem(await call(`/v1/bookings/${made.body.id}`, { method: "PATCH", token: student.token, body }), 403, "forbidden");
    for (const who of [otherStudent, otherInstructor]) {
      expectProblem(await call(`/v1/bookings/${made.body.id}`, { method: "PATCH", token: who.token, body }), 404, "not_found");
    }
    const byAdmin = await call(`/v1/bookings/${made.body.id}`, { method: "PATCH", token: admin.token, body });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.duration_minutes).toBe(45);
  });

  it("applies the same conflict and availability rules as booking", async () => {
    const start = nextSlot();
    const aircraft = await makeAircraft();
    const [first, second] = await Promise.all([
      book(admin.token, { student_id: student.user.id, instructor_id: instructor.user.id, aircraft_id: aircraft, scheduled_at: start.toISOString() }),
      book(admin.token, { student_id: student.user.id, instructor_id: instructor.user.id, scheduled_at: at(start, 180) }),
    ]);
    const moved = await call(`/v1/bookings/${second.body.id}`, { method: "PATCH", token: instructor.token, body: { scheduled_at: at(start, 30) } });
    expect(expectProblem(moved, 409, "booking_conflict").conflicts).toEqual([
      { resource: "student", booking_id: first.body.id },
      { resource: "instructor", booking_id: first.body.id },
    ]);
    const otherStudent = await makeUser("STUDENT");
    const otherInstructor = await makeAvailableInstructor();
    const third = await book(admin.token, { student_id: otherStudent.user.id, instructor_id: otherInstructor.user.id, scheduled_at: at(start, 30) });
    const plane = await call(`/v1/bookings/${third.body.id}`, { method: "PATCH", token: admin.token, body: { aircraft_id: aircraft } });
    expect(expectProblem(plane, 409, "booking_conflict").conflicts).toEqual([{ resource: "aircraft", booking_id: first.body.id }]);
    // A booking never conflicts with itself when it grows.
    const longer = await call(`/v1/bookings/${first.body.id}`, { method: "PATCH", token: admin.token, body: { duration_minutes: 120 } });
    expect(longer.status).toBe(200);

    await ownerDb().query(
      "INSERT INTO availability_overrides (user_id, date, is_blocked) VALUES ($1, $2::timestamptz::date, true)",
      [instructor.user.id, at(start, 24 * 60)],
    );
    const blocked = await call(`/v1/bookings/${second.body.id}`, {
      method: "PATCH", token: instructor.token, body: { scheduled_at: at(start, 24 * 60) },
    });
    expect(expectProblem(blocked, 409, "booking_conflict").conflicts).toEqual([{ resource: "instructor", booking_id: null }]);
    expectProblem(
      await call(`/v1/bookings/${second.body.id}`, { method: "PATCH", token: instructor.token, body: { scheduled_at: at(start, 24 * 60), override_availability: true } }),
      403,
      "forbidden",
    );
    const forced = await call(`/v1/bookings/${second.body.id}`, {
      method: "PATCH", token: admin.token, body: { scheduled_at: at(start, 24 * 60), override_availability: true },
    });
    expect(forced.status).toBe(200);
    expect((await auditOf(second.body.id)).at(-1)!.metadata).toMatchObject({ override_availability: true });
  });

  it("refuses inactive bookings and bad fields", async () => {
    const made = await book(admin.token, { student_id: student.user.id, instructor_id: instructor.user.id, scheduled_at: nextSlot().toISOString() });
    expect(made.status).toBe(201);
    const cases: [unknown, string | null][] = [
      [{}, null],
      [{ duration_minutes: 721 }, "duration_minutes"],
      [{ scheduled_at: "2001-01-01T00:00:00Z" }, "scheduled_at"],
      [{ aircraft_id: "x" }, "aircraft_id"],
      [{ aircraft_id: crypto.randomUUID() }, "aircraft_id"],
      [{ status: "COMPLETED" }, "status"],
    ];
    for (const [body, path] of cases) {
      const problem = expectProblem(await call(`/v1/bookings/${made.body.id}`, { method: "PATCH", token: admin.token, body }), 422, "validation_failed");
      if (path) expect((problem.errors as { path: string }[]).map((e) => e.path)).toEqual([path]);
    }
    await call(`/v1/bookings/${made.body.id}/cancel`, { method: "POST", token: admin.token, body: { reason: "gone" } });
    expectProblem(
      await call(`/v1/bookings/${made.body.id}`, { method: "PATCH", token: admin.token, body: { duration_minutes: 30 } }),
      409,
      "invalid_state",
    );
  });
});

describe.skipIf(!redisUp)("bookings and cached availability", () => {
  it("a booking, its move and its cancellation show in the instructor's availability at once", async () => {
    const teacher = await makeAvailableInstructor();
    const start = nextSlot();
    const day = start.toISOString().slice(0, 10);
    const slots = async () =>
      (await call(`/v1/users/${teacher.user.id}/availability?from=${day}&to=${day}`, { token: teacher.token })).body.slots as {
        start: string;
        end: string;
      }[];
    const busyAt = async (instant: string) => (await slots()).every((s) => !(s.start <= instant && instant < s.end));
    // Warm the cache, then change bookings and expect every read to see the change.
    expect(await busyAt(start.toISOString())).toBe(false);
    const made = await book(admin.token, { student_id: student.user.id, instructor_id: teacher.user.id, scheduled_at: start.toISOString() });
    expect(made.status).toBe(201);
    expect(await busyAt(start.toISOString())).toBe(true);
    const moved = await call(`/v1/bookings/${made.body.id}`, { method: "PATCH", token: teacher.token, body: { scheduled_at: at(start, 120) } });
    expect(moved.status).toBe(200);
    expect(await busyAt(start.toISOString())).toBe(false);
    expect(await busyAt(at(start, 120))).toBe(true);
    await call(`/v1/bookings/${made.body.id}/cancel`, { method: "POST", token: teacher.token, body: { reason: "fog" } });
    expect(await busyAt(at(start, 120))).toBe(false);
  });
});
