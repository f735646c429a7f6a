import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { preferenceDeadline } from "../../src/domain/deadlines";
import { rankOptions, type Candidate } from "../../src/domain/ranking";

const now = new Date("2026-05-04T06:00:00.000Z");
const original = { scheduledAt: new Date("2026-05-04T14:00:00.000Z") };
const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);
const slot = (startHour: number, weather: Candidate["weather"] = "OK", certainty = 0.9): Candidate => ({
  startsAt: hours(startHour),
  endsAt: hours(startHour + 1),
  weather,
  certainty,
});

describe("rankOptions", () => {
  it("never offers a slot forecast to break minimums", () => {
    const ranked = rankOptions([slot(32, "VIOLATION", 1), slot(56, "OK")], original, now);
    expect(ranked.map((o) => o.suggested_at)).toEqual([hours(56).toISOString()]);
  });

  it("prefers the original time of day, then sooner, then a surer forecast", () => {
    // hour 32 = 14:00 the next day (same time of day); hour 28 = 10:00 the next day.
    const ranked = rankOptions([slot(28), slot(32), slot(104)], original, now);
    expect(ranked[0]!.suggested_at).toBe(hours(32).toISOString());
    expect(ranked[0]!.reasons).toContain("Same time of day as the original flight");
    // Same time of day four days later loses to the next day's.
    expect(ranked.findIndex((o) => o.suggested_at === hours(104).toISOString())).toBeGreaterThan(0);
    const unsure = rankOptions([slot(32, "UNKNOWN", 0.4), slot(33, "OK", 0.95)], original, now);
    expect(unsure[0]!.weather_status).toBe("OK");
    expect(unsure[1]!.reasons[0]).toMatch(/Beyond the current forecast/);
  });

  it("explains each option in words", () => {
    const [option] = rankOptions([slot(30.5)], original, now);
    expect(option!.reasons).toEqual([
      "Forecast within minimums at both airports (high certainty, 90%)",
      "1 h 30 min earlier in the day than the original flight",
      "In 1 day 6 h 30 min",
    ]);
  });

  it("returns at most five options that do not overlap each other, best first", () => {
    const candidates = Array.from({ length: 40 }, (_, i) => slot(2 + i * 0.5));
    const ranked = rankOptions(candidates, original, now);
    expect(ranked).toHaveLength(5);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.confidence).toBeGreaterThanOrEqual(ranked[i]!.confidence);
    const spans = ranked.map((o) => [Date.parse(o.suggested_at), Date.parse(o.ends_at)] as const);
    for (const [a, b] of spans) for (const [c, d] of spans) if (a !== c) expect(a < d && c < b).toBe(false);
  });

  it("keeps confidence in [0, 1] for any candidates", () => {
    const candidate = fc.record({
      hour: fc.double({ min: 2, max: 168, noNaN: true }),
      weather: fc.constantFrom<Candidate["weather"]>("OK", "UNKNOWN", "VIOLATION"),
      certainty: fc.double({ min: -1, max: 2, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 30 }), (list) => {
        const ranked = rankOptions(list.map((c) => slot(c.hour, c.weather, c.certainty)), original, now);
        expect(ranked.length).toBeLessThanOrEqual(5);
        for (const o of ranked) {
          expect(o.confidence).toBeGreaterThanOrEqual(0);
          expect(o.confidence).toBeLessThanOrEqual(1);
          expect(o.weather_status).not.toBe("VIOLATION");
        }
      }),
    );
  });
});

describe("preferenceDeadline", () => {
  it("is 30 minutes before the flight, but never more than 12 hours away", () => {
    expect(preferenceDeadline(hours(3), now).toISOString()).toBe(hours(2.5).toISOString());
    expect(preferenceDeadline(hours(48), now).toISOString()).toBe(hours(12).toISOString());
    expect(preferenceDeadline(hours(0.25), now).getTime()).toBeLessThan(now.getTime());
  });
});
