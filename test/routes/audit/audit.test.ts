import { beforeAll, describe, expect, it } from "vitest";
import { call, expectProblem } from "../../support/api";
import { ownerDb } from "../../support/db";
import { makeUser, type TestUser } from "../../support/users";

let admin: TestUser;

beforeAll(async () => {
  admin = await makeUser("ADMIN");
});

/** Appends an entry about a fresh entity, `minutesAgo` old. */
async function record(entityId: string, action: string, minutesAgo: number, metadata: object = {}): Promise<string> {
  const [row] = await ownerDb().query<{ id: string }>(
    `INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata, created_at)
     VALUES ('booking', $1, $2, $3, $4, now() - make_interval(mins => $5)) RETURNING id`,
    [entityId, action, admin.user.id, JSON.stringify(metadata), minutesAgo],
  );
  return row!.id;
}

describe("GET /v1/audit", () => {
  it("lists entries newest first in keyset pages, filtered", async () => {
    const entity = crypto.randomUUID();
    const created = await record(entity, "booking.created", 30, { note: "O'Brien\"; --" });
    const updated = await record(entity, "booking.updated", 20);
    const cancelled = await record(entity, "booking.cancelled", 10);
    await record(crypto.randomUUID(), "booking.created", 15);

    const first = await call(`/v1/audit?entity_type=booking&entity_id=${entity}&limit=2`, { token: admin.token });
    expect(first.status).toBe(200);
    expect(first.body.data.map((e: { id: string }) => e.id)).toEqual([cancelled, updated]);
    const second = await call(`/v1/audit?entity_type=booking&entity_id=${entity}&limit=2&cursor=${first.body.next_cursor}`, {
      token: admin.token,
    });
    expect(second.body.data).toEqual([
      {
        id: created,
        entity_type: "booking",
        entity_id: entity,
        action: "booking.created",
        user_id: admin.user.id,
        metadata: { note: "O'Brien\"; --" },
        created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      },
    ]);
    expect(second.body.next_cursor).toBeNull();

    const byAction = await call(`/v1/audit?entity_id=${entity}&action=booking.updated`, { token: admin.token });
    expect(byAction.body.data.map((e: { id: string }) => e.id)).toEqual([updated]);
    const from = new Date(Date.now() - 25 * 60_000).toISOString();
    const to = new Date(Date.now() - 15 * 60_000).toISOString();
    const window = await call(`/v1/audit?entity_id=${entity}&from=${from}&to=${to}`, { token: admin.token });
    expect(window.body.data.map((e: { id: string }) => e.id)).toEqual([updated]);
  });

  it("shows a booking's history as the API wrote it", async () => {
    const [student, instructor] = await Promise.all([makeUser("STUDENT"), makeUser("INSTRUCTOR")]);
    const res = await call("/v1/bookings", {
      method: "POST",
      token: admin.token,
      body: {
        student_id: student.user.id, instructor_id: instructor.user.id, departure_airport: "KJFK", arrival_airport: "KJFK",
        scheduled_at: new Date(Date.now() + (7 + Math.floor(Math.random() * 300)) * 86_400_000).toISOString(),
        override_availability: true,
      },
    });
    expect(res.status).toBe(201);
    await call(`/v1/bookings/${res.body.id}/cancel`, { method: "POST", token: admin.token, body: { reason: "fog" } });
    const history = await call(`/v1/audit?entity_type=booking&entity_id=${res.body.id}`, { token: admin.token });
    expect(history.body.data.map((e: { action: string }) => e.action)).toEqual(["booking.cancelled", "booking.created"]);
    expect(history.body.data[1].metadata).toMatchObject({ override_availability: true });
  });

  it("is for admins only", async () => {
    for (const role of ["STUDENT", "INSTRUCTOR"] as const) {
      const who = await makeUser(role);
      expectProblem(await call("/v1/audit", { token: who.token }), 403, "forbidden");
    }
  });

  it("refuses bad filters with 422", async () => {
    for (const query of ["entity_type=Booking;DROP", "from=today", "to=2030-13-01T00:00:00Z", "limit=500", "action=%00", "cursor=eyJ9"]) {
      expectProblem(await call(`/v1/audit?${query}`, { token: admin.token }), 422, "validation_failed");
    }
  });
});
