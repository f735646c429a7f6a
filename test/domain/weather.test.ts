import { describe, expect, it } from "vitest";
import {
  ceilingFt,
  checkWeather,
  forecastCertainty,
  visibilitySm,
  type Minimums,
  type Taf,
} from "../../src/domain/weather";
import { parseTafList, WeatherUnavailable } from "../../src/weather/provider";
import clear from "../fixtures/taf/clear.json";
import freezingDrizzle from "../fixtures/taf/freezing_drizzle.json";
import gusty from "../fixtures/taf/gusty.json";
import lowCeiling from "../fixtures/taf/low_ceiling.json";
import missingFields from "../fixtures/taf/missing_fields.json";
import tempoThunderstorms from "../fixtures/taf/tempo_thunderstorms.json";

/** The fixtures' TAFs are valid from 2026-05-01 12:00Z for 30 h (KORD: 18 h). */
const at = (hour: number) => new Date(Date.UTC(2026, 4, 1, 12) + hour * 3_600_000);

const student: Minimums = {
  ceiling_min_ft: 3000, visibility_min_sm: 5, wind_max_kt: 10, gust_max_kt: 15, thunderstorms_allowed: false, icing_allowed: false, crosswind_max_kt: 10,
};
const instrument: Minimums = {
  ceiling_min_ft: null, visibility_min_sm: null, wind_max_kt: 30, gust_max_kt: 35, thunderstorms_allowed: false, icing_allowed: false, crosswind_max_kt: 20,
};

function forecasts(...lists: unknown[]): Map<string, Taf> {
  return new Map(lists.flatMap((l) => parseTafList(l)).map((t) => [t.icaoId, t]));
}

const flight = (startHour: number, airports: string[], hours = 1) => ({
  startsAt: at(startHour),
  endsAt: at(startHour + hours),
  airports,
});

describe("reading TAF values", () => {
  it("takes the lowest broken, overcast or obscured layer, or the vertical visibility, as the ceiling", () => {
    expect(ceilingFt({ timeFrom: 0, timeTo: 1, clouds: [{ cover: "SCT", base: 500 }, { cover: "BKN", base: 1200 }, { cover: "OVC", base: 900 }] })).toBe(900);
    expect(ceilingFt({ timeFrom: 0, timeTo: 1, clouds: [{ cover: "FEW", base: 300 }, { cover: "SCT", base: 800 }] })).toBeNull();
    expect(ceilingFt({ timeFrom: 0, timeTo: 1, clouds: [{ cover: "OVX", base: null }], vertVis: 200 })).toBe(200);
    expect(ceilingFt({ timeFrom: 0, timeTo: 1, vertVis: 100 })).toBe(100);
  });

  it("reads visibility as a number, 6+, fractions and mixed numbers", () => {
    expect(visibilitySm("6+")).toBe(6);
    expect(visibilitySm(3)).toBe(3);
    expect(visibilitySm("1/2")).toBe(0.5);
    expect(visibilitySm("1 1/2")).toBe(1.5);
    expect(visibilitySm("M1/4")).toBe(0.25);
    expect(visibilitySm("P6SM")).toBe(6);
    expect(visibilitySm("fog")).toBeNull();
    expect(visibilitySm(null)).toBeNull();
  });
});

describe("checking a flight against the forecast", () => {
  it("passes a student flight in clear weather at both airports", () => {
    const check = checkWeather(flight(3, ["KJFK", "KJFK"]), forecasts(clear), student);
    expect(check).toEqual({ weather_status: "OK", violations: [], uncovered: [] });
  });

  it("refuses a low ceiling and poor visibility for a student but not for an instrument-rated pilot", () => {
    const tafs = forecasts(clear, lowCeiling);
    const check = checkWeather(flight(1, ["KJFK", "KBOS"]), tafs, student);
    expect(check.weather_status).toBe("VIOLATION");
    expect(check.violations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ airport: "KBOS", rule: "ceiling", observed: 800, limit: 3000, change: "BASE" }),
        expect.objectContaining({ airport: "KBOS", rule: "visibility", observed: 3, limit: 5 }),
      ]),
    );
    expect(check.violations.every((v) => v.airport === "KBOS")).toBe(true);
    expect(checkWeather(flight(1, ["KJFK", "KBOS"]), tafs, instrument).weather_status).toBe("OK");
  });

  it("counts the period an hour after landing too", () => {
    // KBOS improves to OVC025 at hour 6: a 4:00-5:00 flight still sees the 800 ft ceiling until 6:00.
    const check = checkWeather(flight(4, ["KBOS"]), forecasts(lowCeiling), { ...student, ceiling_min_ft: 2000, visibility_min_sm: 3, wind_max_kt: 20 });
    expect(check.violations.map((v) => v.observed)).toEqual([800]);
    expect(checkWeather(flight(7, ["KBOS"]), forecasts(lowCeiling), { ...student, ceiling_min_ft: 2000, visibility_min_sm: 3, wind_max_kt: 20 }).weather_status).toBe("OK");
  });

  it("refuses sustained wind and gusts above the limits", () => {
    const check = checkWeather(flight(5, ["KDEN"]), forecasts(gusty), student);
    expect(check.violations.map((v) => [v.rule, v.observed, v.limit])).toEqual([
      ["wind", 22, 10],
      ["gust", 34, 15],
    ]);
    expect(checkWeather(flight(5, ["KDEN"]), forecasts(gusty), instrument).weather_status).toBe("OK");
  });

  it("counts a TEMPO thunderstorm group that overlaps the flight, and ignores it when it does not", () => {
    const during = checkWeather(flight(5, ["KMCO"]), forecasts(tempoThunderstorms), instrument);
    expect(during.weather_status).toBe("VIOLATION");
    expect(during.violations).toEqual([
      expect.objectContaining({ rule: "thunderstorms", change: "TEMPO", observed: "TSRA", period_from: at(6).toISOString() }),
    ]);
    expect(checkWeather(flight(12, ["KMCO"]), forecasts(tempoThunderstorms), instrument).weather_status).toBe("OK");
  });

  it("treats cumulonimbus clouds as thunderstorms even without TS in the weather", () => {
    const taf = parseTafList(tempoThunderstorms)[0]!;
    const cbOnly = { ...taf, fcsts: taf.fcsts.map((p) => ({ ...p, wxString: null })) };
    const check = checkWeather(flight(7, ["KMCO"]), new Map([["KMCO", cbOnly]]), instrument);
    expect(check.violations.map((v) => v.rule)).toEqual(["thunderstorms"]);
  });

  it("refuses freezing drizzle and forecast icing", () => {
    const check = checkWeather(flight(2, ["KORD"]), forecasts(freezingDrizzle), instrument);
    expect(check.violations.map((v) => v.rule)).toEqual(["icing"]);
    expect(checkWeather(flight(2, ["KORD"]), forecasts(freezingDrizzle), { ...instrument, icing_allowed: true }).weather_status).toBe("OK");
  });

  it("does not invent a violation from periods that leave fields out", () => {
    const check = checkWeather(flight(3, ["KSEA"]), forecasts(missingFields), student);
    expect(check).toEqual({ weather_status: "OK", violations: [], uncovered: [] });
  });

  it("is UNKNOWN beyond the forecast horizon or without a TAF, never a violation", () => {
    // KORD's TAF ends at hour 18; a flight at 17:30 needs the forecast until 19:30.
    const beyond = checkWeather({ startsAt: at(17.5), endsAt: at(18.5), airports: ["KJFK", "KJFK"] }, forecasts(clear), student);
    expect(beyond.weather_status).toBe("OK");
    const edge = checkWeather({ startsAt: at(17.5), endsAt: at(18.5), airports: ["KORD"] }, forecasts(freezingDrizzle), { ...instrument, icing_allowed: true });
    expect(edge).toEqual({ weather_status: "UNKNOWN", violations: [], uncovered: ["KORD"] });
    const none = checkWeather(flight(40, ["KJFK", "KLAX"]), forecasts(clear), student);
    expect(none).toEqual({ weather_status: "UNKNOWN", violations: [], uncovered: ["KJFK", "KLAX"] });
  });

  it("still reports a known violation when part of the window is uncovered", () => {
    const check = checkWeather(flight(3, ["KDEN", "KLAX"]), forecasts(gusty), instrument);
    expect(check.weather_status).toBe("UNKNOWN");
    const student_ = checkWeather(flight(3, ["KDEN", "KLAX"]), forecasts(gusty), student);
    expect(student_.weather_status).toBe("VIOLATION");
    expect(student_.uncovered).toEqual(["KLAX"]);
  });
});

describe("forecast certainty", () => {
  it("trusts a near, steady forecast more than a later one or one with a TEMPO group", () => {
    const tafs = forecasts(clear, tempoThunderstorms);
    const certainty = (hour: number, airport: string) => {
      const window = flight(hour, [airport]);
      return forecastCertainty(window, tafs, checkWeather(window, tafs, { ...instrument, thunderstorms_allowed: true }));
    };
    expect(certainty(2, "KJFK")).toBeGreaterThan(certainty(20, "KJFK"));
    expect(certainty(7, "KMCO")).toBeLessThan(certainty(7, "KJFK"));
    for (const hour of [1, 7, 25]) expect(certainty(hour, "KJFK")).toBeGreaterThanOrEqual(0);
  });
});

describe("reading the provider's answer", () => {
  it("normalises times and refuses answers that are not TAF lists", () => {
    const [taf] = parseTafList(clear);
    expect(taf!.issueTime).toBe("2026-05-01T11:20:00.000Z");
    expect(taf!.validTimeFrom).toBe(at(0).getTime() / 1000);
    expect(() => parseTafList({ error: "rate limited" })).toThrow(WeatherUnavailable);
    expect(() => parseTafList([{ icaoId: "KJFK" }])).toThrow(WeatherUnavailable);
    expect(parseTafList([])).toEqual([]);
    // One unreadable TAF among good ones leaves only that airport without a forecast.
    expect(parseTafList([...clear, { icaoId: "KXXX", fcsts: "nope" }]).map((t) => t.icaoId)).toEqual(["KJFK"]);
  });
});
