import { describe, expect, it } from "vitest";
import { civilTwilight, localDay } from "../../src/domain/daylight";
import { ownerDb } from "../support/db";
import { makeUser } from "../support/users";
import { callWith, fakeWeather, hoursFromNow, makeCrew, randomAirports, taf, thunderstorms, type FakeWeather } from "../routes/weather/fake-provider";

const HOUR = 3_600_000;
type Option = { id: string; suggested_at: string; ends_at: string; reasons: string[] };

async function makeAircraftWithLimit(crosswindLimitKt: number): Promise<string> {
  const tail = `N${crypto.randomUUID().replaceAll("-", "").slice(0, 8).toUpperCase()}`;
  const [row] = await ownerDb().query<{ id: string }>(
    "INSERT INTO aircraft (tail_number, type_code, home_airport, crosswind_limit_kt) VALUES ($1, 'C172', 'KJFK', $2) RETURNING id",
    [tail, crosswindLimitKt],
  );
  return row!.id;
}

/** Books through the API, then a weather check with storms over the flight puts it AT_RISK. */
async function flaggedBooking(fake: FakeWeather, token: string, body: Record<string, unknown>, at: Date) {
  const booked = await callWith(fake, "/v1/bookings", { method: "POST", token, body: { ...body, scheduled_at: at.toISOString() } });
  expect(booked.status, booked.text).toBe(201);
  const checked = await callWith(fake, `/v1/bookings/${booked.body.id}/weather-check`, { method: "POST", token });
  expect(checked.body).toMatchObject({ weather_status: "VIOLATION", booking_status: "AT_RISK" });
  const offered = await callWith(fake, `/v1/bookings/${booked.body.id}/reschedule-options`, { method: "POST", token });
  expect(offered.status, offered.text).toBe(201);
  return offered.body.options as Option[];
}

describe("reschedule options that keep every rule", () => {
  it("avoid the instructor's duty overrun and a crosswind above the student's limit", async () => {
    const fake = fakeWeather();
    const [[departure, arrival], admin, crew] = await Promise.all([randomAirports(2), makeUser("ADMIN"), makeCrew("PRIVATE_PILOT")]);
    const runways = await callWith(fake, `/v1/airports/${departure}/runways`, {
      method: "PUT", token: admin.token, body: [{ name: "09", heading_deg: 90 }, { name: "27", heading_deg: 270 }],
    });
    expect(runways.status, runways.text).toBe(200);
    // Storms over the booked hour; from 2 h to 17 h an 18 kt wind straight across the runway:
    // within the private pilot's wind limit (20) but over their crosswind limit (15).
    const from = hoursFromNow(-1);
    const to = hoursFromNow(30);
    fake.tafs.set(departure!, taf(departure!, from, to, [
      { from, to, wdir: 90, wspd: 5 },
      { from: hoursFromNow(2), to: hoursFromNow(17), fcstChange: "FM", wdir: 0, wspd: 18 },
      { from: hoursFromNow(20), to: hoursFromNow(24), ...thunderstorms },
    ]));
    fake.tafs.set(arrival!, taf(arrival!, from, to, [{ from, to }]));

    // The instructor teaches 450 minutes from 40 h ahead: one more hour within a day of it is too much.
    const other = await makeUser("STUDENT", { training_level: "PRIVATE_PILOT" });
    const heavy = await callWith(fake, "/v1/bookings", {
      method: "POST", token: admin.token,
      body: {
        student_id: other.user.id, instructor_id: crew.instructor.user.id, departure_airport: departure, arrival_airport: arrival,
        scheduled_at: hoursFromNow(40).toISOString(), duration_minutes: 450,
      },
    });
    expect(heavy.status, heavy.text).toBe(201);

    const aircraft = await makeAircraftWithLimit(20);
    const options = await flaggedBooking(fake, crew.instructor.token, {
      student_id: crew.student.user.id, instructor_id: crew.instructor.user.id, aircraft_id: aircraft,
      departure_airport: departure, arrival_airport: arrival, duration_minutes: 60,
    }, hoursFromNow(21));
    expect(options.length).toBeGreaterThan(0);
    const heavyStart = Date.parse(heavy.body.scheduled_at);
    const heavyEnd = Date.parse(heavy.body.ends_at);
    for (const option of options) {
      const start = Date.parse(option.suggested_at);
      const end = Date.parse(option.ends_at);
      // Checked with an hour either side: never in the crosswind.
      expect(start - HOUR >= hoursFromNow(17).getTime() || end + HOUR <= hoursFromNow(2).getTime(), option.suggested_at).toBe(true);
      // No rolling 24 h holds more than 480 minutes of the two lessons (the busiest window starts or
      // ends with one of them).
      const overlap = (s: number, e: number, w: number) => Math.max(0, Math.min(e, w + 24 * HOUR) - Math.max(s, w));
      const busiest = Math.max(...[start, heavyStart, end - 24 * HOUR, heavyEnd - 24 * HOUR].map(
        (w) => (overlap(start, end, w) + overlap(heavyStart, heavyEnd, w)) / 60_000,
      ));
      expect(busiest, option.suggested_at).toBeLessThanOrEqual(480);
    }
    // And resolving one books it through the same rules.
    const pick = options[0]!;
    for (const person of [crew.student, crew.instructor]) {
      await callWith(fake, `/v1/bookings/${(await ownerDb().query<{ id: string }>(
        "SELECT booking_id AS id FROM reschedule_options WHERE id = $1", [pick.id]))[0]!.id}/preferences`, {
        method: "PUT", token: person.token, body: { ranked_option_ids: [pick.id] },
      });
    }
    const [made] = await ownerDb().query<{ scheduled_at: Date; status: string }>(
      "SELECT scheduled_at, status FROM bookings WHERE original_booking_id = (SELECT booking_id FROM reschedule_options WHERE id = $1)",
      [pick.id],
    );
    expect(made).toMatchObject({ status: "CONFIRMED" });
    expect(made!.scheduled_at.toISOString()).toBe(pick.suggested_at);
  });

  it("land a solo student pilot before civil dusk", async () => {
    const fake = fakeWeather();
    const [admin, crew, aircraft] = await Promise.all([makeUser("ADMIN"), makeCrew("STUDENT_PILOT"), makeAircraftWithLimit(20)]);
    for (const body of [{ kind: "SOLO_ENDORSEMENT" }, { kind: "MEDICAL" }, { kind: "AIRCRAFT_CHECKOUT", aircraft_type_code: "C172" }]) {
      expect((await callWith(fake, `/v1/users/${crew.student.user.id}/qualifications`, { method: "POST", token: admin.token, body })).status).toBe(201);
    }
    const jfk = { icao: "KJFK", latitude: 40.6398, longitude: -73.7789, timezone: "America/New_York" };
    // The next last daylight hour at KJFK at least three hours ahead (whatever the time of day the
    // test runs), with storms over it and the forecast covering it.
    const dusk = [0, 1, 2]
      .map((days) => Date.parse(civilTwilight(jfk, localDay(new Date(Date.now() + days * 24 * HOUR), jfk.timezone)).civil_dusk!))
      .find((t) => t - 2 * HOUR > Date.now() + 3 * HOUR)!;
    const at = new Date(dusk - 2 * HOUR);
    at.setUTCMinutes(0, 0, 0);
    const from = hoursFromNow(-1);
    const to = new Date(Math.max(hoursFromNow(30).getTime(), at.getTime() + 6 * HOUR));
    fake.tafs.set("KJFK", taf("KJFK", from, to, [{ from, to, wdir: 40, wspd: 4 }, { from: new Date(at.getTime() - HOUR), to: new Date(at.getTime() + 2 * HOUR), ...thunderstorms }]));
    const options = await flaggedBooking(fake, admin.token, {
      student_id: crew.student.user.id, instructor_id: crew.instructor.user.id, aircraft_id: aircraft, lesson_type: "SOLO",
      departure_airport: "KJFK", arrival_airport: "KJFK", duration_minutes: 60,
    }, at);
    expect(options.length).toBeGreaterThan(0);
    for (const option of options) {
      const day = civilTwilight(jfk, localDay(new Date(option.suggested_at), jfk.timezone));
      expect(Date.parse(option.suggested_at), option.suggested_at).toBeGreaterThanOrEqual(Date.parse(day.civil_dawn!));
      expect(Date.parse(option.ends_at), option.ends_at).toBeLessThanOrEqual(Date.parse(day.civil_dusk!));
      const closeToDusk = Date.parse(day.civil_dusk!) - Date.parse(option.ends_at) < HOUR;
      expect(option.reasons.some((r) => r.includes("before civil dusk"))).toBe(closeToDusk);
    }
  });
});
