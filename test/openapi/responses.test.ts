import { beforeAll, describe, expect, it } from "vitest";
import { call, type ApiResponse } from "../support/api";
import { undocumentedFields } from "../support/documented";
import { makeUser, type TestUser } from "../support/users";
import { addAircraft, fileSquawk } from "../routes/aircraft/fixtures";
import { book, makeAvailableInstructor, nextSlot } from "../routes/bookings/fixtures";

/** The answer has the documented status and matches the documented schema, field by field. */
function expectDocumented(res: ApiResponse, method: string, path: string, status: number) {
  expect(res.status, res.text.slice(0, 300)).toBe(status);
  expect(undocumentedFields(method, path, status, res.body), `${method} ${path}`).toEqual([]);
}

describe("answers match the response schemas of the OpenAPI document", () => {
  let admin: TestUser;
  let student: TestUser;
  let instructor: TestUser;
  let aircraft: Record<string, any>;
  let booking: Record<string, any>;

  beforeAll(async () => {
    [admin, student, instructor] = await Promise.all([
      makeUser("ADMIN"),
      makeUser("STUDENT"),
      makeAvailableInstructor(),
    ]);
    aircraft = await addAircraft(admin.token);
    const booked = await book(student.token, {
      student_id: student.user.id,
      instructor_id: instructor.user.id,
      aircraft_id: aircraft.id,
      scheduled_at: nextSlot().toISOString(),
    });
    expect(booked.status, booked.text).toBe(201);
    booking = booked.body;
  });

  it("bookings: one, a page, a change and a cancellation", async () => {
    expect(booking.aircraft_id).toBe(aircraft.id);
    expectDocumented(await call(`/v1/bookings/${booking.id}`, { token: student.token }), "GET", "/v1/bookings/:id", 200);
    expectDocumented(await call("/v1/bookings?limit=1", { token: admin.token }), "GET", "/v1/bookings", 200);
    const moved = await call(`/v1/bookings/${booking.id}`, { method: "PATCH", token: admin.token, body: { duration_minutes: 90 } });
    expectDocumented(moved, "PATCH", "/v1/bookings/:id", 200);
    const other = await book(student.token, { student_id: student.user.id, instructor_id: instructor.user.id, scheduled_at: nextSlot().toISOString() });
    expectDocumented(other, "POST", "/v1/bookings", 201);
    const cancelled = await call(`/v1/bookings/${other.body.id}/cancel`, {
      method: "POST",
      token: student.token,
      body: { reason: "ill", category: "ILLNESS" },
    });
    expectDocumented(cancelled, "POST", "/v1/bookings/:id/cancel", 200);
    expect(cancelled.body.cancellation).toMatchObject({ category: "ILLNESS" });
  });

  it("aircraft: one, a page, with a grounding squawk", async () => {
    const squawk = await fileSquawk(student.token, aircraft.id, { severity: "GROUNDING", description: "flat tyre" });
    expectDocumented(squawk, "POST", "/v1/aircraft/:id/squawks", 201);
    const grounded = await call(`/v1/aircraft/${aircraft.id}`, { token: student.token });
    expectDocumented(grounded, "GET", "/v1/aircraft/:id", 200);
    expect(grounded.body.grounded_reasons.length).toBeGreaterThan(0);
    expectDocumented(await call("/v1/aircraft?limit=2", { token: student.token }), "GET", "/v1/aircraft", 200);
    expectDocumented(await call(`/v1/aircraft/${aircraft.id}/squawks`, { token: admin.token }), "GET", "/v1/aircraft/:id/squawks", 200);
  });

  it("users: themselves, someone else's public fields, a page", async () => {
    expectDocumented(await call("/v1/users/me", { token: student.token }), "GET", "/v1/users/me", 200);
    const publicView = await call(`/v1/users/${instructor.user.id}`, { token: student.token });
    expectDocumented(publicView, "GET", "/v1/users/:id", 200);
    expect(publicView.body.email).toBeUndefined();
    // The instructor teaches the student (the booking above), so sees how to reach them.
    const taught = await call(`/v1/users/${student.user.id}`, { token: instructor.token });
    expectDocumented(taught, "GET", "/v1/users/:id", 200);
    expect(taught.body.email).toBe(student.user.email);
    expect(taught.body.auth_subject).toBeUndefined();
    expectDocumented(await call("/v1/users?role=INSTRUCTOR&limit=3", { token: student.token }), "GET", "/v1/users", 200);
    expectDocumented(await call("/v1/users?limit=3", { token: admin.token }), "GET", "/v1/users", 200);
  });

  it("airports: one with its runways, a search page", async () => {
    expectDocumented(await call("/v1/airports/KJFK", { token: student.token }), "GET", "/v1/airports/:code", 200);
    const page = await call("/v1/airports?q=bos&limit=2", { token: student.token });
    expectDocumented(page, "GET", "/v1/airports", 200);
    expect(page.body.data.length).toBeGreaterThan(0);
  });

  it("availability, notifications, settings and operations", async () => {
    expectDocumented(
      await call(`/v1/users/${instructor.user.id}/availability/patterns`, { token: student.token }),
      "GET",
      "/v1/users/:id/availability/patterns",
      200,
    );
    const day = nextSlot().toISOString().slice(0, 10);
    expectDocumented(
      await call(`/v1/users/${instructor.user.id}/availability?from=${day}&to=${day}`, { token: student.token }),
      "GET",
      "/v1/users/:id/availability",
      200,
    );
    expectDocumented(await call("/v1/notifications?limit=5", { token: instructor.token }), "GET", "/v1/notifications", 200);
    expectDocumented(await call("/v1/settings/weather-minimums", { token: student.token }), "GET", "/v1/settings/weather-minimums", 200);
    expectDocumented(await call("/v1/settings/booking-rules", { token: admin.token }), "GET", "/v1/settings/booking-rules", 200);
    expectDocumented(await call("/v1/audit?limit=3", { token: admin.token }), "GET", "/v1/audit", 200);
    expectDocumented(await call("/v1/admin/integrity", { token: admin.token }), "GET", "/v1/admin/integrity", 200);
    expectDocumented(await call("/health"), "GET", "/health", 200);
  });
});

describe("answers of the other resources match their response schemas too", () => {
  let admin: TestUser;
  let student: TestUser;
  let instructor: TestUser;
  let aircraft: Record<string, any>;

  beforeAll(async () => {
    [admin, student, instructor] = await Promise.all([makeUser("ADMIN"), makeUser("STUDENT"), makeAvailableInstructor()]);
    aircraft = await addAircraft(admin.token, { hobbs_hours: 100, tach_hours: 80 });
  });

  it("standby entries: joined, listed, withdrawn", async () => {
    const start = nextSlot();
    const joined = await call("/v1/standby", {
      method: "POST",
      token: student.token,
      body: {
        student_id: student.user.id,
        departure_airport: "KJFK",
        window_start: start.toISOString(),
        window_end: new Date(start.getTime() + 4 * 3_600_000).toISOString(),
        duration_minutes: 60,
      },
    });
    expectDocumented(joined, "POST", "/v1/standby", 201);
    expectDocumented(await call(`/v1/standby?student_id=${student.user.id}`, { token: student.token }), "GET", "/v1/standby", 200);
    expectDocumented(await call(`/v1/standby/${joined.body.id}`, { method: "DELETE", token: student.token }), "DELETE", "/v1/standby/:id", 200);
  });

  it("a user's qualifications, availability windows, overrides and calendar feed", async () => {
    const medical = await call(`/v1/users/${student.user.id}/qualifications`, {
      method: "POST",
      token: admin.token,
      body: { kind: "MEDICAL", issued_on: "2026-01-15", expires_on: "2031-01-31" },
    });
    expectDocumented(medical, "POST", "/v1/users/:id/qualifications", 201);
    expectDocumented(
      await call(`/v1/users/${student.user.id}/qualifications`, { token: admin.token }),
      "GET",
      "/v1/users/:id/qualifications",
      200,
    );
    const windows = await call(`/v1/users/${student.user.id}/availability/patterns`, {
      method: "PUT",
      token: student.token,
      body: [{ day_of_week: 1, start_time: "09:00", end_time: "17:00" }],
    });
    expectDocumented(windows, "PUT", "/v1/users/:id/availability/patterns", 200);
    const override = await call(`/v1/users/${student.user.id}/availability/overrides`, {
      method: "POST",
      token: student.token,
      body: { date: nextSlot().toISOString().slice(0, 10), start_time: "10:00", end_time: "12:00", reason: "dentist" },
    });
    expectDocumented(override, "POST", "/v1/users/:id/availability/overrides", 201);
    const feed = await call(`/v1/users/${student.user.id}/calendar-feed`, { method: "POST", token: student.token });
    expectDocumented(feed, "POST", "/v1/users/:id/calendar-feed", 201);
  });

  it("an aircraft's maintenance items and blocks, and a squawk resolved", async () => {
    const item = await call(`/v1/aircraft/${aircraft.id}/maintenance-items`, {
      method: "POST",
      token: admin.token,
      body: { name: "100-hour", interval_hours: 100, last_done_tach: 50, interval_months: 12, last_done_on: "2026-01-10" },
    });
    expectDocumented(item, "POST", "/v1/aircraft/:id/maintenance-items", 201);
    expectDocumented(
      await call(`/v1/aircraft/${aircraft.id}/maintenance-items`, { token: admin.token }),
      "GET",
      "/v1/aircraft/:id/maintenance-items",
      200,
    );
    const done = await call(`/v1/aircraft/${aircraft.id}/maintenance-items/${item.body.id}/complete`, {
      method: "POST",
      token: admin.token,
      body: { done_on: new Date().toISOString().slice(0, 10), tach: 80 },
    });
    expectDocumented(done, "POST", "/v1/aircraft/:id/maintenance-items/:item_id/complete", 200);
    const start = nextSlot();
    const block = await call(`/v1/aircraft/${aircraft.id}/maintenance-blocks`, {
      method: "POST",
      token: admin.token,
      body: { starts_at: start.toISOString(), ends_at: new Date(start.getTime() + 3_600_000).toISOString(), reason: "paint" },
    });
    expectDocumented(block, "POST", "/v1/aircraft/:id/maintenance-blocks", 201);
    expectDocumented(
      await call(`/v1/aircraft/${aircraft.id}/maintenance-blocks`, { token: admin.token }),
      "GET",
      "/v1/aircraft/:id/maintenance-blocks",
      200,
    );
    expectDocumented(
      await call(`/v1/aircraft/${aircraft.id}/maintenance-blocks/${block.body.id}`, { method: "DELETE", token: admin.token }),
      "DELETE",
      "/v1/aircraft/:id/maintenance-blocks/:block_id",
      200,
    );
    const squawk = await fileSquawk(student.token, aircraft.id, { severity: "DISCREPANCY", description: "loose seat belt" });
    const resolved = await call(`/v1/aircraft/${aircraft.id}/squawks/${squawk.body.id}/resolve`, {
      method: "POST",
      token: admin.token,
      body: { resolution: "REPAIRED", note: "belt replaced" },
    });
    expectDocumented(resolved, "POST", "/v1/aircraft/:id/squawks/:squawk_id/resolve", 200);
  });

  it("a booking's reschedule options, notifications read, reports and operations", async () => {
    const booked = await book(student.token, { student_id: student.user.id, instructor_id: instructor.user.id, scheduled_at: nextSlot().toISOString() });
    expectDocumented(
      await call(`/v1/bookings/${booked.body.id}/reschedule-options`, { token: student.token }),
      "GET",
      "/v1/bookings/:id/reschedule-options",
      200,
    );
    const inbox = await call("/v1/notifications", { token: instructor.token });
    expect(inbox.body.data.length).toBeGreaterThan(0);
    expectDocumented(
      await call(`/v1/notifications/${inbox.body.data[0].id}/read`, { method: "POST", token: instructor.token }),
      "POST",
      "/v1/notifications/:id/read",
      200,
    );
    expectDocumented(await call("/v1/notifications/read-all", { method: "POST", token: instructor.token }), "POST", "/v1/notifications/read-all", 200);
    expectDocumented(
      await call("/v1/admin/reports/cancellations?from=2026-01-01&to=2026-12-31&limit=2", { token: admin.token }),
      "GET",
      "/v1/admin/reports/cancellations",
      200,
    );
    expectDocumented(await call("/v1/admin/stats", { token: admin.token }), "GET", "/v1/admin/stats", 200);
    expectDocumented(await call("/v1/admin/jobs?limit=3", { token: admin.token }), "GET", "/v1/admin/jobs", 200);
    expectDocumented(await call("/v1/admin/metrics?period=daily", { token: admin.token }), "GET", "/v1/admin/metrics", 200);
    expectDocumented(await call("/v1/ingestions?limit=2", { token: admin.token }), "GET", "/v1/ingestions", 200);
    expectDocumented(await call("/v1/flights?limit=2", { token: admin.token }), "GET", "/v1/flights", 200);
    expectDocumented(await call("/v1/analyses?limit=2", { token: admin.token }), "GET", "/v1/analyses", 200);
    expectDocumented(await call("/v1/analytics/delays?group_by=hour", { token: admin.token }), "GET", "/v1/analytics/delays", 200);
  });
});
