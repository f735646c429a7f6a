import { beforeAll, describe, expect, it } from "vitest";
import { call, expectProblem } from "../support/api";
import { ownerDb } from "../support/db";
import { makeUser, type TestUser } from "../support/users";
import { book, makeAvailableInstructor, nextSlot } from "../routes/bookings/fixtures";

/** Text that breaks a statement built by concatenation, or a LIKE pattern left unescaped. */
const NASTY = [
  "'; DROP TABLE users; --",
  '" OR 1=1 --',
  "$1",
  "%_",
  "Robert'); DELETE FROM bookings WHERE ('1'='1",
  "1; SELECT pg_sleep(5)",
  "\\' \\\\ \\x27 E'\\n'",
  "Zoë 🛩️ 北京 \u202eevil\u202c ﷽",
];

let admin: TestUser;
let student: TestUser;
let instructor: TestUser;

beforeAll(async () => {
  [admin, student, instructor] = await Promise.all([makeUser("ADMIN"), makeUser("STUDENT"), makeAvailableInstructor()]);
});

const json = (token: string, method: string, body: unknown) => ({ method, token, body });

describe("SQL injection strings in every text field are stored and returned verbatim", () => {
  it("user names and auth subjects (POST /v1/users, GET /v1/users/:id, the row)", async () => {
    for (const text of NASTY) {
      const subject = `inj|${text}|${crypto.randomUUID()}`;
      const created = await call(
        "/v1/users",
        json(admin.token, "POST", {
          auth_subject: subject,
          email: `inj-${crypto.randomUUID()}@example.test`,
          first_name: text,
          last_name: text,
          role: "INSTRUCTOR",
        }),
      );
      expect(created.status, created.text).toBe(201);
      expect(created.body).toMatchObject({ first_name: text, last_name: text, auth_subject: subject });
      const read = await call(`/v1/users/${created.body.id}`, { token: admin.token });
      expect(read.body).toMatchObject({ first_name: text, last_name: text, auth_subject: subject });
      const [row] = await ownerDb().query("SELECT first_name, last_name, auth_subject FROM users WHERE id = $1", [created.body.id]);
      expect(row).toEqual({ first_name: text, last_name: text, auth_subject: subject });
    }
  });

  it("a name someone changes about themselves (PATCH /v1/users/:id)", async () => {
    for (const text of NASTY) {
      const res = await call(`/v1/users/${student.user.id}`, json(student.token, "PATCH", { last_name: text }));
      expect(res.status, res.text).toBe(200);
      expect(res.body.last_name).toBe(text);
      expect((await call("/v1/users/me", { token: student.token })).body.last_name).toBe(text);
    }
  });

  it("a booking's cancel reason (stored on the booking, shown in the audit log)", async () => {
    for (const text of NASTY) {
      const booked = await book(admin.token, { student_id: student.user.id, instructor_id: instructor.user.id, scheduled_at: nextSlot().toISOString() });
      expect(booked.status, booked.text).toBe(201);
      const cancelled = await call(`/v1/bookings/${booked.body.id}/cancel`, json(student.token, "POST", { reason: text }));
      expect(cancelled.status, cancelled.text).toBe(200);
      const [row] = await ownerDb().query<{ cancel_reason: string }>("SELECT cancel_reason FROM bookings WHERE id = $1", [booked.body.id]);
      expect(row!.cancel_reason).toBe(text);
      const audit = await call(`/v1/audit?entity_type=booking&entity_id=${booked.body.id}&action=booking.cancelled`, { token: admin.token });
      expect(audit.body.data.map((e: { metadata: { reason: string } }) => e.metadata.reason)).toEqual([text]);
    }
  });

  it("an availability override's reason", async () => {
    for (const [i, text] of NASTY.entries()) {
      const res = await call(
        `/v1/users/${instructor.user.id}/availability/overrides`,
        json(instructor.token, "POST", { date: `2034-03-${String(i + 1).padStart(2, "0")}`, reason: text }),
      );
      expect(res.status, res.text).toBe(201);
      expect(res.body.reason).toBe(text);
      const [row] = await ownerDb().query<{ reason: string }>("SELECT reason FROM availability_overrides WHERE id = $1", [res.body.id]);
      expect(row!.reason).toBe(text);
    }
  });

  it("an aircraft tail number, as far as its format allows (letters, digits, dashes)", async () => {
    const tail = `OR1-1--${crypto.randomUUID().slice(0, 3).toUpperCase()}`;
    const res = await call("/v1/aircraft", json(admin.token, "POST", { tail_number: tail, type_code: "C172", home_airport: "KJFK" }));
    expect(res.status, res.text).toBe(201);
    expect(res.body.tail_number).toBe(tail);
    // Outside the format it is refused, never run.
    expectProblem(await call("/v1/aircraft", json(admin.token, "POST", { tail_number: "N1'; DROP TABLE aircraft; --", type_code: "C172", home_airport: "KJFK" })), 422, "validation_failed");
  });

  it("the ingestion source label", async () => {
    for (const text of NASTY) {
      const res = await call(`/v1/ingestions/flights?source=${encodeURIComponent(text)}`, {
        method: "POST",
        token: admin.token,
        rawBody: "origin,destination,scheduled_departure\n",
        headers: { "content-type": "text/csv" },
      });
      expect(res.status, res.text).toBe(201);
      const read = await call(`/v1/ingestions/${res.body.id}`, { token: admin.token });
      expect(read.body.source).toBe(text);
    }
  });

  it("search text matches literally: quotes find nothing and LIKE wildcards are not wildcards", async () => {
    for (const text of NASTY) {
      const res = await call(`/v1/airports?q=${encodeURIComponent(text)}&limit=5`, { token: student.token });
      expect(res.status, res.text).toBe(200);
      expect(res.body.data).toEqual([]);
    }
    // The control: a plain search does find airports, so the empty answers above mean something.
    expect((await call("/v1/airports?q=kennedy&limit=5", { token: student.token })).body.data.length).toBeGreaterThan(0);
  });

  it("text with a NUL character is refused as invalid, not failed on", async () => {
    const res = await call(`/v1/users/${student.user.id}`, json(student.token, "PATCH", { first_name: "a\u0000b" }));
    expectProblem(res, 422, "validation_failed");
  });

  it("left every table in place", async () => {
    const tables = ["users", "bookings", "aircraft", "audit_log", "availability_overrides", "ingestion_logs", "airports"];
    const [row] = await ownerDb().query<{ missing: string[] }>(
      "SELECT array_remove(array_agg(CASE WHEN to_regclass(t) IS NULL THEN t END), NULL) AS missing FROM unnest($1::text[]) t",
      [tables],
    );
    expect(row!.missing).toEqual([]);
    const [mine] = await ownerDb().query<{ n: number }>("SELECT count(*)::int AS n FROM users WHERE id = ANY($1::uuid[])", [
      [admin.user.id, student.user.id, instructor.user.id],
    ]);
    expect(mine!.n).toBe(3);
  });
});
