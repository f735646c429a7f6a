import { describe, expect, it } from "vitest";
import { civilTwilight } from "../../../src/domain/daylight";
import { ApiError } from "../../../src/http/problem";
import { ownerDb } from "../../support/db";
import { makeUser } from "../../support/users";
import { makeAircraft, makeAvailableInstructor, nextSlot } from "../bookings/fixtures";

const ruleNames = [
  "instructor_certificate", "solo_endorsement", "medical", "flight_review", "aircraft_checkout",
  "daylight", "instructor_duty", "booking_horizon", "student_active_bookings",
] as const;
type RuleName = (typeof ruleNames)[number];
type Mode = "block" | "warn" | "off";

const HOUR = 3_600_000;

interface Scenario {
  lesson: "DUAL" | "SOLO";
  level: "STUDENT_PILOT" | "PRIVATE_PILOT";
  at: (day: Date) => Date;
  minutes?: number;
  /** Bookings the student holds already (student_active_bookings). */
  before?: number;
  params?: Record<string, unknown>;
}

/** One booking breaking exactly one rule (with every other rule off). nextSlot() days are 10:00 UTC. */
const scenarios: Record<RuleName, Scenario> = {
  instructor_certificate: { lesson: "DUAL", level: "PRIVATE_PILOT", at: (d) => d },
  solo_endorsement: { lesson: "SOLO", level: "STUDENT_PILOT", at: (d) => new Date(d.getTime() + 6 * HOUR) },
  medical: { lesson: "SOLO", level: "PRIVATE_PILOT", at: (d) => new Date(d.getTime() + 6 * HOUR) },
  flight_review: { lesson: "SOLO", level: "PRIVATE_PILOT", at: (d) => new Date(d.getTime() + 6 * HOUR) },
  aircraft_checkout: { lesson: "SOLO", level: "PRIVATE_PILOT", at: (d) => new Date(d.getTime() + 6 * HOUR) },
  // 03:00 UTC: night in New York all year.
  daylight: { lesson: "SOLO", level: "STUDENT_PILOT", at: (d) => new Date(d.getTime() - 7 * HOUR) },
  instructor_duty: { lesson: "DUAL", level: "PRIVATE_PILOT", at: (d) => d, minutes: 600 },
  booking_horizon: { lesson: "DUAL", level: "PRIVATE_PILOT", at: () => new Date(Date.now() + 400 * 24 * HOUR) },
  student_active_bookings: { lesson: "DUAL", level: "PRIVATE_PILOT", at: (d) => d, before: 1, params: { max: 1 } },
};

const kjfk = { icao: "KJFK", latitude: 40.6398, longitude: -73.7789, timezone: "America/New_York" };

const insert = `
  INSERT INTO bookings (student_id, instructor_id, aircraft_id, departure_airport, arrival_airport, departure_latitude,
    departure_longitude, arrival_latitude, arrival_longitude, scheduled_at, duration_minutes, training_level, lesson_type)
  SELECT $1, $2, $3, 'KJFK', 'KJFK', a.latitude, a.longitude, a.latitude, a.longitude, $4, $5, $6, $7
  FROM airports a WHERE a.icao = 'KJFK'
  RETURNING id, warnings`;

/**
 * Books through the real trigger with the rules set for this one transaction: the setting is
 * changed and put back inside it, so no other test ever sees it.
 */
async function bookUnder(rule: RuleName, mode: Mode): Promise<{ warnings: { rule: string }[] } | ApiError> {
  const scenario = scenarios[rule];
  const [student, instructor, aircraft] = await Promise.all([
    makeUser("STUDENT", { training_level: scenario.level }),
    // The fixture's instructors are certified; the certificate rule needs one who is not.
    rule === "instructor_certificate" ? makeUser("INSTRUCTOR") : makeAvailableInstructor(),
    makeAircraft(),
  ]);
  const db = ownerDb();
  const day = nextSlot();
  const at = scenario.at(day);
  const rules = Object.fromEntries(ruleNames.map((name) => [name, { mode: name === rule ? mode : "off", ...(name === rule ? scenario.params : {}) }]));
  for (let i = 0; i < (scenario.before ?? 0); i++) {
    await db.query(insert, [student.user.id, instructor.user.id, null, new Date(at.getTime() + (i + 1) * 24 * HOUR).toISOString(), 60, scenario.level, "DUAL"]);
  }
  const twilight = civilTwilight(kjfk, new Date(at.getTime() - 5 * HOUR).toISOString().slice(0, 10));
  try {
    const results = await db.batch([
      // Kept in a transaction-local setting and put back before commit.
      { text: "SELECT set_config('skyslot.saved_rules', value::text, true) FROM settings WHERE key = 'booking_rules' FOR UPDATE" },
      { text: "UPDATE settings SET value = booking_rules_over($1::jsonb) WHERE key = 'booking_rules'", params: [JSON.stringify({ rules })] },
      {
        text: "INSERT INTO civil_twilight (airport, day, civil_dawn, civil_dusk) VALUES ('KJFK', $1, $2, $3) ON CONFLICT DO NOTHING",
        params: [twilight.day, twilight.civil_dawn, twilight.civil_dusk],
      },
      {
        text: insert,
        params: [student.user.id, instructor.user.id, scenario.lesson === "SOLO" ? aircraft : null, at.toISOString(),
          scenario.minutes ?? 60, scenario.level, scenario.lesson],
      },
      { text: "UPDATE settings SET value = current_setting('skyslot.saved_rules')::jsonb WHERE key = 'booking_rules'" },
    ]);
    return results[3]![0] as { warnings: { rule: string }[] };
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
}

describe("each booking rule in each mode", () => {
  for (const rule of ruleNames) {
    it(`${rule}: block refuses, warn books with a warning, off books silently`, async () => {
      const blocked = await bookUnder(rule, "block");
      expect(blocked).toBeInstanceOf(ApiError);
      const refusal = blocked as ApiError;
      expect(refusal.code).toBe(rule === "instructor_duty" ? "duty_limit_exceeded" : "rule_failed");
      expect((refusal.options.extra as { failures: { rule: string }[] }).failures.map((f) => f.rule)).toEqual([rule]);

      const warned = await bookUnder(rule, "warn");
      expect(warned).not.toBeInstanceOf(ApiError);
      expect((warned as { warnings: { rule: string }[] }).warnings.map((w) => w.rule)).toEqual([rule]);

      const silent = await bookUnder(rule, "off");
      expect((silent as { warnings: unknown[] }).warnings).toEqual([]);
    });
  }
});
