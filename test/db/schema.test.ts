import { beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "../../src/http/problem";
import { appDb, ownerDb } from "../support/db";
import { makeUser, type TestUser } from "../support/users";

let instructor: TestUser;
let studentA: TestUser;
let studentB: TestUser;

beforeAll(async () => {
  [instructor, studentA, studentB] = await Promise.all([makeUser("INSTRUCTOR"), makeUser("STUDENT"), makeUser("STUDENT")]);
});

/** A far-future hour no other test uses, so overlaps here are only the ones a test makes. */
const slot = (() => {
  let n = 0;
  const base = Date.UTC(2031, 0, 1) + Math.floor(Math.random() * 1e6) * 3_600_000;
  return () => new Date(base + n++ * 86_400_000);
})();

const insertBooking = (studentId: string, at: Date, minutes = 60, status = "CONFIRMED") =>
  appDb().query<{ id: string; ends_at: Date }>(
    `INSERT INTO bookings (student_id, instructor_id, departure_airport, arrival_airport, departure_latitude,
       departure_longitude, arrival_latitude, arrival_longitude, scheduled_at, duration_minutes, status, training_level,
       rules_overridden)
     SELECT $1, $2, 'KJFK', 'KJFK', a.latitude, a.longitude, a.latitude, a.longitude, $3, $4, $5, 'STUDENT_PILOT',
            -- Far-future hours (past the booking horizon) keep these tests clear of every other.
            true
     FROM airports a WHERE a.icao = 'KJFK'
     RETURNING id, ends_at`,
    [studentId, instructor.user.id, at.toISOString(), minutes, status],
  );

describe("bookings can never overlap", () => {
  it("keeps ends_at equal to scheduled_at + duration", async () => {
    const at = slot();
    const [row] = await insertBooking(studentA.user.id, at, 90);
    expect(row!.ends_at.getTime()).toBe(at.getTime() + 90 * 60_000);
  });

  it("refuses an overlapping active booking of the same instructor, naming the resource", async () => {
    const at = slot();
    await insertBooking(studentA.user.id, at);
    const failure = await insertBooking(studentB.user.id, new Date(at.getTime() + 30 * 60_000)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).code).toBe("booking_conflict");
    expect((failure as ApiError).options.extra).toEqual({ conflicts: [{ resource: "instructor", booking_id: null }] });
  });

  it("allows back-to-back bookings and ignores cancelled ones", async () => {
    const at = slot();
    await insertBooking(studentA.user.id, at);
    await insertBooking(studentB.user.id, new Date(at.getTime() + 60 * 60_000));
    const later = slot();
    await insertBooking(studentA.user.id, later, 60, "CANCELLED");
    await expect(insertBooking(studentB.user.id, later)).resolves.toHaveLength(1);
  });
});

describe("the audit log is append-only", () => {
  it("refuses UPDATE and DELETE, from the application role and from the owner", async () => {
    const [entry] = await appDb().query<{ id: string }>(
      "INSERT INTO audit_log (entity_type, entity_id, action, user_id) VALUES ('user', $1::text, 'user.checked', $1::uuid) RETURNING id",
      [studentA.user.id],
    );
    for (const db of [appDb(), ownerDb()]) {
      await expect(db.query("UPDATE audit_log SET action = 'x' WHERE id = $1", [entry!.id])).rejects.toBeDefined();
      await expect(db.query("DELETE FROM audit_log WHERE id = $1", [entry!.id])).rejects.toBeDefined();
    }
    await expect(ownerDb().query("TRUNCATE audit_log")).rejects.toBeDefined();
    const [kept] = await ownerDb().query("SELECT action FROM audit_log WHERE id = $1", [entry!.id]);
    expect(kept).toEqual({ action: "user.checked" });
  });

  it("keeps a user's audit rows when the user is deleted", async () => {
    const leaving = await makeUser("STUDENT");
    await appDb().query(
      "INSERT INTO audit_log (entity_type, entity_id, action, user_id) VALUES ('user', $1::text, 'user.updated', $1::uuid)",
      [leaving.user.id],
    );
    await ownerDb().query("DELETE FROM users WHERE id = $1", [leaving.user.id]);
    const rows = await ownerDb().query("SELECT user_id FROM audit_log WHERE entity_id = $1", [leaving.user.id]);
    expect(rows).toEqual([{ user_id: leaving.user.id }]);
  });
});

it("moves updated_at on every change", async () => {
  const who = await makeUser("INSTRUCTOR");
  const [row] = await appDb().query<{ created_at: Date; updated_at: Date }>(
    "UPDATE users SET first_name = 'Changed' WHERE id = $1 RETURNING created_at, updated_at",
    [who.user.id],
  );
  expect(row!.updated_at.getTime()).toBeGreaterThan(row!.created_at.getTime());
});
