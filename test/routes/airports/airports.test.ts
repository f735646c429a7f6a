import { env } from "cloudflare:workers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheKeys } from "../../../src/cache/keys";
import { createCache } from "../../../src/cache/store";
import { loadConfig } from "../../../src/env";
import { createLogger } from "../../../src/http/log";
import { call, expectProblem } from "../../support/api";
import { ownerDb, redisUp } from "../../support/db";
import { makeUser, type TestUser } from "../../support/users";

let student: TestUser;

beforeAll(async () => {
  student = await makeUser("STUDENT");
});

describe("GET /v1/airports/:code", () => {
  it("finds an airport by ICAO code and by IATA code, in any case", async () => {
    const byIcao = await call("/v1/airports/KJFK", { token: student.token });
    expect(byIcao.status).toBe(200);
    expect(byIcao.body).toMatchObject({ icao: "KJFK", iata: "JFK", country: "United States", timezone: "America/New_York" });
    expect(byIcao.body.latitude).toBeCloseTo(40.64, 1);
    expect(byIcao.body.longitude).toBeCloseTo(-73.78, 1);
    expect(Object.keys(byIcao.body).sort()).toEqual(
      ["city", "country", "elevation_ft", "iata", "icao", "latitude", "longitude", "name", "runways", "timezone"],
    );
    for (const code of ["JFK", "jfk", "kjfk"]) {
      const res = await call(`/v1/airports/${code}`, { token: student.token });
      expect(res.status).toBe(200);
      expect(res.body).toEqual(byIcao.body);
    }
  });

  it("answers 404 for an unknown code and 422 for something that is not a code", async () => {
    expectProblem(await call("/v1/airports/Q0Q0", { token: student.token }), 404, "not_found");
    expectProblem(await call("/v1/airports/Q0Q", { token: student.token }), 404, "not_found");
    for (const bad of ["KJFKX", "K-FK", "%27%3B--", "%E2%9C%88%E2%9C%88%E2%9C%88"]) {
      const problem = expectProblem(await call(`/v1/airports/${bad}`, { token: student.token }), 422, "validation_failed");
      expect(problem.errors).toEqual([expect.objectContaining({ path: "code" })]);
    }
  });

  it("needs a signed-in user", async () => {
    expectProblem(await call("/v1/airports/KJFK"), 401, "unauthenticated");
  });
});

describe("GET /v1/airports", () => {
  it("searches names and cities, and codes exactly", async () => {
    const byName = await call("/v1/airports?q=kennedy&limit=200", { token: student.token });
    expect(byName.status).toBe(200);
    expect(byName.body.data.map((a: { icao: string }) => a.icao)).toContain("KJFK");
    const byIata = await call("/v1/airports?q=jfk", { token: student.token });
    expect(byIata.body.data.map((a: { icao: string }) => a.icao)).toContain("KJFK");
    const byCity = await call("/v1/airports?q=Denver&country=United%20States&limit=200", { token: student.token });
    expect(byCity.body.data.map((a: { icao: string }) => a.icao)).toContain("KDEN");
    expect(byCity.body.data.every((a: { country: string }) => a.country === "United States")).toBe(true);
  });

  it("treats LIKE wildcards and SQL in the search as plain text", async () => {
    for (const q of ["%", "_", "' OR 1=1 --", "Zürich✈"]) {
      const res = await call(`/v1/airports?q=${encodeURIComponent(q)}`, { token: student.token });
      expect(res.status).toBe(200);
      for (const a of res.body.data as { icao: string; iata: string | null; name: string; city: string | null }[]) {
        const text = `${a.name} ${a.city ?? ""}`.toLowerCase();
        expect(text.includes(q.toLowerCase()) || a.icao === q.toUpperCase() || a.iata === q.toUpperCase()).toBe(true);
      }
    }
  });

  it("pages through a country in ICAO order without repeats", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const after: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
      const res = await call(`/v1/airports?country=Iceland&limit=5${after}`, { token: student.token });
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeLessThanOrEqual(5);
      seen.push(...res.body.data.map((a: { icao: string }) => a.icao));
      cursor = res.body.next_cursor;
      pages++;
    } while (cursor && pages < 50);
    expect(pages).toBeGreaterThan(1);
    expect(seen).toContain("BIKF");
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(seen);
  });

  it("refuses a bad limit or cursor", async () => {
    expectProblem(await call("/v1/airports?limit=0", { token: student.token }), 422, "validation_failed");
    expectProblem(await call("/v1/airports?limit=201", { token: student.token }), 422, "validation_failed");
    expectProblem(await call("/v1/airports?cursor=nonsense", { token: student.token }), 422, "validation_failed");
  });
});

describe.skipIf(!redisUp)("airports from the cache", () => {
  const cache = createCache(loadConfig(env), createLogger({ test: "airports" }));
  // A code of our own (ICAO prefix Q is not assigned to any region), so no other test sees it.
  const icao = `Q${crypto.randomUUID().replace(/-/g, "").slice(0, 3).toUpperCase()}`;
  const iata = String(100 + Math.floor(Math.random() * 900));

  beforeAll(async () => {
    await ownerDb().query(
      `INSERT INTO airports (icao, iata, name, city, country, latitude, longitude, elevation_ft, timezone)
       VALUES ($1, $2, 'Skyslot Test Field', 'Testville', 'Testland', 45.5, -122.5, 100, 'America/Los_Angeles')`,
      [icao, iata],
    );
  });

  afterAll(async () => {
    await ownerDb().query("DELETE FROM airports WHERE icao = $1", [icao]);
    await cache.del(cacheKeys.airport(icao), cacheKeys.airportByIata(iata));
  });

  it("serves a warm airport from the cache, by either code, even after the row changed", async () => {
    const first = await call(`/v1/airports/${icao}`, { token: student.token });
    expect(first.body.name).toBe("Skyslot Test Field");
    expect((await call(`/v1/airports/${iata}`, { token: student.token })).body).toEqual(first.body);

    await ownerDb().query("UPDATE airports SET name = 'Renamed In The Database' WHERE icao = $1", [icao]);
    expect((await call(`/v1/airports/${icao}`, { token: student.token })).body.name).toBe("Skyslot Test Field");
    expect((await call(`/v1/airports/${iata.toLowerCase()}`, { token: student.token })).body.name).toBe("Skyslot Test Field");

    // Once the cached entry goes, the database's value is served.
    await cache.del(cacheKeys.airport(icao));
    expect((await call(`/v1/airports/${icao}`, { token: student.token })).body.name).toBe("Renamed In The Database");
  });
});
