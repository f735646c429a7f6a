import { describe, expect, it } from "vitest";
import { call } from "../../support/api";
import { ownerDb } from "../../support/db";
import { makeUser } from "../../support/users";
import { makeAvailableInstructor, nextSlot } from "../bookings/fixtures";

const HOUR = 3_600_000;

describe("instructor duty limit (480 DUAL minutes in any rolling 24 h)", () => {
  it("leaves exactly the bookings that fit when twenty arrive at once", async () => {
    const [admin, instructor] = await Promise.all([makeUser("ADMIN"), makeAvailableInstructor()]);
    const students = await Promise.all(Array.from({ length: 20 }, () => makeUser("STUDENT", { training_level: "PRIVATE_PILOT" })));
    const start = nextSlot();
    // Twenty one-hour lessons, one every 70 minutes: 1,200 minutes inside 24 h, far over 480.
    const answers = await Promise.all(
      students.map((s, i) =>
        call("/v1/bookings", {
          method: "POST",
          token: admin.token,
          body: {
            student_id: s.user.id, instructor_id: instructor.user.id, departure_airport: "KJFK", arrival_airport: "KJFK",
            scheduled_at: new Date(start.getTime() + i * 70 * 60_000).toISOString(), duration_minutes: 60,
          },
        }),
      ),
    );
    const made = answers.filter((a) => a.status === 201);
    const refused = answers.filter((a) => a.status === 409);
    expect(made.length + refused.length, answers.map((a) => a.text.slice(0, 200)).join("\n")).toBe(20);
    expect(made).toHaveLength(8);
    for (const r of refused) {
      expect(r.body).toMatchObject({ code: "duty_limit_exceeded", limit_minutes: 480 });
      expect(r.body.minutes).toBeGreaterThan(480);
      expect(Date.parse(r.body.window_end) - Date.parse(r.body.window_start)).toBe(24 * HOUR);
    }
    // Counted after: no rolling 24 h of the instructor's holds more than the limit, and it is full.
    const [busiest] = await ownerDb().query<{ minutes: number }>(
      `SELECT max((SELECT sum(duration_minutes) FROM bookings o
                   WHERE o.instructor_id = $1 AND o.status = 'CONFIRMED'
                     AND o.scheduled_at >= b.scheduled_at AND o.scheduled_at < b.scheduled_at + interval '23 hours'))::int AS minutes
       FROM bookings b WHERE b.instructor_id = $1 AND b.status = 'CONFIRMED'`,
      [instructor.user.id],
    );
    expect(busiest!.minutes).toBe(480);
  });

  it("checks every window around a moved booking, and lets an admin override it, audited", async () => {
    const [admin, instructor] = await Promise.all([makeUser("ADMIN"), makeAvailableInstructor()]);
    const students = await Promise.all(Array.from({ length: 3 }, () => makeUser("STUDENT", { training_level: "PRIVATE_PILOT" })));
    const day = nextSlot();
    const book = (i: number, at: Date, minutes: number, extra: Record<string, unknown> = {}) =>
      call("/v1/bookings", {
        method: "POST",
        token: admin.token,
        body: {
          student_id: students[i]!.user.id, instructor_id: instructor.user.id, departure_airport: "KJFK", arrival_airport: "KJFK",
          scheduled_at: at.toISOString(), duration_minutes: minutes, ...extra,
        },
      });
    expect((await book(0, day, 300)).status).toBe(201);
    const later = await book(1, new Date(day.getTime() + 30 * HOUR), 240);
    expect(later.status).toBe(201);
    // 200 minutes 20 h after a 300-minute lesson: the 24 h starting with the new lesson hold only
    // 200 + 240, but the earliest 24 h holding all of both (ending as the new lesson ends) hold 500.
    const between = await book(2, new Date(day.getTime() + 20 * HOUR), 200);
    expect(between.status).toBe(409);
    expect(between.body).toMatchObject({ code: "duty_limit_exceeded", minutes: 500, limit_minutes: 480, window_start: new Date(day.getTime() - 40 * 60_000).toISOString() });

    // Moving the later lesson next to the first one trips the limit too (PATCH goes through the same rule).
    const moved = await call(`/v1/bookings/${later.body.id}`, {
      method: "PATCH", token: admin.token, body: { scheduled_at: new Date(day.getTime() + 5 * HOUR).toISOString(), duration_minutes: 300 },
    });
    expect(moved.status).toBe(409);
    expect(moved.body.code).toBe("duty_limit_exceeded");

    const overridden = await book(2, new Date(day.getTime() + 20 * HOUR), 200, { override_rules: true });
    expect(overridden.status, overridden.text).toBe(201);
    expect(overridden.body.warnings).toEqual([expect.objectContaining({ rule: "instructor_duty", overridden: true, minutes: 500 })]);
    const [audit] = await ownerDb().query<{ metadata: { override_rules: boolean; warnings: unknown[] } }>(
      "SELECT metadata FROM audit_log WHERE entity_type = 'booking' AND entity_id = $1 AND action = 'booking.created'",
      [overridden.body.id],
    );
    expect(audit!.metadata.override_rules).toBe(true);
    expect(audit!.metadata.warnings).toHaveLength(1);
  });
});
