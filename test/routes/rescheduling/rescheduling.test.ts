import { beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../support/api";
import { ownerDb } from "../../support/db";
import { makeUser, type TestUser } from "../../support/users";
import {
  callWith,
  fakeWeather,
  hoursFromNow,
  insertBooking,
  makeCrew,
  randomAirports,
  taf,
  thunderstorms,
  type Crew,
} from "../weather/fake-provider";

const fake = fakeWeather();
let admin: TestUser;
let stranger: TestUser;
let airports: string[];

/** Storms from 18 h to 23 h ahead at the departure airport; clear elsewhere for 30 h. */
function forecastStormsAhead(departure: string, arrival: string) {
  const from = hoursFromNow(-1);
  const to = hoursFromNow(30);
  fake.tafs.set(departure, taf(departure, from, to, [{ from, to }, { from: hoursFromNow(18), to: hoursFromNow(23), ...thunderstorms }]));
  fake.tafs.set(arrival, taf(arrival, from, to, [{ from, to }]));
}

beforeAll(async () => {
  [admin, stranger, airports] = await Promise.all([makeUser("ADMIN"), makeUser("INSTRUCTOR"), randomAirports(2)]);
  forecastStormsAhead(airports[0]!, airports[1]!);
});

async function stormyBooking(status = "CONFIRMED", at = hoursFromNow(20)) {
  const crew = await makeCrew();
  const booking = await insertBooking(crew, { at, from: airports[0]!, to: airports[1]!, status });
  return { crew, booking };
}

const notificationsOf = (userId: string, bookingId: string) =>
  ownerDb().query<{ type: string; booking_id: string }>(
    "SELECT type, booking_id FROM notifications WHERE user_id = $1 AND (booking_id = $2 OR data ->> 'original_booking_id' = $2::text) ORDER BY created_at",
    [userId, bookingId],
  );

const bookingRow = async (id: string) =>
  (await ownerDb().query<{ status: string; weather_status: string | null; rescheduled_to: string | null }>(
    "SELECT status, weather_status, rescheduled_to FROM bookings WHERE id = $1",
    [id],
  ))[0]!;

async function offer(crew: Crew, bookingId: string, token = crew.instructor.token) {
  const res = await callWith(fake, `/v1/bookings/${bookingId}/reschedule-options`, { method: "POST", token });
  expect(res.status, res.text).toBe(201);
  return res.body as { options: { id: string; suggested_at: string; ends_at: string; confidence: number }[]; deadline: string };
}

const rank = (crew: Crew, who: "student" | "instructor", bookingId: string, body: unknown) =>
  callWith(fake, `/v1/bookings/${bookingId}/preferences`, { method: "PUT", token: crew[who].token, body });

describe("POST /v1/bookings/:id/weather-check", () => {
  it("finds the TEMPO thunderstorms, puts the booking at risk and alerts both people once", async () => {
    const { crew, booking } = await stormyBooking();
    const res = await callWith(fake, `/v1/bookings/${booking.id}/weather-check`, { method: "POST", token: crew.instructor.token });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ weather_status: "VIOLATION", booking_status: "AT_RISK" });
    expect(res.body.violations).toEqual(
      expect.arrayContaining([expect.objectContaining({ airport: airports[0], rule: "thunderstorms", observed: "TSRA", limit: "none" })]),
    );
    expect(await bookingRow(booking.id)).toMatchObject({ status: "AT_RISK", weather_status: "VIOLATION" });

    const again = await callWith(fake, `/v1/bookings/${booking.id}/weather-check`, { method: "POST", token: admin.token });
    expect(again.body.booking_status).toBe("AT_RISK");
    for (const person of [crew.student, crew.instructor]) {
      expect((await notificationsOf(person.user.id, booking.id)).map((n) => n.type)).toEqual(["WEATHER_ALERT"]);
    }
    const audit = await ownerDb().query("SELECT action, user_id FROM audit_log WHERE entity_id = $1", [booking.id]);
    expect(audit).toEqual([{ action: "booking.weather_at_risk", user_id: crew.instructor.user.id }]);
  });

  it("clears an at-risk booking when the forecast is fine, and keeps the latest TAF for GET /v1/weather", async () => {
    const crew = await makeCrew();
    const booking = await insertBooking(crew, { at: hoursFromNow(5), from: airports[1]!, status: "AT_RISK" });
    const res = await callWith(fake, `/v1/bookings/${booking.id}/weather-check`, { method: "POST", token: crew.instructor.token });
    expect(res.body).toMatchObject({ weather_status: "OK", violations: [], booking_status: "CONFIRMED" });
    const held = await callWith(fake, `/v1/weather/${airports[1]}`, { token: crew.student.token });
    expect(held.status).toBe(200);
    expect(held.body.airport).toBe(airports[1]);
  });

  it("lets only the instructor or an admin check, and hides the booking from strangers", async () => {
    const { crew, booking } = await stormyBooking();
    expectProblem(await callWith(fake, `/v1/bookings/${booking.id}/weather-check`, { method: "POST", token: crew.student.token }), 403, "forbidden");
    expectProblem(await callWith(fake, `/v1/bookings/${booking.id}/weather-check`, { method: "POST", token: stranger.token }), 404, "not_found");
    expectProblem(await callWith(fake, `/v1/bookings/not-a-uuid/weather-check`, { method: "POST", token: admin.token }), 422, "validation_failed");
  });

  it.each(["down", "garbage", "slow"] as const)("reports UNKNOWN and changes nothing when the provider is %s", async (mode) => {
    const broken = fakeWeather();
    broken.mode = mode;
    const crew = await makeCrew();
    // An airport of its own, so no cached forecast answers for the broken provider.
    const [from] = await randomAirports(1);
    const booking = await insertBooking(crew, { at: hoursFromNow(6), from: from!, status: "AT_RISK" });
    const res = await callWith(broken, `/v1/bookings/${booking.id}/weather-check`, { method: "POST", token: crew.instructor.token });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ weather_status: "UNKNOWN", violations: [], booking_status: "AT_RISK", checked_at: null });
    expect(await bookingRow(booking.id)).toMatchObject({ status: "AT_RISK", weather_status: null });
    expect(broken.calls).toEqual([[from]]);
    expect(broken.userAgents[0]).toMatch(/^skyslot\//);
  });
});

describe("POST /v1/bookings/:id/reschedule-options", () => {
  it("offers 1 to 5 free, flyable times best first and asks both people by a deadline", async () => {
    const { crew, booking } = await stormyBooking("AT_RISK");
    // The instructor is busy tomorrow at the same time with someone else.
    const busyAt = hoursFromNow(44);
    const other = await makeUser("STUDENT");
    await insertBooking({ student: other, instructor: crew.instructor }, { at: busyAt, from: airports[0]!, minutes: 120 });

    const started = Date.now();
    const res = await callWith(fake, `/v1/bookings/${booking.id}/reschedule-options`, {
      method: "POST",
      token: crew.instructor.token,
      headers: { "idempotency-key": `options-${booking.id}` },
    });
    expect(res.status, res.text).toBe(201);
    const { options, deadline } = res.body;
    expect(options.length).toBeGreaterThanOrEqual(1);
    expect(options.length).toBeLessThanOrEqual(5);
    for (const [i, o] of options.entries()) {
      const at = Date.parse(o.suggested_at);
      expect(at).toBeGreaterThanOrEqual(started + 2 * 3_600_000 - 1000);
      expect(at).toBeLessThanOrEqual(started + 7 * 86_400_000 + 60_000);
      expect(Date.parse(o.ends_at) - at).toBe(3_600_000);
      expect(o.confidence).toBeGreaterThanOrEqual(0);
      expect(o.confidence).toBeLessThanOrEqual(1);
      expect(o.weather_status).not.toBe("VIOLATION");
      expect(o.reasons.length).toBeGreaterThan(0);
      if (i > 0) expect(options[i - 1].confidence).toBeGreaterThanOrEqual(o.confidence);
      // Never in the storm (18 h to 23 h ahead, plus the hour either side) nor in the instructor's other flight.
      const stormFrom = hoursFromNow(18).getTime() - 3_600_000;
      const stormTo = hoursFromNow(23).getTime() + 3_600_000;
      expect(at < stormTo && Date.parse(o.ends_at) > stormFrom).toBe(false);
      expect(at < busyAt.getTime() + 7_200_000 && Date.parse(o.ends_at) > busyAt.getTime()).toBe(false);
    }
    // deadline = min(scheduled_at − 30 min, now + 12 h): here 12 h from now.
    expect(Math.abs(Date.parse(deadline) - (started + 12 * 3_600_000))).toBeLessThan(60_000);

    expect(await bookingRow(booking.id)).toMatchObject({ status: "RESCHEDULING" });
    const prefs = await ownerDb().query("SELECT party, submitted_at FROM preference_rankings WHERE booking_id = $1 ORDER BY party", [booking.id]);
    expect(prefs).toEqual([{ party: "INSTRUCTOR", submitted_at: null }, { party: "STUDENT", submitted_at: null }]);
    for (const person of [crew.student, crew.instructor]) {
      expect((await notificationsOf(person.user.id, booking.id)).map((n) => n.type)).toEqual(["OPTIONS_AVAILABLE"]);
    }

    const replay = await callWith(fake, `/v1/bookings/${booking.id}/reschedule-options`, {
      method: "POST",
      token: crew.instructor.token,
      headers: { "idempotency-key": `options-${booking.id}` },
    });
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(res.body);

    const shown = await callWith(fake, `/v1/bookings/${booking.id}/reschedule-options`, { token: crew.student.token });
    expect(shown.status).toBe(200);
    expect(shown.body.options).toEqual(options);
    expect(shown.body.preferences.student).toMatchObject({ submitted: false, ranked_option_ids: [] });
    expect(shown.body.preferences.instructor).toEqual(expect.not.objectContaining({ ranked_option_ids: expect.anything() }));
  });

  it("replaces earlier options and preferences when an admin generates again", async () => {
    const { crew, booking } = await stormyBooking("AT_RISK");
    const first = await offer(crew, booking.id);
    expect((await rank(crew, "student", booking.id, { ranked_option_ids: [first.options[0]!.id] })).status).toBe(200);
    const second = await offer(crew, booking.id, admin.token);
    const ids = await ownerDb().query<{ id: string }>("SELECT id FROM reschedule_options WHERE booking_id = $1", [booking.id]);
    expect(ids.map((r) => r.id).sort()).toEqual(second.options.map((o) => o.id).sort());
    expect(second.options.some((o) => first.options.some((p) => p.id === o.id))).toBe(false);
    const prefs = await ownerDb().query("SELECT submitted_at FROM preference_rankings WHERE booking_id = $1", [booking.id]);
    expect(prefs).toEqual([{ submitted_at: null }, { submitted_at: null }]);
  });

  it("refuses bookings in the wrong state, too close to take preferences, or asked by the student", async () => {
    const confirmed = await stormyBooking("CONFIRMED");
    expectProblem(await callWith(fake, `/v1/bookings/${confirmed.booking.id}/reschedule-options`, { method: "POST", token: confirmed.crew.instructor.token }), 409, "invalid_state");
    expectProblem(await callWith(fake, `/v1/bookings/${confirmed.booking.id}/reschedule-options`, { method: "POST", token: confirmed.crew.student.token }), 403, "forbidden");
    const soon = await stormyBooking("AT_RISK", new Date(Date.now() + 20 * 60_000));
    expectProblem(await callWith(fake, `/v1/bookings/${soon.booking.id}/reschedule-options`, { method: "POST", token: admin.token }), 409, "invalid_state");
    expect(await bookingRow(soon.booking.id)).toMatchObject({ status: "AT_RISK" });
  });
});

describe("PUT /v1/bookings/:id/preferences", () => {
  it("validates ids, repeats and overlaps, and who may rank", async () => {
    const { crew, booking } = await stormyBooking("AT_RISK");
    const { options } = await offer(crew, booking.id);
    const [a, b] = options.map((o) => o.id);
    const cases: [unknown, number, string][] = [
      [{ ranked_option_ids: [a, a] }, 422, "validation_failed"],
      [{ ranked_option_ids: [a], unavailable_option_ids: [a] }, 422, "validation_failed"],
      [{ ranked_option_ids: [] }, 422, "validation_failed"],
      [{ ranked_option_ids: [a, b, crypto.randomUUID(), crypto.randomUUID()] }, 422, "validation_failed"],
      [{ ranked_option_ids: ["x'; DROP TABLE bookings; --"] }, 422, "validation_failed"],
      [{ ranked_option_ids: [a], extra: 1 }, 422, "validation_failed"],
    ];
    for (const [body, status, code] of cases) expectProblem(await rank(crew, "student", booking.id, body), status, code);
    const foreign = crypto.randomUUID();
    const problem = expectProblem(await rank(crew, "student", booking.id, { ranked_option_ids: [a], unavailable_option_ids: [foreign] }), 422, "validation_failed");
    expect(problem.errors).toEqual([{ path: "unavailable_option_ids.0", message: expect.any(String) }]);
    expectProblem(await callWith(fake, `/v1/bookings/${booking.id}/preferences`, { method: "PUT", token: stranger.token, body: { ranked_option_ids: [a] } }), 404, "not_found");
    expectProblem(await callWith(fake, `/v1/bookings/${booking.id}/preferences`, { method: "PUT", token: admin.token, body: { ranked_option_ids: [a] } }), 403, "forbidden");
    const prefs = await ownerDb().query("SELECT submitted_at FROM preference_rankings WHERE booking_id = $1", [booking.id]);
    expect(prefs).toEqual([{ submitted_at: null }, { submitted_at: null }]);
  });

  it("refuses a ranking after the deadline with 403 deadline_passed", async () => {
    const { crew, booking } = await stormyBooking("AT_RISK");
    const { options } = await offer(crew, booking.id);
    await ownerDb().query("UPDATE preference_rankings SET deadline = now() - interval '1 minute' WHERE booking_id = $1", [booking.id]);
    const problem = expectProblem(await rank(crew, "student", booking.id, { ranked_option_ids: [options[0]!.id] }), 403, "deadline_passed");
    expect(problem.deadline).toEqual(expect.any(String));
  });

  it("books the option with the lowest summed rank once both have ranked", async () => {
    const { crew, booking } = await stormyBooking("AT_RISK");
    const { options } = await offer(crew, booking.id);
    const [a, b] = options;
    // a: 2 + 4 (unranked by the instructor) = 6; b: 1 + 1 = 2.
    const first = await rank(crew, "student", booking.id, { ranked_option_ids: [b!.id, a!.id] });
    expect(first.body).toMatchObject({ outcome: "WAITING", party: "STUDENT", booking: null });
    const resubmitted = await rank(crew, "student", booking.id, { ranked_option_ids: [b!.id, a!.id] });
    expect(resubmitted.status).toBe(200);
    const second = await rank(crew, "instructor", booking.id, { ranked_option_ids: [b!.id] });
    expect(second.status, second.text).toBe(200);
    expect(second.body.outcome).toBe("RESCHEDULED");
    expect(second.body.booking).toMatchObject({
      status: "CONFIRMED",
      scheduled_at: b!.suggested_at,
      ends_at: b!.ends_at,
      original_booking_id: booking.id,
      student_id: crew.student.user.id,
    });
    expect(await bookingRow(booking.id)).toMatchObject({ status: "RESCHEDULED", rescheduled_to: second.body.booking.id });
    for (const person of [crew.student, crew.instructor]) {
      expect((await notificationsOf(person.user.id, booking.id)).map((n) => n.type)).toEqual(["OPTIONS_AVAILABLE", "CONFIRMATION"]);
    }
    const audit = await ownerDb().query<{ action: string }>("SELECT action FROM audit_log WHERE entity_id = ANY($1) ORDER BY created_at, action", [
      [booking.id, second.body.booking.id],
    ]);
    expect(audit.map((r) => r.action)).toEqual(
      expect.arrayContaining(["booking.options_generated", "booking.preferences_submitted", "booking.rescheduled", "booking.created"]),
    );
    expectProblem(await rank(crew, "student", booking.id, { ranked_option_ids: [a!.id] }), 409, "invalid_state");
  });

  it("takes the next acceptable option when the chosen one was taken meanwhile", async () => {
    const { crew, booking } = await stormyBooking("AT_RISK");
    const { options } = await offer(crew, booking.id);
    const [a, b] = options;
    await rank(crew, "student", booking.id, { ranked_option_ids: [a!.id, b!.id] });
    // Someone else books the instructor at option a's time before the instructor answers.
    const other = await makeUser("STUDENT");
    await insertBooking({ student: other, instructor: crew.instructor }, { at: new Date(a!.suggested_at), from: airports[1]! });
    const res = await rank(crew, "instructor", booking.id, { ranked_option_ids: [a!.id, b!.id] });
    expect(res.body.outcome).toBe("RESCHEDULED");
    expect(res.body.booking.scheduled_at).toBe(b!.suggested_at);
  });

  it("escalates to the admins when no option suits both, and the booking stays RESCHEDULING", async () => {
    const { crew, booking } = await stormyBooking("AT_RISK");
    const { options } = await offer(crew, booking.id);
    expect(options.length).toBeGreaterThanOrEqual(2);
    const [a, b, ...rest] = options.map((o) => o.id);
    await rank(crew, "student", booking.id, { ranked_option_ids: [a], unavailable_option_ids: [b, ...rest] });
    const res = await rank(crew, "instructor", booking.id, { ranked_option_ids: [b], unavailable_option_ids: [a] });
    expect(res.body).toMatchObject({ outcome: "ESCALATED", booking: null });
    expect(await bookingRow(booking.id)).toMatchObject({ status: "RESCHEDULING", rescheduled_to: null });
    expect((await notificationsOf(admin.user.id, booking.id)).map((n) => n.type)).toEqual(["ESCALATION"]);
  });

  it("resolves exactly once when student and instructor submit at the same moment", async () => {
    for (let round = 0; round < 3; round++) {
      const { crew, booking } = await stormyBooking("AT_RISK", hoursFromNow(20 + round * 30));
      const { options } = await offer(crew, booking.id);
      const [a] = options;
      const [s, i] = await Promise.all([
        rank(crew, "student", booking.id, { ranked_option_ids: [a!.id] }),
        rank(crew, "instructor", booking.id, { ranked_option_ids: [a!.id] }),
      ]);
      expect([s.status, i.status]).toEqual([200, 200]);
      expect([s.body.outcome, i.body.outcome].sort()).toEqual(["RESCHEDULED", "WAITING"]);
      const replacements = await ownerDb().query("SELECT id FROM bookings WHERE original_booking_id = $1", [booking.id]);
      expect(replacements).toHaveLength(1);
      const confirmations = await ownerDb().query(
        "SELECT user_id FROM notifications WHERE type = 'CONFIRMATION' AND data ->> 'original_booking_id' = $1::text",
        [booking.id],
      );
      expect(confirmations).toHaveLength(2);
    }
  });
});
