import { beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../support/api";
import { ownerDb } from "../../support/db";
import { makeUser, type TestUser } from "../../support/users";
import { callWith, fakeWeather, hoursFromNow, randomAirports, taf } from "./fake-provider";

const fake = fakeWeather();
let admin: TestUser;
let student: TestUser;

beforeAll(async () => {
  [admin, student] = await Promise.all([makeUser("ADMIN"), makeUser("STUDENT")]);
});

describe("GET /v1/weather/:airport", () => {
  it("shows the latest forecast held, by ICAO or IATA code, with when it was fetched", async () => {
    const [row] = await ownerDb().query<{ icao: string; iata: string }>(
      "SELECT icao, iata FROM airports WHERE iata IS NOT NULL AND icao ~ '^[A-Z]{4}$' ORDER BY random() LIMIT 1",
    );
    const forecast = taf(row!.icao, hoursFromNow(-1), hoursFromNow(29), [{ from: hoursFromNow(-1), to: hoursFromNow(29), wspd: 12 }]);
    await ownerDb().query(
      `INSERT INTO weather_forecasts (airport, issue_time, valid_from, valid_to, forecast)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (airport) DO UPDATE SET issue_time = EXCLUDED.issue_time, forecast = EXCLUDED.forecast`,
      [row!.icao, forecast.issueTime, hoursFromNow(-1).toISOString(), hoursFromNow(29).toISOString(), JSON.stringify(forecast)],
    );
    for (const code of [row!.icao, row!.iata.toLowerCase()]) {
      const res = await callWith(fake, `/v1/weather/${code}`, { token: student.token });
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({ airport: row!.icao, issue_time: forecast.issueTime });
      expect(res.body.fetched_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(res.body.forecast.fcsts[0].wspd).toBe(12);
    }
  });

  it("answers 404 for an airport without a forecast or unknown, 422 for a malformed code", async () => {
    const [airport] = await randomAirports(1);
    await ownerDb().query("DELETE FROM weather_forecasts WHERE airport = $1", [airport]);
    expectProblem(await callWith(fake, `/v1/weather/${airport}`, { token: student.token }), 404, "not_found");
    expectProblem(await callWith(fake, "/v1/weather/ZZZ9", { token: student.token }), 404, "not_found");
    expectProblem(await callWith(fake, "/v1/weather/K%27%3B--", { token: student.token }), 422, "validation_failed");
  });
});

describe("weather minimums", () => {
  const minimums = {
    STUDENT_PILOT: { ceiling_min_ft: 3000, visibility_min_sm: 5, wind_max_kt: 10, gust_max_kt: 15, thunderstorms_allowed: false, icing_allowed: false, crosswind_max_kt: 10 },
    PRIVATE_PILOT: { ceiling_min_ft: 1000, visibility_min_sm: 3, wind_max_kt: 20, gust_max_kt: 25, thunderstorms_allowed: false, icing_allowed: false, crosswind_max_kt: 15 },
    INSTRUMENT_RATED: { ceiling_min_ft: null, visibility_min_sm: null, wind_max_kt: 30, gust_max_kt: 35, thunderstorms_allowed: false, icing_allowed: false, crosswind_max_kt: 20 },
  };

  it("lets an admin change them, audited with the values before and after", async () => {
    const res = await callWith(fake, "/v1/settings/weather-minimums", { method: "PUT", token: admin.token, body: minimums });
    expect(res.status, res.text).toBe(200);
    expect(res.body.minimums).toEqual(minimums);
    const read = await callWith(fake, "/v1/settings/weather-minimums", { token: student.token });
    expect(read.body.minimums).toEqual(minimums);
    const audit = await ownerDb().query<{ metadata: { after: unknown } }>(
      "SELECT metadata FROM audit_log WHERE entity_type = 'setting' AND entity_id = 'weather_minimums' AND user_id = $1",
      [admin.user.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.metadata.after).toEqual(minimums);
  });

  it("refuses non-admins and bad values without changing anything", async () => {
    expectProblem(await callWith(fake, "/v1/settings/weather-minimums", { method: "PUT", token: student.token, body: minimums }), 403, "forbidden");
    const bad = [
      { ...minimums, STUDENT_PILOT: { ...minimums.STUDENT_PILOT, wind_max_kt: -5 } },
      { ...minimums, STUDENT_PILOT: { ...minimums.STUDENT_PILOT, ceiling_min_ft: "3000" } },
      { STUDENT_PILOT: minimums.STUDENT_PILOT },
      { ...minimums, GLIDER: minimums.STUDENT_PILOT },
    ];
    for (const body of bad) {
      const problem = expectProblem(await callWith(fake, "/v1/settings/weather-minimums", { method: "PUT", token: admin.token, body }), 422, "validation_failed");
      expect(problem.errors).toBeDefined();
    }
    const read = await callWith(fake, "/v1/settings/weather-minimums", { token: admin.token });
    expect(read.body.minimums.STUDENT_PILOT.wind_max_kt).toBe(10);
  });
});
