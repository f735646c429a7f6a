import { beforeAll, describe, expect, it } from "vitest";
import { call } from "../../support/api";
import { ownerDb } from "../../support/db";
import { makeUser, type TestUser } from "../../support/users";
import { makeAvailableInstructor } from "../bookings/fixtures";
import { addAircraft, fileSquawk, hoursAhead, insertBooking } from "./fixtures";

let admin: TestUser;
let student: TestUser;
let instructor: TestUser;

beforeAll(async () => {
  [admin, student, instructor] = await Promise.all([makeUser("ADMIN"), makeUser("STUDENT"), makeAvailableInstructor()]);
});

const countOf = async (name: string) => {
  const res = await call("/v1/admin/integrity", { token: admin.token });
  return res.body.checks.find((c: { name: string }) => c.name === name) as { ok: boolean; count: number };
};

describe("GET /v1/admin/integrity: airworthiness data", () => {
  it("finds meters below a flight's readings, flights never checked in, and grounded aircraft's unflagged bookings", async () => {
    const db = ownerDb();
    const plane = await addAircraft(admin.token, { hobbs_hours: 100, tach_hours: 80 });
    const people = { studentId: student.user.id, instructorId: instructor.user.id, aircraftId: plane.id };
    const flown = await insertBooking({ ...people, at: hoursAhead(-50), status: "COMPLETED" });
    const lost = await insertBooking({ ...people, at: hoursAhead(-30), status: "DISPATCHED" });
    const upcoming = await insertBooking({ ...people, at: hoursAhead(30) });
    try {
      await db.query("UPDATE bookings SET hobbs_out = 99, hobbs_in = 101.5, tach_out = 79, tach_in = 80 WHERE id = $1", [flown]);
      await fileSquawk(student.token, plane.id, { severity: "GROUNDING", description: "Smoke in cabin" });
      // Written around aircraft_refresh_risk: the flag taken off again behind its back.
      await db.query("UPDATE bookings SET status = 'CONFIRMED', risk_reasons = '{}' WHERE id = $1", [upcoming]);
      for (const name of ["aircraft_totals_below_completed_flights", "dispatched_bookings_long_past_end", "grounded_aircraft_with_unflagged_bookings"]) {
        const check = await countOf(name);
        expect({ name, ok: check.ok, found: check.count >= 1 }).toEqual({ name, ok: false, found: true });
      }
    } finally {
      await db.query("DELETE FROM bookings WHERE id = ANY($1)", [[flown, lost, upcoming]]);
    }
  });
});
