import { describe, expect, it } from "vitest";
import { call, expectProblem } from "../../support/api";
import { redisUp } from "../../support/db";
import { makeUser } from "../../support/users";

// The test stack keeps the default budget of 10 expensive reads per user per minute.
const BUDGET = 10;

describe.skipIf(!redisUp)("budget for expensive analytics reads", () => {
  it("answers 429 with Retry-After once a user has spent the budget on flights-table scans, and only then", async () => {
    const [student, other] = await Promise.all([makeUser("STUDENT"), makeUser("STUDENT")]);
    // Part of a month by route: only the flights can answer. A range no other run asked for
    // (answers are cached for everyone), new for each request.
    const month = `${1900 + Math.floor(Math.random() * 90)}-${String(1 + Math.floor(Math.random() * 12)).padStart(2, "0")}`;
    const scan = (token: string, day: number) =>
      call(`/v1/analytics/delays?group_by=route&from=${month}-${String(day).padStart(2, "0")}&to=${month}-${String(day + 1).padStart(2, "0")}&min_flights=${1 + Math.floor(Math.random() * 1e6)}`, { token });
    for (let day = 1; day <= BUDGET; day++) expect((await scan(student.token, day)).status).toBe(200);
    const refused = await scan(student.token, BUDGET + 1);
    expectProblem(refused, 429, "rate_limited");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    // Cheap reads (answered from the rollup) and other users are not held back.
    expect((await call(`/v1/analytics/delays?group_by=hour&airport=KBOS&min_flights=${1 + Math.floor(Math.random() * 1e6)}`, { token: student.token })).status).toBe(200);
    expect((await scan(other.token, 1)).status).toBe(200);
  });
});
