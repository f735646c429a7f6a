import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createCache } from "../../../src/cache/store";
import { loadConfig } from "../../../src/env";
import { createLogger } from "../../../src/http/log";
import { invalidateAvailability } from "../../../src/routes/users/availability.cache";
import { call, expectProblem } from "../../support/api";
import { ownerDb, redisUp } from "../../support/db";
import { makeUser, type TestUser } from "../../support/users";

const NY = "America/New_York";
const weekends = [
  { day_of_week: 6, start_time: "09:00", end_time: "17:00" },
  { day_of_week: 0, start_time: "09:00", end_time: "17:00" },
];

const cache = createCache(loadConfig(env), createLogger({ test: "availability" }));

let admin: TestUser;
let student: TestUser;
let otherStudent: TestUser;

beforeAll(async () => {
  [admin, student, otherStudent] = await Promise.all([makeUser("ADMIN"), makeUser("STUDENT"), makeUser("STUDENT")]);
});

const putPatterns = (who: TestUser, userId: string, body: unknown) =>
  call(`/v1/users/${userId}/availability/patterns`, { method: "PUT", token: who.token, body });
const addOverride = (who: TestUser, userId: string, body: unknown, headers: Record<string, string> = {}) =>
  call(`/v1/users/${userId}/availability/overrides`, { method: "POST", token: who.token, body, headers });
const availability = (who: TestUser, userId: string, from: string, to: string) =>
  call(`/v1/users/${userId}/availability?from=${from}&to=${to}`, { token: who.token });

/** An instructor in New York available 09:00-17:00 on weekends. */
async function weekendInstructor(): Promise<TestUser> {
  const instructor = await makeUser("INSTRUCTOR", { timezone: NY });
  expect((await putPatterns(instructor, instructor.user.id, weekends)).status).toBe(200);
  return instructor;
}

/** A random Saturday in 2029-2032, far from other tests' bookings. */
function farSaturday(): string {
  const base = Date.UTC(2029, 0, 6); // a Saturday
  const weeks = Math.floor(Math.random() * 200);
  return new Date(base + weeks * 7 * 86_400_000).toISOString().slice(0, 10);
}

describe("weekly patterns", () => {
  it("replaces the whole week, audited with before and after", async () => {
    const instructor = await weekendInstructor();
    const replaced = await putPatterns(instructor, instructor.user.id, [
      { day_of_week: 3, start_time: "13:00", end_time: "24:00" },
      { day_of_week: 3, start_time: "08:00", end_time: "12:00" },
    ]);
    expect(replaced.status).toBe(200);
    const read = await call(`/v1/users/${instructor.user.id}/availability/patterns`, { token: instructor.token });
    expect(read.status).toBe(200);
    expect(read.body.timezone).toBe(NY);
    expect(read.body.patterns.map(({ id: _, ...p }: { id: string }) => p)).toEqual([
      { day_of_week: 3, start_time: "08:00", end_time: "12:00" },
      { day_of_week: 3, start_time: "13:00", end_time: "24:00" },
    ]);
    const audit = await ownerDb().query<{ metadata: { before: unknown[]; after: unknown[] } }>(
      `SELECT metadata FROM audit_log
       WHERE entity_type = 'availability' AND entity_id = $1 AND action = 'availability.patterns_replaced'
       ORDER BY created_at`,
      [instructor.user.id],
    );
    expect(audit).toHaveLength(2);
    expect(audit[1]!.metadata.before).toEqual(weekends.slice().reverse());
    expect(audit[1]!.metadata.after).toHaveLength(2);

    expect((await putPatterns(instructor, instructor.user.id, [])).status).toBe(200);
    expect((await call(`/v1/users/${instructor.user.id}/availability/patterns`, { token: instructor.token })).body.patterns).toEqual([]);
  });

  it("concurrent replacements leave exactly one of the weeks", async () => {
    const instructor = await makeUser("INSTRUCTOR");
    const weeks = Array.from({ length: 6 }, (_, i) => [
      { day_of_week: i, start_time: "08:00", end_time: "10:00" },
      { day_of_week: i, start_time: "11:00", end_time: "12:00" },
    ]);
    const results = await Promise.all(weeks.map((week) => putPatterns(instructor, instructor.user.id, week)));
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(200));
    const stored = await ownerDb().query<{ day_of_week: number }>(
      "SELECT day_of_week FROM availability_patterns WHERE user_id = $1",
      [instructor.user.id],
    );
    expect(stored).toHaveLength(2);
    expect(new Set(stored.map((r) => r.day_of_week)).size).toBe(1);
  });

  it("refuses overlapping windows on the same day, bad times and end before start, changing nothing", async () => {
    const instructor = await weekendInstructor();
    const overlapping = expectProblem(
      await putPatterns(instructor, instructor.user.id, [
        { day_of_week: 1, start_time: "09:00", end_time: "12:00" },
        { day_of_week: 2, start_time: "09:00", end_time: "12:00" },
        { day_of_week: 1, start_time: "11:30", end_time: "13:00" },
      ]),
      422,
      "validation_failed",
    );
    expect(overlapping.errors).toEqual([expect.objectContaining({ path: "2.start_time" })]);
    for (const [window, path] of [
      [{ day_of_week: 1, start_time: "25:00", end_time: "10:00" }, "0.start_time"],
      [{ day_of_week: 1, start_time: "09:00", end_time: "24:30" }, "0.end_time"],
      [{ day_of_week: 1, start_time: "9:00", end_time: "10:00" }, "0.start_time"],
      [{ day_of_week: 1, start_time: "12:00", end_time: "11:00" }, "0.end_time"],
      [{ day_of_week: 1, start_time: "12:00", end_time: "12:00" }, "0.end_time"],
      [{ day_of_week: 7, start_time: "09:00", end_time: "10:00" }, "0.day_of_week"],
      [{ day_of_week: "1'; DROP TABLE users; --", start_time: "09:00", end_time: "10:00" }, "0.day_of_week"],
    ] as const) {
      const problem = expectProblem(await putPatterns(instructor, instructor.user.id, [window]), 422, "validation_failed");
      expect(problem.errors).toEqual([expect.objectContaining({ path })]);
    }
    expectProblem(await putPatterns(instructor, instructor.user.id, { day_of_week: 1 }), 422, "validation_failed");
    const read = await call(`/v1/users/${instructor.user.id}/availability/patterns`, { token: instructor.token });
    expect(read.body.patterns).toHaveLength(2);
  });

  it("only the user or an admin may change them: 403 if visible, 404 if not", async () => {
    const instructor = await weekendInstructor();
    const week = [{ day_of_week: 2, start_time: "10:00", end_time: "11:00" }];
    expectProblem(await putPatterns(student, instructor.user.id, week), 403, "forbidden");
    expectProblem(await putPatterns(otherStudent, student.user.id, week), 404, "not_found");
    expectProblem(await putPatterns(admin, crypto.randomUUID(), week), 404, "not_found");
    expect((await putPatterns(admin, student.user.id, week)).status).toBe(200);
    expect((await call(`/v1/users/${student.user.id}/availability/patterns`, { token: student.token })).body.patterns).toHaveLength(1);
  });
});

describe("GET /v1/users/:id/availability", () => {
  it("keeps 09:00-17:00 local across the March change: 14:00Z before, 13:00Z after", async () => {
    const instructor = await weekendInstructor();
    const res = await availability(student, instructor.user.id, "2027-03-13", "2027-03-14");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ user_id: instructor.user.id, timezone: NY });
    expect(res.body.slots).toEqual([
      { start: "2027-03-13T14:00:00.000Z", end: "2027-03-13T22:00:00.000Z" },
      { start: "2027-03-14T13:00:00.000Z", end: "2027-03-14T21:00:00.000Z" },
    ]);
  });

  it("and across the November change: 13:00Z before, 14:00Z after", async () => {
    const instructor = await weekendInstructor();
    const res = await availability(instructor, instructor.user.id, "2027-11-06", "2027-11-07");
    expect(res.body.slots).toEqual([
      { start: "2027-11-06T13:00:00.000Z", end: "2027-11-06T21:00:00.000Z" },
      { start: "2027-11-07T14:00:00.000Z", end: "2027-11-07T22:00:00.000Z" },
    ]);
  });

  it("a whole-day block empties the day; an unblocking override opens a day without a pattern", async () => {
    const instructor = await weekendInstructor();
    const blocked = await addOverride(instructor, instructor.user.id, { date: "2027-05-15", reason: "Checkride 'prep'; ✈ Zürich" });
    expect(blocked.status).toBe(201);
    expect(blocked.body).toMatchObject({
      user_id: instructor.user.id,
      date: "2027-05-15",
      start_time: null,
      end_time: null,
      is_blocked: true,
      reason: "Checkride 'prep'; ✈ Zürich",
    });
    const opened = await addOverride(instructor, instructor.user.id, {
      date: "2027-05-17",
      start_time: "10:00",
      end_time: "12:30",
      is_blocked: false,
    });
    expect(opened.status).toBe(201);
    const res = await availability(student, instructor.user.id, "2027-05-15", "2027-05-17");
    expect(res.body.slots).toEqual([
      { start: "2027-05-16T13:00:00.000Z", end: "2027-05-16T21:00:00.000Z" },
      { start: "2027-05-17T14:00:00.000Z", end: "2027-05-17T16:30:00.000Z" },
    ]);
    const audit = await ownerDb().query(
      "SELECT action FROM audit_log WHERE entity_type = 'availability' AND entity_id = $1 AND action = 'availability.override_created'",
      [instructor.user.id],
    );
    expect(audit).toHaveLength(2);
  });

  it("takes the user's active bookings out, but not cancelled ones", async () => {
    const instructor = await weekendInstructor();
    const saturday = farSaturday();
    const book = (start: string, minutes: number, status: string) =>
      ownerDb().query(
        `INSERT INTO bookings (student_id, instructor_id, departure_airport, arrival_airport, departure_latitude,
           departure_longitude, arrival_latitude, arrival_longitude, scheduled_at, duration_minutes, status, training_level,
           rules_overridden)
         SELECT $1, $2, 'KJFK', 'KJFK', a.latitude, a.longitude, a.latitude, a.longitude, $3, $4, $5, 'STUDENT_PILOT',
                -- Far-future days (past the booking horizon) keep these tests clear of every other.
                true
         FROM airports a WHERE a.icao = 'KJFK'`,
        [student.user.id, instructor.user.id, start, minutes, status],
      );
    const slots = (await availability(instructor, instructor.user.id, saturday, saturday)).body.slots;
    expect(slots).toHaveLength(1);
    const windowStart = Date.parse(slots[0].start);
    const at = (hours: number) => new Date(windowStart + hours * 3_600_000).toISOString();
    await book(at(2), 90, "CONFIRMED");
    await book(at(5), 60, "CANCELLED");
    // Written behind the service's back, so drop the cached answer as the bookings code does.
    await invalidateAvailability(cache, instructor.user.id);
    const after = await availability(instructor, instructor.user.id, saturday, saturday);
    expect(after.body.slots).toEqual([
      { start: at(0), end: at(2) },
      { start: at(3.5), end: slots[0].end },
    ]);
  });

  it("answers a 62-day range and refuses 63 days, bad dates and a reversed range", async () => {
    const instructor = await weekendInstructor();
    const sixtyTwo = await availability(instructor, instructor.user.id, "2027-01-01", "2027-03-03");
    expect(sixtyTwo.status).toBe(200);
    // 62 days from a Friday hold 9 Saturdays and 9 Sundays.
    expect(sixtyTwo.body.slots).toHaveLength(18);
    for (const [from, to] of [
      ["2027-01-01", "2027-03-04"],
      ["2027-02-30", "2027-03-01"],
      ["2027-03-01", "2027-02-28"],
      ["2027-3-1", "2027-03-02"],
      ["2027-03-01", "tomorrow"],
      ["'%3B--", "2027-03-02"],
    ]) {
      const problem = expectProblem(await availability(instructor, instructor.user.id, from!, to!), 422, "validation_failed");
      expect(JSON.stringify(problem)).not.toMatch(/select|stack|postgres/i);
    }
    expectProblem(await call(`/v1/users/${instructor.user.id}/availability`, { token: instructor.token }), 422, "validation_failed");
  });

  it("students see instructors' availability, never another student's", async () => {
    const instructor = await weekendInstructor();
    expect((await availability(otherStudent, instructor.user.id, "2027-05-15", "2027-05-16")).status).toBe(200);
    expect((await availability(student, student.user.id, "2027-05-15", "2027-05-16")).status).toBe(200);
    expect((await availability(admin, student.user.id, "2027-05-15", "2027-05-16")).status).toBe(200);
    expectProblem(await availability(otherStudent, student.user.id, "2027-05-15", "2027-05-16"), 404, "not_found");
    expectProblem(
      await call(`/v1/users/${student.user.id}/availability/patterns`, { token: otherStudent.token }),
      404,
      "not_found",
    );
    expectProblem(await availability(admin, crypto.randomUUID(), "2027-05-15", "2027-05-16"), 404, "not_found");
  });
});

describe("overrides", () => {
  it("refuses one time without the other, bad times and end before start", async () => {
    const instructor = await weekendInstructor();
    for (const [body, path] of [
      [{ date: "2027-05-15", start_time: "10:00" }, "end_time"],
      [{ date: "2027-05-15", start_time: "10:00", end_time: "09:00" }, "end_time"],
      [{ date: "2027-05-15", start_time: "25:00", end_time: "10:00" }, "start_time"],
      [{ date: "2027-02-30" }, "date"],
      [{ date: "2027-05-15", is_blocked: "yes" }, "is_blocked"],
      [{ date: "2027-05-15", reason: "x".repeat(501) }, "reason"],
    ] as const) {
      const problem = expectProblem(await addOverride(instructor, instructor.user.id, body), 422, "validation_failed");
      expect(problem.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
    }
  });

  it("replays the first response for the same Idempotency-Key, creating once", async () => {
    const instructor = await weekendInstructor();
    const key = crypto.randomUUID();
    const body = { date: "2027-06-05", start_time: "09:00", end_time: "10:00" };
    const first = await addOverride(instructor, instructor.user.id, body, { "idempotency-key": key });
    const again = await addOverride(instructor, instructor.user.id, body, { "idempotency-key": key });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const stored = await ownerDb().query("SELECT id FROM availability_overrides WHERE user_id = $1", [instructor.user.id]);
    expect(stored).toHaveLength(1);
  });

  it("deletes one's own override (audited); someone else's or an unknown one is 404", async () => {
    const instructor = await weekendInstructor();
    const other = await weekendInstructor();
    const created = await addOverride(instructor, instructor.user.id, { date: "2027-05-15" });
    const path = `/v1/users/${instructor.user.id}/availability/overrides/${created.body.id}`;
    expectProblem(
      await call(`/v1/users/${other.user.id}/availability/overrides/${created.body.id}`, { method: "DELETE", token: other.token }),
      404,
      "not_found",
    );
    expectProblem(await call(path, { method: "DELETE", token: other.token }), 403, "forbidden");
    expectProblem(await call(path, { method: "DELETE", token: otherStudent.token }), 403, "forbidden");
    const deleted = await call(path, { method: "DELETE", token: instructor.token });
    expect(deleted.status).toBe(204);
    expectProblem(await call(path, { method: "DELETE", token: instructor.token }), 404, "not_found");
    const slots = (await availability(instructor, instructor.user.id, "2027-05-15", "2027-05-15")).body.slots;
    expect(slots).toEqual([{ start: "2027-05-15T13:00:00.000Z", end: "2027-05-15T21:00:00.000Z" }]);
    const audit = await ownerDb().query(
      "SELECT metadata FROM audit_log WHERE entity_id = $1 AND action = 'availability.override_deleted'",
      [instructor.user.id],
    );
    expect(audit).toEqual([expect.objectContaining({ metadata: expect.objectContaining({ override_id: created.body.id }) })]);
  });
});

describe.skipIf(!redisUp)("cached availability", () => {
  it("a read right after any write never returns the old value", async () => {
    const instructor = await weekendInstructor();
    const read = async () => (await availability(student, instructor.user.id, "2027-05-15", "2027-05-16")).body.slots;
    expect(await read()).toHaveLength(2);
    expect(await read()).toHaveLength(2);

    const blocked = await addOverride(instructor, instructor.user.id, { date: "2027-05-15" });
    expect(await read()).toHaveLength(1);

    await call(`/v1/users/${instructor.user.id}/availability/overrides/${blocked.body.id}`, {
      method: "DELETE",
      token: instructor.token,
    });
    expect(await read()).toHaveLength(2);

    await putPatterns(instructor, instructor.user.id, [{ day_of_week: 6, start_time: "09:00", end_time: "10:00" }]);
    expect(await read()).toEqual([{ start: "2027-05-15T13:00:00.000Z", end: "2027-05-15T14:00:00.000Z" }]);
  });

  it("serves the cached value until invalidateAvailability is called", async () => {
    const instructor = await weekendInstructor();
    const read = async () => (await availability(student, instructor.user.id, "2027-05-15", "2027-05-15")).body.slots;
    expect(await read()).toHaveLength(1);
    // A change behind the service's back is not seen while the entry is warm...
    await ownerDb().query("DELETE FROM availability_patterns WHERE user_id = $1", [instructor.user.id]);
    expect(await read()).toHaveLength(1);
    // ...and is as soon as the generation moves on (what booking writes do).
    await invalidateAvailability(cache, instructor.user.id);
    expect(await read()).toEqual([]);
  });
});
