import { describe, expect, it } from "vitest";
import { closeCalls } from "../../src/routes/bookings/rescheduling.rules";

const slot = { starts_at: "2026-05-01T18:00:00.000Z", ends_at: "2026-05-01T19:00:00.000Z", aircraft_id: null, findings: [], duty_minutes: null, civil_dusk: null };

describe("what an option's reasons say about rules it passed closely", () => {
  it("names duty minutes near the limit, a landing near dusk, a crosswind near the limit and warnings", () => {
    expect(closeCalls({ ...slot, duty_minutes: 450 }, 480, undefined)).toEqual([
      "Instructor duty close to the limit: 450 of 480 minutes in the busiest 24 h",
    ]);
    expect(closeCalls({ ...slot, civil_dusk: "2026-05-01T19:35:00.000Z" }, 480, undefined)).toEqual(["Lands 35 min before civil dusk"]);
    expect(closeCalls(slot, 480, { airport: "KPAO", observed: 13, limit: 15, runway: "31" })).toEqual([
      "Crosswind close to the limit: 13 of 15 kt at KPAO on runway 31",
    ]);
    expect(closeCalls({ ...slot, findings: [{ rule: "instructor_certificate", detail: "No CFI.", mode: "warn" }] }, 480, undefined)).toEqual([
      "Warning (instructor_certificate): No CFI.",
    ]);
  });

  it("says nothing when the option is far from every limit", () => {
    expect(closeCalls({ ...slot, duty_minutes: 120, civil_dusk: "2026-05-01T23:00:00.000Z" }, 480, { airport: "KPAO", observed: 4, limit: 15, runway: "31" })).toEqual([]);
  });
});
