import { beforeAll, describe, expect, it } from "vitest";
import { call } from "../../support/api";
import { ownerDb } from "../../support/db";
import { makeUser, type TestUser } from "../../support/users";
import { addAircraft, fileSquawk, hoursAhead } from "../aircraft/fixtures";
import { callWith, fakeWeather, makeCrew, type Crew } from "../weather/fake-provider";

let admin: TestUser;
const fake = fakeWeather();

beforeAll(async () => {
  admin = await makeUser("ADMIN");
});

/** A crew and a booking on a fresh aircraft of a type no other test flies, with one spare of that type. */
async function groundable(type: string, spare = true) {
  const crew = await makeCrew();
  const own = await addAircraft(admin.token, { type_code: type });
  const other = spare ? await addAircraft(admin.token, { type_code: type }) : null;
  const made = await call("/v1/bookings", {
    method: "POST",
    token: admin.token,
    body: {
      student_id: crew.student.user.id, instructor_id: crew.instructor.user.id, aircraft_id: own.id,
      departure_airport: "KJFK", arrival_airport: "KJFK", scheduled_at: hoursAhead(30).toISOString(),
    },
  });
  if (made.status !== 201) throw new Error(made.text);
  return { crew, own, other, booking: made.body as Record<string, any> };
}

const offer = (crew: Crew, id: string) => callWith(fake, `/v1/bookings/${id}/reschedule-options`, { method: "POST", token: crew.instructor.token });
const rank = (token: string, id: string, ranked: string[]) =>
  call(`/v1/bookings/${id}/preferences`, { method: "PUT", token, body: { ranked_option_ids: ranked, unavailable_option_ids: [] } });

describe("reschedule options around a grounded aircraft", () => {
  it("moves the flight to an airworthy aircraft of the same type, and the resolution books it there", async () => {
    const { crew, own, other, booking } = await groundable("C182");
    await fileSquawk(crew.instructor.token, own.id, { severity: "GROUNDING", description: "Cracked exhaust" });
    const offered = await offer(crew, booking.id);
    expect(offered.status, offered.text).toBe(201);
    expect(offered.body.options.length).toBeGreaterThan(0);
    for (const option of offered.body.options) expect(option.aircraft_id).toBe(other!.id);
    const shown = await call(`/v1/bookings/${booking.id}/reschedule-options`, { token: crew.student.token });
    expect(shown.body.options.map((o: { aircraft_id: string }) => o.aircraft_id)).toEqual(offered.body.options.map(() => other!.id));

    const first = offered.body.options[0].id;
    expect((await rank(crew.student.token, booking.id, [first])).status).toBe(200);
    const resolved = await rank(crew.instructor.token, booking.id, [first]);
    expect(resolved.status).toBe(200);
    expect(resolved.body.outcome).toBe("RESCHEDULED");
    expect(resolved.body.booking).toMatchObject({ aircraft_id: other!.id, status: "CONFIRMED", original_booking_id: booking.id });
  });

  it("keeps the booking's own aircraft outside a maintenance block and offers the spare inside it", async () => {
    const { crew, own, other, booking } = await groundable("PA44");
    const blockEnds = hoursAhead(60);
    const block = await call(`/v1/aircraft/${own.id}/maintenance-blocks`, {
      method: "POST", token: admin.token, body: { starts_at: hoursAhead(1).toISOString(), ends_at: blockEnds.toISOString(), reason: "Prop overhaul" },
    });
    expect(block.status).toBe(201);
    const offered = await offer(crew, booking.id);
    expect(offered.status, offered.text).toBe(201);
    for (const option of offered.body.options) {
      const inside = Date.parse(option.suggested_at) < blockEnds.getTime();
      expect({ at: option.suggested_at, aircraft: option.aircraft_id }).toEqual({ at: option.suggested_at, aircraft: inside ? other!.id : own.id });
    }
  });

  it("offers no time the aircraft is grounded at when no other aircraft of its type can fly", async () => {
    const { crew, own, booking } = await groundable("BE76", false);
    await fileSquawk(crew.instructor.token, own.id, { severity: "GROUNDING", description: "Gear warning" });
    const offered = await offer(crew, booking.id);
    expect(offered.status).toBe(409);
    const [row] = await ownerDb().query("SELECT status FROM bookings WHERE id = $1", [booking.id]);
    expect(row).toEqual({ status: "AT_RISK" });
  });
});
