import { beforeAll, describe, expect, it } from "vitest";
import { call, expectProblem } from "../../support/api";
import { ownerDb } from "../../support/db";
import { makeUser, type TestUser } from "../../support/users";

let reader: TestUser;
let neighbour: TestUser;

beforeAll(async () => {
  [reader, neighbour] = await Promise.all([makeUser("STUDENT"), makeUser("STUDENT")]);
});

/** Puts a notification in someone's inbox, `minutesAgo` old. */
async function notify(user: TestUser, title: string, minutesAgo: number, read = false): Promise<string> {
  const [row] = await ownerDb().query<{ id: string }>(
    `INSERT INTO notifications (user_id, type, title, body, data, created_at, read_at)
     VALUES ($1, 'WEATHER_ALERT', $2, 'Gusts above your limit', '{"airport":"KJFK"}',
             now() - make_interval(mins => $3), CASE WHEN $4 THEN now() END)
     RETURNING id`,
    [user.user.id, title, minutesAgo, read],
  );
  return row!.id;
}

describe("GET /v1/notifications", () => {
  it("lists only one's own, newest first, in keyset pages, optionally unread only", async () => {
    const me = await makeUser("INSTRUCTOR");
    const oldest = await notify(me, "oldest", 30);
    const read = await notify(me, "read", 20, true);
    const newest = await notify(me, "newest", 10);
    await notify(neighbour, "not yours", 5);

    const first = await call("/v1/notifications?limit=2", { token: me.token });
    expect(first.status).toBe(200);
    expect(first.body.data.map((n: { id: string }) => n.id)).toEqual([newest, read]);
    expect(Object.keys(first.body.data[0]).sort()).toEqual(
      ["id", "type", "booking_id", "title", "body", "data", "read_at", "created_at"].sort(),
    );
    expect(first.body.data[0]).toMatchObject({ type: "WEATHER_ALERT", booking_id: null, data: { airport: "KJFK" }, read_at: null });
    expect(first.body.data[1].read_at).toMatch(/Z$/);
    const second = await call(`/v1/notifications?limit=2&cursor=${first.body.next_cursor}`, { token: me.token });
    expect(second.body.data.map((n: { id: string }) => n.id)).toEqual([oldest]);
    expect(second.body.next_cursor).toBeNull();

    const unread = await call("/v1/notifications?unread=true", { token: me.token });
    expect(unread.body.data.map((n: { id: string }) => n.id)).toEqual([newest, oldest]);
  });

  it("refuses bad query values", async () => {
    for (const query of ["unread=yes", "limit=0", "limit=abc", "cursor=bm9wZQ"]) {
      expectProblem(await call(`/v1/notifications?${query}`, { token: reader.token }), 422, "validation_failed");
    }
  });
});

describe("POST /v1/notifications/:id/read", () => {
  it("marks one's own notification read, idempotently", async () => {
    const id = await notify(reader, "read me", 1);
    const first = await call(`/v1/notifications/${id}/read`, { method: "POST", token: reader.token });
    expect(first.status).toBe(200);
    expect(first.body.id).toBe(id);
    expect(first.body.read_at).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
    const again = await call(`/v1/notifications/${id}/read`, { method: "POST", token: reader.token });
    expect(again.status).toBe(200);
    expect(again.body.read_at).toBe(first.body.read_at);
  });

  it("answers 404 for someone else's or an unknown notification, and 422 for a bad id", async () => {
    const theirs = await notify(neighbour, "private", 1);
    const admin = await makeUser("ADMIN");
    for (const who of [reader, admin]) {
      expectProblem(await call(`/v1/notifications/${theirs}/read`, { method: "POST", token: who.token }), 404, "not_found");
    }
    const [row] = await ownerDb().query("SELECT read_at FROM notifications WHERE id = $1", [theirs]);
    expect(row).toEqual({ read_at: null });
    expectProblem(await call(`/v1/notifications/${crypto.randomUUID()}/read`, { method: "POST", token: reader.token }), 404, "not_found");
    expectProblem(await call("/v1/notifications/1'%20OR%20'1'='1/read", { method: "POST", token: reader.token }), 422, "validation_failed");
  });
});

describe("POST /v1/notifications/read-all", () => {
  it("marks all of one's unread notifications read and says how many", async () => {
    const me = await makeUser("STUDENT");
    await Promise.all([notify(me, "a", 3), notify(me, "b", 2), notify(me, "c", 1, true)]);
    const untouched = await notify(neighbour, "someone else's", 1);
    const res = await call("/v1/notifications/read-all", { method: "POST", token: me.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ updated: 2 });
    expect((await call("/v1/notifications?unread=true", { token: me.token })).body.data).toEqual([]);
    expect(await call("/v1/notifications/read-all", { method: "POST", token: me.token }).then((r) => r.body)).toEqual({ updated: 0 });
    const [row] = await ownerDb().query("SELECT read_at FROM notifications WHERE id = $1", [untouched]);
    expect(row).toEqual({ read_at: null });
  });
});
