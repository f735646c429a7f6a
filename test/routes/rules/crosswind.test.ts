import { describe, expect, it } from "vitest";
import { runJob } from "../../../src/jobs/registry";
import { ownerDb } from "../../support/db";
import { makeUser } from "../../support/users";
import { callWith, fakeWeather, hoursFromNow, insertBooking, makeCrew, randomAirports, taf } from "../weather/fake-provider";

const plus = (d: Date, h: number) => new Date(d.getTime() + h * 3_600_000);

/** Runways 09/27 (true 090°/270°) at a random airport no other test gave runways. */
async function crossRunwayAirports(fake: ReturnType<typeof fakeWeather>) {
  const [admin, [departure, arrival]] = await Promise.all([makeUser("ADMIN"), randomAirports(2)]);
  const put = await callWith(fake, `/v1/airports/${departure}/runways`, {
    method: "PUT", token: admin.token, body: [{ name: "09", heading_deg: 90 }, { name: "27", heading_deg: 270 }],
  });
  expect(put.status, put.text).toBe(200);
  return { departure: departure!, arrival: arrival! };
}

describe("the crosswind rule", () => {
  it("is a weather-check violation above the stricter of the level's and the aircraft's limit", async () => {
    const fake = fakeWeather();
    const { departure, arrival } = await crossRunwayAirports(fake);
    const crew = await makeCrew("PRIVATE_PILOT");
    const tail = `N${crypto.randomUUID().replaceAll("-", "").slice(0, 8).toUpperCase()}`;
    const [aircraft] = await ownerDb().query<{ id: string }>(
      "INSERT INTO aircraft (tail_number, type_code, home_airport, crosswind_limit_kt) VALUES ($1, 'C172', 'KJFK', 12) RETURNING id",
      [tail],
    );
    const from = hoursFromNow(-1);
    const to = hoursFromNow(30);
    // 14 kt from the north: within the private pilot's wind (20) and crosswind (15) limits, not the aircraft's 12.
    fake.tafs.set(departure, taf(departure, from, to, [{ from, to, wdir: 0, wspd: 14 }]));
    fake.tafs.set(arrival, taf(arrival, from, to, [{ from, to, wdir: 0, wspd: 14 }]));
    const booked = await callWith(fake, "/v1/bookings", {
      method: "POST", token: crew.instructor.token,
      body: {
        student_id: crew.student.user.id, instructor_id: crew.instructor.user.id, aircraft_id: aircraft!.id,
        departure_airport: departure, arrival_airport: arrival, scheduled_at: hoursFromNow(10).toISOString(),
      },
    });
    expect(booked.status, booked.text).toBe(201);
    const checked = await callWith(fake, `/v1/bookings/${booked.body.id}/weather-check`, { method: "POST", token: crew.instructor.token });
    expect(checked.body).toMatchObject({ weather_status: "VIOLATION", booking_status: "AT_RISK" });
    // The arrival airport has no runways recorded: it is not checked for crosswind.
    expect(checked.body.violations).toEqual([
      expect.objectContaining({ airport: departure, rule: "crosswind", observed: 14, limit: 12, runway: "09" }),
    ]);
  });

  it("moves a booking at risk in the weather monitor", async () => {
    const fake = fakeWeather();
    const { departure, arrival } = await crossRunwayAirports(fake);
    // A far-future run (past the other weather tests' years), so the monitor only meets this booking.
    const now = new Date(Date.UTC(2041, 0, 1) + Math.floor(Math.random() * 3_000 * 24) * 3_600_000);
    for (const icao of [departure, arrival]) {
      // 18 kt across: under the private pilot's 20 kt wind limit, over their 15 kt crosswind limit.
      fake.tafs.set(icao, taf(icao, plus(now, -1), plus(now, 30), [{ from: plus(now, -1), to: plus(now, 30), wdir: 180, wspd: 10, wgst: 18 }]));
    }
    const crew = await makeCrew("PRIVATE_PILOT");
    const windy = await insertBooking(crew, { at: plus(now, 10), from: departure, to: arrival });
    const run = await runJob("weather", now, fake.bindings);
    expect(run).toMatchObject({ status: "SUCCEEDED" });
    const [row] = await ownerDb().query("SELECT status, weather_status FROM bookings WHERE id = $1", [windy.id]);
    expect(row).toEqual({ status: "AT_RISK", weather_status: "VIOLATION" });
  });
});
