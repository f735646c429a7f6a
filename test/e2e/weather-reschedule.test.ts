import { describe, expect, it } from "vitest";
import { runJob } from "../../src/jobs/registry";
import { ownerDb } from "../support/db";
import { makeUser } from "../support/users";
import { callWith, fakeWeather, hoursFromNow, makeCrew, randomAirports, taf, thunderstorms, type Crew, type FakeWeather } from "../routes/weather/fake-provider";
import { firing } from "../jobs/context";

/** Storms over the departure airport from 20 h to 24 h ahead, clear otherwise for 30 h. */
function stormsComing(fake: FakeWeather, departure: string, arrival: string) {
  const from = hoursFromNow(-1);
  const to = hoursFromNow(30);
  fake.tafs.set(departure, taf(departure, from, to, [{ from, to }, { from: hoursFromNow(20), to: hoursFromNow(24), ...thunderstorms }]));
  fake.tafs.set(arrival, taf(arrival, from, to, [{ from, to }]));
}

async function bookAndWatchTheWeather(fake: FakeWeather, crew: Crew, departure: string, arrival: string) {
  const booked = await callWith(fake, "/v1/bookings", {
    method: "POST",
    token: crew.student.token,
    body: {
      student_id: crew.student.user.id,
      instructor_id: crew.instructor.user.id,
      departure_airport: departure,
      arrival_airport: arrival,
      scheduled_at: hoursFromNow(21).toISOString(),
      duration_minutes: 90,
    },
  });
  expect(booked.status, booked.text).toBe(201);
  const booking = booked.body as { id: string; status: string };
  expect(booking.status).toBe("CONFIRMED");

  // The forecast turns bad; the next monitor run puts the flight at risk and tells both people.
  stormsComing(fake, departure, arrival);
  const run = await runJob("weather", firing(), fake.bindings);
  expect(run).toMatchObject({ status: "SUCCEEDED" });
  const seen = await callWith(fake, `/v1/bookings/${booking.id}`, { token: crew.student.token });
  expect(seen.body).toMatchObject({ status: "AT_RISK", weather_status: "VIOLATION" });
  for (const person of [crew.student, crew.instructor]) {
    const inbox = await callWith(fake, "/v1/notifications?unread=true", { token: person.token });
    expect(inbox.body.data.map((n: { type: string }) => n.type)).toContain("WEATHER_ALERT");
  }

  const offered = await callWith(fake, `/v1/bookings/${booking.id}/reschedule-options`, { method: "POST", token: crew.instructor.token });
  expect(offered.status, offered.text).toBe(201);
  return { booking, options: offered.body.options as { id: string; suggested_at: string }[], deadline: new Date(offered.body.deadline) };
}

describe("a flight the weather moves", () => {
  it("goes from booked to at risk to a new confirmed time both people chose", async () => {
    const fake = fakeWeather();
    const [departure, arrival] = await randomAirports(2);
    const crew = await makeCrew();
    const { booking, options } = await bookAndWatchTheWeather(fake, crew, departure!, arrival!);
    const [first, second] = options;

    const student = await callWith(fake, `/v1/bookings/${booking.id}/preferences`, {
      method: "PUT", token: crew.student.token, body: { ranked_option_ids: [second!.id, first!.id] },
    });
    expect(student.body.outcome).toBe("WAITING");
    const instructor = await callWith(fake, `/v1/bookings/${booking.id}/preferences`, {
      method: "PUT", token: crew.instructor.token, body: { ranked_option_ids: [second!.id] },
    });
    expect(instructor.body.outcome).toBe("RESCHEDULED");
    const replacement = instructor.body.booking as { id: string };

    const original = await callWith(fake, `/v1/bookings/${booking.id}`, { token: crew.student.token });
    expect(original.body).toMatchObject({ status: "RESCHEDULED", rescheduled_to: replacement.id });
    const moved = await callWith(fake, `/v1/bookings/${replacement.id}`, { token: crew.instructor.token });
    expect(moved.body).toMatchObject({ status: "CONFIRMED", scheduled_at: second!.suggested_at, original_booking_id: booking.id, duration_minutes: 90 });
    for (const person of [crew.student, crew.instructor]) {
      const inbox = await callWith(fake, "/v1/notifications?unread=true", { token: person.token });
      expect(inbox.body.data.map((n: { type: string }) => n.type)).toContain("CONFIRMATION");
    }
  });

  it("is escalated to an admin when the instructor never answers, after a reminder", async () => {
    const fake = fakeWeather();
    const [departure, arrival] = await randomAirports(2);
    const [crew, admin] = await Promise.all([makeCrew(), makeUser("ADMIN")]);
    const { booking, options, deadline } = await bookAndWatchTheWeather(fake, crew, departure!, arrival!);
    await callWith(fake, `/v1/bookings/${booking.id}/preferences`, {
      method: "PUT", token: crew.student.token, body: { ranked_option_ids: [options[0]!.id] },
    });

    const hourBefore = await runJob("deadlines", new Date(deadline.getTime() - 3_600_000 + Math.floor(Math.random() * 1000)), fake.bindings);
    expect(hourBefore).toMatchObject({ status: "SUCCEEDED" });
    const reminders = await ownerDb().query<{ user_id: string }>(
      "SELECT user_id FROM notifications WHERE type = 'DEADLINE_REMINDER' AND booking_id = $1",
      [booking.id],
    );
    expect(reminders).toEqual([{ user_id: crew.instructor.user.id }]);

    const afterDeadline = await runJob("deadlines", new Date(deadline.getTime() + 60_000 + Math.floor(Math.random() * 1000)), fake.bindings);
    expect(afterDeadline).toMatchObject({ status: "SUCCEEDED" });
    const inbox = await callWith(fake, "/v1/notifications?unread=true", { token: admin.token });
    expect(inbox.body.data).toEqual(expect.arrayContaining([expect.objectContaining({ type: "ESCALATION", booking_id: booking.id })]));
    const still = await callWith(fake, `/v1/bookings/${booking.id}`, { token: admin.token });
    expect(still.body.status).toBe("RESCHEDULING");
  });
});
