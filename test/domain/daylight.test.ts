import { describe, expect, it } from "vitest";
import { civilTwilight, localDay, twilightsDuring } from "../../src/domain/daylight";

const kjfk = { icao: "KJFK", latitude: 40.6398, longitude: -73.7789, timezone: "America/New_York" };
const minutes = (iso: string | null) => {
  const d = new Date(iso!);
  return d.getUTCHours() * 60 + d.getUTCMinutes();
};

describe("civil twilight at an airport", () => {
  it("reckons the local day across the spring-forward change (New York, 2026-03-08)", () => {
    const before = civilTwilight(kjfk, "2026-03-07");
    const change = civilTwilight(kjfk, "2026-03-08");
    expect(change.day).toBe("2026-03-08");
    // The sun does not care about clocks: dawn moves by about a minute a day in UTC...
    expect(Math.abs(minutes(change.civil_dawn) - minutes(before.civil_dawn))).toBeLessThanOrEqual(3);
    // ...and the dawn lies on the asked local day: 06:50 EDT is 10:50Z (published: 06:50).
    expect(change.civil_dawn!.slice(0, 10)).toBe("2026-03-08");
    expect(minutes(change.civil_dawn)).toBeGreaterThanOrEqual(10 * 60 + 45);
    expect(minutes(change.civil_dawn)).toBeLessThanOrEqual(10 * 60 + 55);
    expect(minutes(change.civil_dusk)).toBeGreaterThanOrEqual(23 * 60 + 15);
    expect(minutes(change.civil_dusk)).toBeLessThanOrEqual(23 * 60 + 25);
  });

  it("reckons the local day across the fall-back change (New York, 2026-11-01)", () => {
    const change = civilTwilight(kjfk, "2026-11-01");
    // Civil twilight about 05:57 EST (10:57Z) to 17:20 EST (22:20Z), a minute or two either way.
    expect(change.civil_dawn!.slice(0, 10)).toBe("2026-11-01");
    expect(minutes(change.civil_dawn)).toBeGreaterThanOrEqual(10 * 60 + 52);
    expect(minutes(change.civil_dawn)).toBeLessThanOrEqual(11 * 60 + 2);
    expect(minutes(change.civil_dusk)).toBeGreaterThanOrEqual(22 * 60 + 15);
    expect(minutes(change.civil_dusk)).toBeLessThanOrEqual(22 * 60 + 25);
  });

  it("takes the local calendar day of an instant, not the UTC one", () => {
    // 01:30Z on 2026-03-09 is still the evening of 2026-03-08 in New York.
    expect(localDay(new Date("2026-03-09T01:30:00Z"), "America/New_York")).toBe("2026-03-08");
    expect(localDay(new Date("2026-03-09T01:30:00Z"), null)).toBe("2026-03-09");
    const far = { icao: "NZAA", latitude: -37.008, longitude: 174.79, timezone: "Pacific/Auckland" };
    // Auckland's 2026-04-05 (its DST end) dawns on 2026-04-04 UTC.
    expect(civilTwilight(far, "2026-04-05").civil_dawn!.slice(0, 10)).toBe("2026-04-04");
  });

  it("is daylight all day under the midnight sun and none in the polar night", () => {
    const svalbard = { icao: "ENSB", latitude: 78.246, longitude: 15.466, timezone: "Arctic/Longyearbyen" };
    const summer = civilTwilight(svalbard, "2026-06-21");
    expect(summer.civil_dawn).toBe("2026-06-20T22:00:00.000Z");
    expect(summer.civil_dusk).toBe("2026-06-21T22:00:00.000Z");
    expect(civilTwilight(svalbard, "2026-12-21")).toMatchObject({ civil_dawn: null, civil_dusk: null });
  });

  it("lists one row per local day a span touches", () => {
    const days = twilightsDuring(kjfk, new Date("2026-03-07T12:00:00Z"), new Date("2026-03-09T02:00:00Z"));
    expect(days.map((d) => d.day)).toEqual(["2026-03-07", "2026-03-08"]);
  });
});
