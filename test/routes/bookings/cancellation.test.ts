import { beforeAll, describe, expect, it } from "vitest";
import { statement } from "../../../src/db/client";
import { bookingsUpdateCancelled as updateCancelled } from "../../../sql/queries/bookings/bookings_update_cancelled.queries";
import { statusesMovableTo } from "../../../src/bookings/status";
import { call, expectProblem } from "../../support/api";
import { ownerDb } from "../../support/db";
import { makeUser, type TestUser } from "../../support/users";
import { book, makeAircraft, makeAvailableInstructor, nextSlot } from "./fixtures";

let admin: TestUser;
let instructor: TestUser;
let student: TestUser;

beforeAll(async () => {
  [admin, instructor, student] = await Promise.all([makeUser("ADMIN"), makeAvailableInstructor(), makeUser("STUDENT")]);
});

const HOUR = 3_600_000;

/** About `hours` from now, on a quarter hour; each call 75 minutes later, so this file's bookings never overlap. */
const soon = (() => {
  let n = 0;
  return (hours: number) => new Date(Math.ceil((Date.now() + hours * HOUR) / 900_000) * 900_000 + n++ * 75 * 60_000);
})();

async function booking(at: Date, extra: { aircraft_id?: string } = {}): Promise<string> {
  const made = await book(admin.token, { student_id: student.user.id, instructor_id: instructor.user.id, scheduled_at: at.toISOString(), ...extra });
  expect(made.status, made.text).toBe(201);
  return String(made.body.id);
}

const cancel = (id: string, body: Record<string, unknown>, token = admin.token) =>
  call(`/v1/bookings/${id}/cancel`, { method: "POST", token, body: { reason: "as asked", ...body } });

describe("POST /v1/bookings/:id/cancel: the cancellation policy", () => {
  it("defaults to OTHER, and a cancellation well ahead is not late", async () => {
    const id = await booking(nextSlot());
    const res = await cancel(id, {});
    expect(res.status, res.text).toBe(200);
    expect(res.body.cancellation).toEqual({ category: "OTHER", late: false, no_fault: false });
    const [row] = await ownerDb().query("SELECT cancellation_category, cancellation_late, cancellation_no_fault FROM bookings WHERE id = $1", [id]);
    expect(row).toEqual({ cancellation_category: "OTHER", cancellation_late: false, cancellation_no_fault: false });
    const [audit] = await ownerDb().query<{ metadata: Record<string, unknown> }>(
      "SELECT metadata FROM audit_log WHERE entity_id = $1 AND action = 'booking.cancelled'",
      [id],
    );
    expect(audit!.metadata).toMatchObject({ category: "OTHER", late: false, no_fault: false });
  });

  it("is late inside 24 hours by default, whatever the category that is the school's or student's", async () => {
    for (const category of ["STUDENT", "ILLNESS", "INSTRUCTOR", "OTHER", "WEATHER", "MAINTENANCE"]) {
      const id = await booking(soon(3));
      const res = await cancel(id, { category });
      expect(res.status, res.text).toBe(200);
      // Weather without a forecast against it, maintenance with an airworthy aircraft (or none): the student's call.
      expect(res.body.cancellation).toEqual({ category, late: true, no_fault: false });
    }
  });

  it("a weather cancellation is no-fault, and so never late, while the weather is against the flight", async () => {
    const atRisk = await booking(soon(2));
    await ownerDb().query("UPDATE bookings SET status = 'AT_RISK', risk_reasons = '{weather}' WHERE id = $1", [atRisk]);
    expect((await cancel(atRisk, { category: "WEATHER" })).body.cancellation).toEqual({ category: "WEATHER", late: false, no_fault: true });

    // A VIOLATION on record counts too, even once the booking is no longer at risk.
    const violated = await booking(soon(2));
    await ownerDb().query("UPDATE bookings SET weather_status = 'VIOLATION' WHERE id = $1", [violated]);
    expect((await cancel(violated, { category: "WEATHER" })).body.cancellation).toEqual({ category: "WEATHER", late: false, no_fault: true });

    // The weather is no excuse for another category.
    const other = await booking(soon(2));
    await ownerDb().query("UPDATE bookings SET status = 'AT_RISK', risk_reasons = '{weather}' WHERE id = $1", [other]);
    expect((await cancel(other, { category: "STUDENT" })).body.cancellation).toEqual({ category: "STUDENT", late: true, no_fault: false });
  });

  it("a maintenance cancellation is no-fault while the aircraft is not airworthy", async () => {
    const plane = await makeAircraft();
    const grounded = await booking(soon(4), { aircraft_id: plane });
    await ownerDb().query("UPDATE aircraft SET status = 'MAINTENANCE' WHERE id = $1", [plane]);
    expect((await cancel(grounded, { category: "MAINTENANCE" })).body.cancellation).toEqual({ category: "MAINTENANCE", late: false, no_fault: true });

    const fine = await booking(soon(4), { aircraft_id: await makeAircraft() });
    expect((await cancel(fine, { category: "MAINTENANCE" })).body.cancellation).toEqual({ category: "MAINTENANCE", late: true, no_fault: false });
  });

  it("reads late_cancel_hours from the booking rules", async () => {
    const id = await booking(soon(30));
    const db = ownerDb();
    // One transaction sets the rule, cancels and puts the rule back: no other test ever sees it.
    const results = await db.batch([
      { text: "CREATE TEMP TABLE kept ON COMMIT DROP AS SELECT * FROM settings WHERE key = 'booking_rules'" },
      {
        text: `INSERT INTO settings (key, value) VALUES ('booking_rules', '{"late_cancel_hours": 48}')
               ON CONFLICT (key) DO UPDATE SET value = settings.value || excluded.value`,
      },
      statement(updateCancelled, {
        bookingId: id, actorId: admin.user.id, actorRole: "ADMIN", reason: "as asked", statuses: statusesMovableTo("CANCELLED"), category: "STUDENT",
      }),
      { text: "DELETE FROM settings WHERE key = 'booking_rules' AND NOT EXISTS (SELECT 1 FROM kept)" },
      { text: "UPDATE settings s SET value = k.value FROM kept k WHERE s.key = k.key" },
    ]);
    expect(results[2]![0]).toMatchObject({ id, cancellation_category: "STUDENT", cancellation_late: true, cancellation_no_fault: false });

    // Without the rule, 30 hours ahead is in time.
    const inTime = await booking(soon(30));
    expect((await cancel(inTime, { category: "STUDENT" })).body.cancellation).toEqual({ category: "STUDENT", late: false, no_fault: false });
  });

  it("refuses an unknown category and leaves the booking as it was", async () => {
    const id = await booking(nextSlot());
    for (const category of ["RAIN", "weather", "", 3, null]) {
      const problem = expectProblem(await cancel(id, { category }), 422, "validation_failed");
      expect(problem.errors).toEqual([expect.objectContaining({ path: "category" })]);
    }
    const [row] = await ownerDb().query("SELECT status, cancellation_category FROM bookings WHERE id = $1", [id]);
    expect(row).toEqual({ status: "CONFIRMED", cancellation_category: null });
  });
});

describe("GET /v1/admin/reports/cancellations", () => {
  /** A day in the 22nd century no other test books, so the totals are this test's own. */
  const day = new Date(Date.UTC(2150, 0, 1) + Math.floor(Math.random() * 20_000) * 86_400_000);
  const date = (d: Date) => d.toISOString().slice(0, 10);

  it("counts per category, late and no-fault, overall and per student, a page at a time", async () => {
    const [ann, bob] = await Promise.all([makeUser("STUDENT", { first_name: "Ann" }), makeUser("STUDENT", { first_name: "Bob" })]);
    const rows: [TestUser, string | null, boolean | null, boolean | null, string?][] = [
      [ann, "WEATHER", false, true],
      [ann, "STUDENT", true, false],
      [ann, "STUDENT", false, false],
      [bob, "ILLNESS", true, false],
      [bob, null, null, null],
      [bob, "OTHER", false, false, "COMPLETED"],
    ];
    let hour = 0;
    for (const [who, category, late, noFault, status] of rows) {
      await ownerDb().query(
        `INSERT INTO bookings (student_id, instructor_id, departure_airport, arrival_airport, departure_latitude, departure_longitude,
           arrival_latitude, arrival_longitude, scheduled_at, status, training_level, cancellation_category, cancellation_late,
           cancellation_no_fault)
         VALUES ($1, $2, 'KJFK', 'KJFK', 40.6, -73.8, 40.6, -73.8, $3, $4, 'STUDENT_PILOT', $5, $6, $7)`,
        [who.user.id, instructor.user.id, new Date(day.getTime() + hour++ * HOUR).toISOString(), status ?? "CANCELLED", category, late, noFault],
      );
    }
    const zero = { cancelled: 0, late: 0, no_fault: 0 };
    const res = await call(`/v1/admin/reports/cancellations?from=${date(day)}&to=${date(day)}&limit=1`, { token: admin.token });
    expect(res.status, res.text).toBe(200);
    expect(res.body.totals).toEqual({
      cancelled: 5,
      late: 2,
      no_fault: 1,
      by_category: {
        WEATHER: { cancelled: 1, late: 0, no_fault: 1 },
        MAINTENANCE: zero,
        ILLNESS: { cancelled: 1, late: 1, no_fault: 0 },
        STUDENT: { cancelled: 2, late: 1, no_fault: 0 },
        INSTRUCTOR: zero,
        // From before the policy: no category.
        OTHER: { cancelled: 1, late: 0, no_fault: 0 },
      },
    });
    const byStudent = new Map<string, any>();
    let page = res.body;
    for (;;) {
      expect(page.data.length).toBeLessThanOrEqual(1);
      for (const s of page.data) byStudent.set(s.student_id, s);
      if (!page.next_cursor) break;
      page = (await call(`/v1/admin/reports/cancellations?from=${date(day)}&to=${date(day)}&limit=1&cursor=${page.next_cursor}`, { token: admin.token })).body;
    }
    expect(byStudent.size).toBe(2);
    expect(byStudent.get(ann.user.id)).toMatchObject({ first_name: "Ann", cancelled: 3, late: 1, no_fault: 1 });
    expect(byStudent.get(ann.user.id).by_category.STUDENT).toEqual({ cancelled: 2, late: 1, no_fault: 0 });
    expect(byStudent.get(bob.user.id)).toMatchObject({ first_name: "Bob", cancelled: 2, late: 1, no_fault: 0 });

    const dayAfter = new Date(day.getTime() + 86_400_000);
    const empty = await call(`/v1/admin/reports/cancellations?from=${date(dayAfter)}&to=${date(dayAfter)}`, { token: admin.token });
    expect(empty.body).toMatchObject({ totals: { cancelled: 0, late: 0, no_fault: 0 }, data: [], next_cursor: null });
  });

  it("is for admins only, and refuses a bad period", async () => {
    for (const who of [student, instructor]) {
      expectProblem(await call("/v1/admin/reports/cancellations?from=2030-01-01&to=2030-01-31", { token: who.token }), 403, "forbidden");
    }
    for (const query of ["", "from=2030-01-01", "from=2030-02-01&to=2030-01-01", "from=2030-02-30&to=2030-03-01", "from=yesterday&to=today"]) {
      expectProblem(await call(`/v1/admin/reports/cancellations?${query}`, { token: admin.token }), 422, "validation_failed");
    }
  });
});
