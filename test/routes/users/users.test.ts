import { beforeAll, describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { cacheKeys, cacheTtl } from "../../../src/cache/keys";
import { createCache } from "../../../src/cache/store";
import { loadConfig } from "../../../src/env";
import { createLogger } from "../../../src/http/log";
import { call, expectProblem, signToken } from "../../support/api";
import { ownerDb, redisUp } from "../../support/db";
import { makeUser, type TestUser } from "../../support/users";

let admin: TestUser;
let instructor: TestUser;
let student: TestUser;
let otherStudent: TestUser;

beforeAll(async () => {
  [admin, instructor, student, otherStudent] = await Promise.all([
    makeUser("ADMIN"),
    makeUser("INSTRUCTOR"),
    makeUser("STUDENT"),
    makeUser("STUDENT"),
  ]);
});

const unique = () => crypto.randomUUID().slice(0, 8);

describe("POST /v1/users", () => {
  it("lets an admin create a student, audited in the same transaction", async () => {
    const tag = unique();
    const res = await call("/v1/users", {
      method: "POST",
      token: admin.token,
      body: {
        auth_subject: `auth0|${tag}`,
        email: `Pilot.${tag}@Example.test`,
        first_name: "Amelia",
        last_name: "Earhart",
        phone_number: "+1 555 010 0100",
        role: "STUDENT",
        training_level: "PRIVATE_PILOT",
        timezone: "America/Denver",
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      auth_subject: `auth0|${tag}`,
      email: `pilot.${tag}@example.test`,
      role: "STUDENT",
      training_level: "PRIVATE_PILOT",
      timezone: "America/Denver",
    });
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const audit = await ownerDb().query(
      "SELECT action, user_id, metadata FROM audit_log WHERE entity_type = 'user' AND entity_id = $1",
      [res.body.id],
    );
    expect(audit).toEqual([
      expect.objectContaining({ action: "user.created", user_id: admin.user.id }),
    ]);
  });

  it("defaults the timezone to UTC and stores SQL metacharacters verbatim", async () => {
    const tag = unique();
    const name = "O'Brien\"; DROP TABLE users; --";
    const res = await call("/v1/users", {
      method: "POST",
      token: admin.token,
      body: { auth_subject: `x|${tag}`, email: `${tag}@example.test`, first_name: name, last_name: "Ünïcødé ✈", role: "INSTRUCTOR" },
    });
    expect(res.status).toBe(201);
    expect(res.body.timezone).toBe("UTC");
    expect(res.body.first_name).toBe(name);
    expect(res.body.last_name).toBe("Ünïcødé ✈");
    const read = await call(`/v1/users/${res.body.id}`, { token: admin.token });
    expect(read.body.first_name).toBe(name);
  });

  it("requires a training level for students", async () => {
    const res = await call("/v1/users", {
      method: "POST",
      token: admin.token,
      body: { auth_subject: `x|${unique()}`, email: `${unique()}@example.test`, first_name: "A", last_name: "B", role: "STUDENT" },
    });
    const problem = expectProblem(res, 422, "validation_failed");
    expect(problem.errors).toEqual([expect.objectContaining({ path: "training_level" })]);
  });

  it("answers 409 conflict for a duplicate email or subject", async () => {
    const dupEmail = await call("/v1/users", {
      method: "POST",
      token: admin.token,
      body: { auth_subject: `x|${unique()}`, email: student.user.email.toUpperCase(), first_name: "A", last_name: "B", role: "ADMIN" },
    });
    expectProblem(dupEmail, 409, "conflict");
    const dupSubject = await call("/v1/users", {
      method: "POST",
      token: admin.token,
      body: { auth_subject: student.user.auth_subject, email: `${unique()}@example.test`, first_name: "A", last_name: "B", role: "ADMIN" },
    });
    expectProblem(dupSubject, 409, "conflict");
  });

  it("is for admins only", async () => {
    for (const who of [student, instructor]) {
      const res = await call("/v1/users", {
        method: "POST",
        token: who.token,
        body: { auth_subject: `x|${unique()}`, email: `${unique()}@example.test`, first_name: "A", last_name: "B", role: "ADMIN" },
      });
      expectProblem(res, 403, "forbidden");
    }
  });
});

describe("GET /v1/users/me and /v1/users/:id", () => {
  it("returns the signed-in user", async () => {
    const res = await call("/v1/users/me", { token: instructor.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(instructor.user);
  });

  it("shows a user to themselves and to admins, hides students from other students", async () => {
    expect((await call(`/v1/users/${student.user.id}`, { token: student.token })).status).toBe(200);
    expect((await call(`/v1/users/${student.user.id}`, { token: admin.token })).status).toBe(200);
    expectProblem(await call(`/v1/users/${student.user.id}`, { token: otherStudent.token }), 404, "not_found");
    expectProblem(await call(`/v1/users/${crypto.randomUUID()}`, { token: admin.token }), 404, "not_found");
  });

  it("shows instructors to everyone", async () => {
    const res = await call(`/v1/users/${instructor.user.id}`, { token: student.token });
    expect(res.status).toBe(200);
    expect(res.body.role).toBe("INSTRUCTOR");
  });

  it("lets an instructor read a student only while they share an active booking", async () => {
    const taught = await makeUser("STUDENT");
    expectProblem(await call(`/v1/users/${taught.user.id}`, { token: instructor.token }), 404, "not_found");
    const booking = await bookTogether(taught, instructor);
    const res = await call(`/v1/users/${taught.user.id}`, { token: instructor.token });
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(taught.user.id);
    await ownerDb().query("UPDATE bookings SET status = 'CANCELLED' WHERE id = $1", [booking]);
    expectProblem(await call(`/v1/users/${taught.user.id}`, { token: instructor.token }), 404, "not_found");
  });
});

/** A confirmed lesson of `student` with `teacher`, straight in the database; returns its id. */
async function bookTogether(student: TestUser, teacher: TestUser): Promise<string> {
  const start = new Date(Date.now() + 86_400_000 * (30 + Math.floor(Math.random() * 300)) + Math.floor(Math.random() * 86_400_000));
  const [row] = await ownerDb().query<{ id: string }>(
    `INSERT INTO bookings (student_id, instructor_id, departure_airport, arrival_airport, departure_latitude,
       departure_longitude, arrival_latitude, arrival_longitude, scheduled_at, duration_minutes, status, training_level)
     SELECT $1, $2, 'KJFK', 'KJFK', a.latitude, a.longitude, a.latitude, a.longitude, $3, 60, 'CONFIRMED', 'STUDENT_PILOT'
     FROM airports a WHERE a.icao = 'KJFK'
     RETURNING id`,
    [student.user.id, teacher.user.id, start.toISOString()],
  );
  return row!.id;
}

const PUBLIC_FIELDS = ["first_name", "id", "last_name", "role", "training_level"];

describe("what of a user each viewer sees", () => {
  it("students see an instructor's public fields only, read or listed", async () => {
    const read = await call(`/v1/users/${instructor.user.id}`, { token: student.token });
    expect(read.status).toBe(200);
    expect(Object.keys(read.body).sort()).toEqual(PUBLIC_FIELDS);
    const listed = await call("/v1/users?role=INSTRUCTOR&limit=200", { token: student.token });
    expect(listed.status).toBe(200);
    expect(listed.body.data.length).toBeGreaterThan(0);
    for (const row of listed.body.data) expect(Object.keys(row).sort()).toEqual(PUBLIC_FIELDS);
    expect(listed.text).not.toContain(instructor.user.auth_subject);
    expect(listed.text).not.toContain(instructor.user.email);
  });

  it("an instructor sees a taught student's email and phone, never their auth subject; other instructors' public fields only", async () => {
    const taught = await makeUser("STUDENT");
    await ownerDb().query("UPDATE users SET phone_number = '+1 555 010 0142' WHERE id = $1", [taught.user.id]);
    await bookTogether(taught, instructor);
    const read = await call(`/v1/users/${taught.user.id}`, { token: instructor.token });
    expect(read.status).toBe(200);
    expect(read.body).toEqual({
      id: taught.user.id,
      first_name: taught.user.first_name,
      last_name: taught.user.last_name,
      role: "STUDENT",
      training_level: "STUDENT_PILOT",
      email: taught.user.email,
      phone_number: "+1 555 010 0142",
    });
    const colleague = await makeUser("INSTRUCTOR");
    const other = await call(`/v1/users/${colleague.user.id}`, { token: instructor.token });
    expect(Object.keys(other.body).sort()).toEqual(PUBLIC_FIELDS);
    const listed = await call("/v1/users?role=INSTRUCTOR&limit=200", { token: instructor.token });
    const self = listed.body.data.find((u: { id: string }) => u.id === instructor.user.id);
    expect(self?.auth_subject).toBe(instructor.user.auth_subject);
    expect(listed.body.data.filter((u: { auth_subject?: string }) => u.auth_subject !== undefined)).toHaveLength(1);
  });

  it("the user themself and admins see everything, auth subject and active flag included", async () => {
    const own = await call(`/v1/users/${student.user.id}`, { token: student.token });
    expect(own.body).toMatchObject({ auth_subject: student.user.auth_subject, email: student.user.email, active: true });
    const seen = await call(`/v1/users/${instructor.user.id}`, { token: admin.token });
    expect(seen.body).toMatchObject({ auth_subject: instructor.user.auth_subject, email: instructor.user.email, active: true });
    const listed = await call(`/v1/users?role=INSTRUCTOR&limit=200`, { token: admin.token });
    expect(listed.body.data.every((u: { auth_subject?: string }) => typeof u.auth_subject === "string")).toBe(true);
  });
});

describe("PATCH /v1/users/:id", () => {
  it("lets a user change their own name, phone and timezone", async () => {
    const self = await makeUser("STUDENT");
    const res = await call(`/v1/users/${self.user.id}`, {
      method: "PATCH",
      token: self.token,
      body: { first_name: "Bessie", phone_number: "+1 555 010 0199", timezone: "America/New_York" },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ first_name: "Bessie", phone_number: "+1 555 010 0199", timezone: "America/New_York" });
    const me = await call("/v1/users/me", { token: self.token });
    expect(me.body.first_name).toBe("Bessie");
    const [audit] = await ownerDb().query(
      "SELECT metadata FROM audit_log WHERE entity_id = $1 AND action = 'user.updated'",
      [self.user.id],
    );
    expect(audit?.metadata).toMatchObject({ before: { first_name: "Test" }, after: { first_name: "Bessie" } });
  });

  it("answers 403 to a student changing an instructor they can read, 404 for a user they cannot", async () => {
    const self = await makeUser("STUDENT");
    expectProblem(
      await call(`/v1/users/${instructor.user.id}`, { method: "PATCH", token: self.token, body: { first_name: "X" } }),
      403,
      "forbidden",
    );
    expectProblem(
      await call(`/v1/users/${crypto.randomUUID()}`, { method: "PATCH", token: self.token, body: { first_name: "X" } }),
      404,
      "not_found",
    );
    expect((await call(`/v1/users/${instructor.user.id}`, { token: admin.token })).body.first_name).toBe(instructor.user.first_name);
  });

  it("refuses a user changing their own role or another user", async () => {
    const self = await makeUser("STUDENT");
    expectProblem(
      await call(`/v1/users/${self.user.id}`, { method: "PATCH", token: self.token, body: { role: "ADMIN" } }),
      403,
      "forbidden",
    );
    expectProblem(
      await call(`/v1/users/${otherStudent.user.id}`, { method: "PATCH", token: self.token, body: { first_name: "X" } }),
      404,
      "not_found",
    );
    const after = await call("/v1/users/me", { token: self.token });
    expect(after.body.role).toBe("STUDENT");
  });

  it("lets an admin change a role, and the next request sees it at once", async () => {
    const promoted = await makeUser("STUDENT");
    // Warm whatever the service caches for this user's token first.
    expect((await call("/v1/users/me", { token: promoted.token })).body.role).toBe("STUDENT");
    const res = await call(`/v1/users/${promoted.user.id}`, {
      method: "PATCH",
      token: admin.token,
      body: { role: "INSTRUCTOR", training_level: null },
    });
    expect(res.status).toBe(200);
    expect(res.body.role).toBe("INSTRUCTOR");
    expect((await call("/v1/users/me", { token: promoted.token })).body.role).toBe("INSTRUCTOR");
  });

  it("refuses making someone a student without a training level", async () => {
    const res = await call(`/v1/users/${instructor.user.id}`, { method: "PATCH", token: admin.token, body: { role: "STUDENT" } });
    expectProblem(res, 422, "validation_failed");
    expect((await call(`/v1/users/${instructor.user.id}`, { token: admin.token })).body.role).toBe("INSTRUCTOR");
  });

  it("refuses an empty change", async () => {
    expectProblem(await call(`/v1/users/${student.user.id}`, { method: "PATCH", token: admin.token, body: {} }), 422, "validation_failed");
  });
});

describe("deactivating a user", () => {
  it("an admin's PATCH { active: false } refuses the user's next request, audited; active again lets them back", async () => {
    const leaving = await makeUser("INSTRUCTOR");
    expect((await call("/v1/users/me", { token: leaving.token })).status).toBe(200);
    const off = await call(`/v1/users/${leaving.user.id}`, { method: "PATCH", token: admin.token, body: { active: false } });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    expectProblem(await call("/v1/users/me", { token: leaving.token }), 401, "unauthenticated");
    expectProblem(await call("/v1/airports/KJFK", { token: leaving.token }), 401, "unauthenticated");
    // Inactive users drop out of other people's lists.
    const listed = await call("/v1/users?role=INSTRUCTOR&limit=200", { token: student.token });
    expect(listed.body.data.map((u: { id: string }) => u.id)).not.toContain(leaving.user.id);
    const audit = await ownerDb().query("SELECT action, user_id FROM audit_log WHERE entity_type = 'user' AND entity_id = $1", [leaving.user.id]);
    expect(audit).toEqual([{ action: "user.deactivated", user_id: admin.user.id }]);
    const on = await call(`/v1/users/${leaving.user.id}`, { method: "PATCH", token: admin.token, body: { active: true } });
    expect(on.body.active).toBe(true);
    expect((await call("/v1/users/me", { token: leaving.token })).status).toBe(200);
  });

  it("is for admins, and not on themselves", async () => {
    const self = await makeUser("STUDENT");
    expectProblem(await call(`/v1/users/${self.user.id}`, { method: "PATCH", token: self.token, body: { active: false } }), 403, "forbidden");
    expectProblem(await call(`/v1/users/${admin.user.id}`, { method: "PATCH", token: admin.token, body: { active: false } }), 403, "forbidden");
    expectProblem(await call(`/v1/users/${self.user.id}`, { method: "PATCH", token: admin.token, body: { active: "no" } }), 422, "validation_failed");
    expect((await call("/v1/users/me", { token: self.token })).status).toBe(200);
    expect((await call("/v1/users/me", { token: admin.token })).status).toBe(200);
  });
});

describe.skipIf(!redisUp)("the cached user after a change", () => {
  const cache = () => createCache(loadConfig(env), createLogger({ test: true }));

  it("a copy of the user loaded before the change is never used, even when written after it", async () => {
    const leaving = await makeUser("STUDENT");
    const before = (await call("/v1/users/me", { token: leaving.token })).body;
    expect(before.active).toBe(true);
    expect((await call(`/v1/users/${leaving.user.id}`, { method: "PATCH", token: admin.token, body: { active: false } })).status).toBe(200);
    // A slow load that read the row before the change writes its copy back afterwards.
    await cache().set(cacheKeys.userBySubject(leaving.user.auth_subject), before, cacheTtl.userBySubject);
    expectProblem(await call("/v1/users/me", { token: leaving.token }), 401, "unauthenticated");
  });

  it("a role change is seen at once, whatever copy is cached", async () => {
    const promoted = await makeUser("STUDENT");
    const before = (await call("/v1/users/me", { token: promoted.token })).body;
    await call(`/v1/users/${promoted.user.id}`, { method: "PATCH", token: admin.token, body: { role: "INSTRUCTOR", training_level: null } });
    await cache().set(cacheKeys.userBySubject(promoted.user.auth_subject), before, cacheTtl.userBySubject);
    expect((await call("/v1/users/me", { token: promoted.token })).body.role).toBe("INSTRUCTOR");
  });
});

describe("GET /v1/users", () => {
  it("pages through every user with a stable cursor while users are added", async () => {
    const before = (await ownerDb().query<{ id: string }>("SELECT id FROM users")).map((r) => r.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let added: TestUser | undefined;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
      const res = await call(`/v1/users?limit=3${query}`, { token: admin.token });
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeLessThanOrEqual(3);
      seen.push(...res.body.data.map((u: { id: string }) => u.id));
      cursor = res.body.next_cursor;
      added ??= await makeUser("STUDENT"); // inserted mid-walk: must show up once, at the end
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    // Other files delete users of their own meanwhile; every user that still exists was seen.
    const remaining = new Set((await ownerDb().query<{ id: string }>("SELECT id FROM users")).map((r) => r.id));
    expect(seen).toEqual(expect.arrayContaining(before.filter((id) => remaining.has(id))));
    expect(seen.filter((id) => id === added!.user.id)).toHaveLength(1);
  });

  it("lets students and instructors list instructors only", async () => {
    const res = await call("/v1/users?role=INSTRUCTOR&limit=200", { token: student.token });
    expect(res.status).toBe(200);
    expect(res.body.data.length).toBeGreaterThan(0);
    expect(res.body.data.every((u: { role: string }) => u.role === "INSTRUCTOR")).toBe(true);
    expectProblem(await call("/v1/users", { token: student.token }), 403, "forbidden");
    expectProblem(await call("/v1/users?role=STUDENT", { token: instructor.token }), 403, "forbidden");
  });

  it("refuses a cursor it did not issue", async () => {
    const forged = btoa(JSON.stringify(["not a time", "x"]));
    const res = await call(`/v1/users?cursor=${encodeURIComponent(forged)}`, { token: admin.token });
    expectProblem(res, 422, "validation_failed");
  });
});

it("a token for a user made through the API works right away", async () => {
  const tag = unique();
  const created = await call("/v1/users", {
    method: "POST",
    token: admin.token,
    body: { auth_subject: `new|${tag}`, email: `${tag}@example.test`, first_name: "N", last_name: "U", role: "INSTRUCTOR" },
  });
  const res = await call("/v1/users/me", { token: await signToken(`new|${tag}`) });
  expect(res.body.id).toBe(created.body.id);
});
