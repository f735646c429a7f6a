import { describe, expect, it } from "vitest";
import { runJob } from "../../src/jobs/registry";
import { weatherJob } from "../../src/jobs/weather";
import { loadTafs } from "../../src/weather/provider";
import { ownerDb } from "../support/db";
import { fakeWeather, insertBooking, makeCrew, randomAirports, taf, thunderstorms } from "../routes/weather/fake-provider";
import { jobContext } from "./context";

/** A random future hour far from every other test's bookings. */
function farDay(): Date {
  return new Date(Date.UTC(2032, 0, 1) + Math.floor(Math.random() * 3_000 * 24) * 3_600_000);
}
const plus = (d: Date, h: number) => new Date(d.getTime() + h * 3_600_000);

const statusOf = async (id: string) =>
  (await ownerDb().query<{ status: string; weather_status: string | null }>("SELECT status, weather_status FROM bookings WHERE id = $1", [id]))[0]!;

const alerts = async (bookingId: string) =>
  Number((await ownerDb().query<{ n: number }>("SELECT count(*)::int AS n FROM notifications WHERE type = 'WEATHER_ALERT' AND booking_id = $1", [bookingId]))[0]!.n);

describe("weather job", () => {
  it("moves bookings on the forecast with one provider call for every airport, and records the run", async () => {
    const now = farDay();
    const fake = fakeWeather();
    const [stormy, clear, beyond] = await randomAirports(3);
    for (const icao of [stormy!, clear!, beyond!]) {
      const periods = [{ from: plus(now, -1), to: plus(now, 30) }];
      if (icao === stormy) periods.push({ from: plus(now, 9), to: plus(now, 12), ...thunderstorms } as never);
      fake.tafs.set(icao, taf(icao, plus(now, -1), plus(now, 30), periods));
    }
    const crew = await makeCrew();
    const atRisk = await insertBooking(crew, { at: plus(now, 10), from: stormy!, to: clear! });
    const cleared = await insertBooking(crew, { at: plus(now, 20), from: clear!, status: "AT_RISK" });
    const unknown = await insertBooking(crew, { at: plus(now, 40), from: beyond!, status: "AT_RISK" });
    const later = await insertBooking(crew, { at: plus(now, 50), from: stormy! });

    const run = await runJob("weather", now, fake.bindings);
    expect(run).toMatchObject({ status: "SUCCEEDED", error: null });
    expect(run!.stats).toMatchObject({ provider_calls: 1 });
    expect(run!.stats!.checked).toBeGreaterThanOrEqual(3);
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]).toEqual(expect.arrayContaining([stormy, clear, beyond]));

    expect(await statusOf(atRisk.id)).toEqual({ status: "AT_RISK", weather_status: "VIOLATION" });
    expect(await statusOf(cleared.id)).toEqual({ status: "CONFIRMED", weather_status: "OK" });
    expect(await statusOf(unknown.id)).toEqual({ status: "AT_RISK", weather_status: "UNKNOWN" });
    expect(await statusOf(later.id)).toEqual({ status: "CONFIRMED", weather_status: null });
    expect(await alerts(atRisk.id)).toBe(2);
    const held = await ownerDb().query("SELECT airport FROM weather_forecasts WHERE airport = $1", [stormy]);
    expect(held).toHaveLength(1);

    // The same firing delivered again is not run twice.
    expect(await runJob("weather", now, fake.bindings)).toBeNull();
  });

  it("alerts once when runs overlap", async () => {
    const now = farDay();
    const fake = fakeWeather();
    const [stormy] = await randomAirports(1);
    fake.tafs.set(stormy!, taf(stormy!, plus(now, -1), plus(now, 30), [{ from: plus(now, -1), to: plus(now, 30), ...thunderstorms, fcstChange: null }]));
    const crew = await makeCrew();
    const booking = await insertBooking(crew, { at: plus(now, 5), from: stormy! });
    await Promise.all([weatherJob(jobContext(now, fake.bindings)), weatherJob(jobContext(now, fake.bindings)), weatherJob(jobContext(plus(now, 0.5), fake.bindings))]);
    expect(await statusOf(booking.id)).toMatchObject({ status: "AT_RISK" });
    expect(await alerts(booking.id)).toBe(2);
    const audit = await ownerDb().query("SELECT 1 FROM audit_log WHERE entity_id = $1 AND action = 'booking.weather_at_risk'", [booking.id]);
    expect(audit).toHaveLength(1);
  });

  it.each(["down", "garbage"] as const)("fails the run and moves nothing when the provider is %s", async (mode) => {
    const now = farDay();
    const fake = fakeWeather();
    fake.mode = mode;
    const [airport] = await randomAirports(1);
    const crew = await makeCrew();
    const booking = await insertBooking(crew, { at: plus(now, 3), from: airport! });
    const run = await runJob("weather", now, fake.bindings);
    expect(run).toMatchObject({ status: "FAILED", error: expect.stringMatching(/weather provider/) });
    expect(await statusOf(booking.id)).toEqual({ status: "CONFIRMED", weather_status: null });
    const [stored] = await ownerDb().query("SELECT status, error FROM job_runs WHERE id = $1", [run!.id]);
    expect(stored).toMatchObject({ status: "FAILED" });
  });

  it("asks for many airports in chunks, never one call per airport", async () => {
    const fake = fakeWeather();
    const ids = Array.from({ length: 85 }, (_, i) => `Q${String(i).padStart(3, "0")}`);
    const ctx = jobContext(new Date(), fake.bindings);
    const loaded = await loadTafs(ctx, ids, { fresh: true });
    expect(loaded.calls).toBe(3);
    expect(fake.calls.map((c) => c.length)).toEqual([40, 40, 5]);
  });
});
