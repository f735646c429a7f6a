import { env } from "cloudflare:workers";
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../src/app";
import { sha256 } from "../../../src/http/idempotency";
import { call, expectProblem, type ApiResponse } from "../../support/api";
import { ownerDb, redisUp } from "../../support/db";
import { makeUser, type TestUser } from "../../support/users";
import { book, makeAircraft } from "../bookings/fixtures";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let admin: TestUser;
let student: TestUser;
let instructor: TestUser;
/** A name with everything TEXT must escape, and more than a line's worth of octets. */
const trickyName = "Zoë O'Neil, Jr.; \"Ace\" \\ the 2nd\nof Queens ✈✈✈ Aviation Academy";

beforeAll(async () => {
  [admin, student, instructor] = await Promise.all([
    makeUser("ADMIN"),
    makeUser("STUDENT"),
    makeUser("INSTRUCTOR", { first_name: trickyName }),
  ]);
  await ownerDb().query(
    `INSERT INTO availability_patterns (user_id, day_of_week, start_time, end_time)
     SELECT $1, d, '00:00', '24:00' FROM generate_series(0, 6) d`,
    [instructor.user.id],
  );
});

/** Days from now, on a whole hour; each call a day later than the one before, so nothing overlaps. */
const dayFromNow = (() => {
  let n = 0;
  return (days: number) => new Date(Math.ceil((Date.now() + days * DAY) / HOUR) * HOUR + n++ * DAY);
})();

const issueFeed = (userId: string, token: string) => call(`/v1/users/${userId}/calendar-feed`, { method: "POST", token });

const feedPath = (url: string) => new URL(url).pathname;

async function getFeed(url: string, headers: Record<string, string> = {}): Promise<ApiResponse<string>> {
  return call<string>(feedPath(url), { headers });
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return new Map(
    calendar.getAllSubcomponents("vevent").map((vevent) => {
      const event = new ICAL.Event(vevent);
      return [event.uid, { event, status: String(vevent.getFirstPropertyValue("status")), lastModified: String(vevent.getFirstPropertyValue("last-modified")) }];
    }),
  );
}

/** A booking straight in the database (past or far ahead, which the API refuses to make). */
async function insertBooking(at: Date, status: string): Promise<string> {
  const [row] = await ownerDb().query<{ id: string }>(
    `INSERT INTO bookings (student_id, instructor_id, departure_airport, arrival_airport, departure_latitude, departure_longitude,
       arrival_latitude, arrival_longitude, scheduled_at, status, training_level)
     VALUES ($1, $2, 'KJFK', 'KJFK', 40.6, -73.8, 40.6, -73.8, $3, $4, 'STUDENT_PILOT') RETURNING id`,
    [student.user.id, instructor.user.id, at.toISOString(), status],
  );
  return row!.id;
}

describe("calendar feeds", () => {
  let url: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const plane = await makeAircraft();
    for (const name of ["confirmed", "cancelled", "atRisk", "dispatched", "rescheduling"]) {
      const made = await book(admin.token, {
        student_id: student.user.id,
        instructor_id: instructor.user.id,
        scheduled_at: dayFromNow(2).toISOString(),
        aircraft_id: name === "confirmed" ? plane : null,
      });
      expect(made.status, made.text).toBe(201);
      ids[name] = made.body.id;
    }
    await call(`/v1/bookings/${ids.cancelled}/cancel`, { method: "POST", token: admin.token, body: { reason: "sick" } });
    const db = ownerDb();
    await db.query("UPDATE bookings SET status = 'AT_RISK', risk_reasons = '{weather}' WHERE id = $1", [ids.atRisk]);
    await db.query("UPDATE bookings SET status = 'DISPATCHED' WHERE id = $1", [ids.dispatched]);
    await db.query("UPDATE bookings SET status = 'RESCHEDULING' WHERE id = $1", [ids.rescheduling]);
    ids.completed = await insertBooking(new Date(Date.now() - 10 * DAY), "COMPLETED");
    ids.longAgo = await insertBooking(new Date(Date.now() - 40 * DAY), "COMPLETED");
    ids.farAhead = await insertBooking(new Date(Date.now() + 200 * DAY), "CONFIRMED");
    const issued = await issueFeed(student.user.id, student.token);
    expect(issued.status, issued.text).toBe(201);
    url = issued.body.url;
  });

  it("gives a secret URL and keeps only its hash", async () => {
    expect(url).toMatch(/^https:\/\/skyslot\.test\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const token = feedPath(url).slice("/v1/calendar/".length, -".ics".length);
    const [row] = await ownerDb().query<{ token_hash: string }>("SELECT token_hash FROM calendar_feeds WHERE user_id = $1", [student.user.id]);
    expect(row!.token_hash).toBe(await sha256(token));
    const leaks = await ownerDb().query(
      `SELECT 1 FROM audit_log WHERE metadata::text LIKE '%' || $1 || '%'
       UNION ALL SELECT 1 FROM idempotency_keys WHERE response_body::text LIKE '%' || $1 || '%'`,
      [token],
    );
    expect(leaks).toEqual([]);
    const audit = await ownerDb().query(
      "SELECT action, user_id, metadata FROM audit_log WHERE entity_type = 'user' AND entity_id = $1 AND action = 'user.calendar_feed_issued'",
      [student.user.id],
    );
    expect(audit).toEqual([{ action: "user.calendar_feed_issued", user_id: student.user.id, metadata: { replaced: false } }]);
  });

  it("serves every booking of the user in the window as RFC 5545, without Authorization", async () => {
    const res = await getFeed(url);
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    for (const line of res.text.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const events = parse(res.text);
    expect([...events.keys()].sort()).toEqual(
      ["confirmed", "cancelled", "atRisk", "dispatched", "rescheduling", "completed"].map((k) => `${ids[k]}@skyslot`).sort(),
    );
    const statusOf = (name: string) => events.get(`${ids[name]}@skyslot`)!.status;
    expect(Object.fromEntries(["confirmed", "cancelled", "atRisk", "dispatched", "rescheduling", "completed"].map((k) => [k, statusOf(k)]))).toEqual({
      confirmed: "CONFIRMED", dispatched: "CONFIRMED", completed: "CONFIRMED",
      atRisk: "TENTATIVE", rescheduling: "TENTATIVE",
      cancelled: "CANCELLED",
    });

    const [row] = await ownerDb().query<{ scheduled_at: Date; ends_at: Date; updated_at: Date; sequence: number; tail_number: string }>(
      "SELECT b.scheduled_at, b.ends_at, b.updated_at, b.sequence, a.tail_number FROM bookings b JOIN aircraft a ON a.id = b.aircraft_id WHERE b.id = $1",
      [ids.confirmed],
    );
    const { event, lastModified } = events.get(`${ids.confirmed}@skyslot`)!;
    expect(event.startDate.zone.tzid).toBe("UTC");
    expect(event.startDate.toJSDate().toISOString()).toBe(row!.scheduled_at.toISOString());
    expect(event.endDate.toJSDate().toISOString()).toBe(row!.ends_at.toISOString());
    expect(event.sequence).toBe(row!.sequence);
    expect(event.summary).toBe(`Flight lesson KJFK → KBOS with ${trickyName} Instructor`);
    expect(event.location).toMatch(/^KJFK \(.+\) → KBOS \(.+\)$/);
    expect(event.description).toContain(`Instructor: ${trickyName} Instructor\n`);
    expect(event.description).toContain(`Aircraft: ${row!.tail_number} (C172)`);
    expect(lastModified).toBe(row!.updated_at.toISOString().replace(/\.\d{3}/, ""));

    // The same flights in the instructor's feed, naming the student.
    const theirs = await issueFeed(instructor.user.id, instructor.token);
    const instructorEvents = parse((await getFeed(theirs.body.url)).text);
    expect(instructorEvents.get(`${ids.confirmed}@skyslot`)!.event.summary).toBe(`Flight lesson KJFK → KBOS with Test Student`);

    // A stray Authorization header changes nothing: the token is the credential.
    expect((await getFeed(url, { authorization: "Bearer not-a-token" })).status).toBe(200);
  });

  it("raises SEQUENCE with every change, and calendar clients revalidate cheaply", async () => {
    const first = await getFeed(url);
    const etag = first.headers.get("etag")!;
    const lastModified = first.headers.get("last-modified")!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(new Date(lastModified).toUTCString()).toBe(lastModified);
    const notModified = await getFeed(url, { "if-none-match": etag });
    expect(notModified.status).toBe(304);
    expect(notModified.text).toBe("");
    expect(notModified.headers.get("etag")).toBe(etag);
    expect((await getFeed(url, { "if-none-match": `"other", W/${etag}` })).status).toBe(304);
    expect((await getFeed(url, { "if-modified-since": lastModified })).status).toBe(304);
    expect((await getFeed(url, { "if-none-match": '"stale"' })).status).toBe(200);
    expect((await getFeed(url, { "if-modified-since": new Date(Date.parse(lastModified) - 1000).toUTCString() })).status).toBe(200);

    const before = parse(first.text).get(`${ids.confirmed}@skyslot`)!.event.sequence;
    const moved = await call(`/v1/bookings/${ids.confirmed}`, {
      method: "PATCH",
      token: admin.token,
      body: { scheduled_at: dayFromNow(2).toISOString() },
    });
    expect(moved.status, moved.text).toBe(200);
    const changed = await getFeed(url, { "if-none-match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    const after = parse(changed.text).get(`${ids.confirmed}@skyslot`)!;
    expect(after.event.sequence).toBeGreaterThan(before);
    expect(after.event.startDate.toJSDate().toISOString()).toBe(moved.body.scheduled_at);

    await call(`/v1/bookings/${ids.confirmed}/cancel`, { method: "POST", token: admin.token, body: { reason: "fog" } });
    const cancelled = parse((await getFeed(url)).text).get(`${ids.confirmed}@skyslot`)!;
    expect(cancelled.status).toBe("CANCELLED");
    expect(cancelled.event.sequence).toBeGreaterThan(after.event.sequence);
  });

  it("answers the same 404 for unknown, tampered, malformed and revoked tokens", async () => {
    const someone = await makeUser("STUDENT");
    const old = (await issueFeed(someone.user.id, someone.token)).body.url as string;
    expect((await getFeed(old)).status).toBe(200);
    const rotated = await issueFeed(someone.user.id, someone.token);
    expect(rotated.status).toBe(201);
    expect(rotated.body.url).not.toBe(old);
    expect((await getFeed(rotated.body.url)).status).toBe(200);

    const token = feedPath(rotated.body.url).slice("/v1/calendar/".length, -".ics".length);
    const flipped = `${token.slice(0, 10)}${token[10] === "A" ? "B" : "A"}${token.slice(11)}`;
    const paths = [
      feedPath(old),
      `/v1/calendar/${flipped}.ics`,
      `/v1/calendar/${"A".repeat(43)}.ics`,
      `/v1/calendar/${token}`,
      `/v1/calendar/${token}.ical`,
      `/v1/calendar/${token.slice(1)}.ics`,
      `/v1/calendar/${someone.user.id}.ics`,
    ];
    const details = new Set<string>();
    for (const path of paths) {
      const problem = expectProblem(await call(path), 404, "not_found");
      details.add(`${problem.title} ${problem.detail}`);
    }
    expect([...details]).toEqual(["Not found No calendar feed has this address."]);
  });

  it("is issued to oneself or by an admin only", async () => {
    const other = await makeUser("STUDENT");
    expectProblem(await issueFeed(other.user.id, student.token), 404, "not_found");
    expectProblem(await issueFeed(student.user.id, instructor.token), 404, "not_found");
    expectProblem(await issueFeed(crypto.randomUUID(), admin.token), 404, "not_found");
    expectProblem(await issueFeed("not-a-uuid", admin.token), 422, "validation_failed");
    expectProblem(await call(`/v1/users/${student.user.id}/calendar-feed`, { method: "POST" }), 401, "unauthenticated");
    const byAdmin = await issueFeed(other.user.id, admin.token);
    expect(byAdmin.status).toBe(201);
    const empty = await getFeed(byAdmin.body.url);
    expect(empty.status).toBe(200);
    expect(parse(empty.text).size).toBe(0);
  });
});

describe.skipIf(!redisUp)("calendar feed rate limit", () => {
  it("limits feed polling by IP", async () => {
    const app = createApp();
    const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} } as never;
    const bindings = { ...env, RATE_LIMIT_PER_MINUTE: "2" };
    // A documentation address of its own, so no other run shares the budget.
    const ip = `2001:db8::${crypto.randomUUID().slice(0, 4)}:${crypto.randomUUID().slice(0, 4)}`;
    const poll = () => app.request(`/v1/calendar/${"A".repeat(43)}.ics`, { headers: { "cf-connecting-ip": ip, authorization: "Bearer x" } }, bindings, ctx);
    expect([(await poll()).status, (await poll()).status, (await poll()).status]).toEqual([404, 404, 429]);
  });
});
