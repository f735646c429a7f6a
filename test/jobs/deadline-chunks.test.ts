import { beforeAll, describe, expect, it } from "vitest";
import { closeDue, deadlineReminders, inChunks, total } from "../../src/jobs/chunks";
import sendReminders from "../../sql/queries/rescheduling/notifications_insert_deadline_reminders.sql";
import closeDueSql from "../../sql/queries/rescheduling/bookings_close_due_rescheduling.sql";
import { ownerDb } from "../support/db";
import { makeUser, type TestUser } from "../support/users";
import { randomAirports } from "../routes/weather/fake-provider";
import { firing, jobContext, waitingBooking } from "./context";

/** Chunks far smaller than the job's, so a handful of bookings crosses several chunk boundaries. */
const SMALL = 3;
const BOOKINGS = 7;

let admin: TestUser;
let airport: string;

beforeAll(async () => {
  const [someone, airports] = await Promise.all([makeUser("ADMIN"), randomAirports(1)]);
  admin = someone;
  airport = airports[0]!;
});

const perBooking = async (sql: string, ids: string[], params: unknown[] = []) =>
  Object.fromEntries(
    (await ownerDb().query<{ id: string; n: number }>(sql, [ids, ...params])).map((r) => [r.id, Number(r.n)]),
  );

const sentTo = (type: string, ids: string[], userId?: string) =>
  perBooking(
    `SELECT b AS id, count(n.id)::int AS n FROM unnest($1::uuid[]) b
     LEFT JOIN notifications n ON n.booking_id = b AND n.type = $2 AND ($3::uuid IS NULL OR n.user_id = $3)
     GROUP BY b`,
    ids,
    [type, userId ?? null],
  );

const everyOnce = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, 1]));

describe("deadlines job in chunks", () => {
  it("reminds every due preference exactly once across chunk boundaries, with two runs racing", async () => {
    const now = firing();
    const waiting = await Promise.all(
      Array.from({ length: BOOKINGS }, () => waitingBooking(airport, new Date(now.getTime() + 60 * 60_000), false)),
    );
    const ids = waiting.map((w) => w.booking.id);
    const at = now.toISOString();
    const runs = await Promise.all([
      inChunks(jobContext(now).db, deadlineReminders(sendReminders, at, SMALL), 100),
      inChunks(jobContext(now).db, deadlineReminders(sendReminders, at, SMALL), 100),
    ]);
    // Both parties of each booking: 14 preferences at most 3 a chunk, so the runs walked 5 chunks or more.
    expect(total(runs.flat(), "picked")).toBeGreaterThanOrEqual(2 * BOOKINGS);
    expect(total(runs.flat(), "reminders_sent")).toBeGreaterThanOrEqual(2 * BOOKINGS);
    expect(await sentTo("DEADLINE_REMINDER", ids)).toEqual(Object.fromEntries(ids.map((id) => [id, 2])));
    const unmarked = await ownerDb().query("SELECT id FROM preference_rankings WHERE booking_id = ANY ($1) AND reminder_sent_at IS NULL", [ids]);
    expect(unmarked).toEqual([]);
  });

  it("escalates every overdue booking exactly once across chunk boundaries, with two runs racing", async () => {
    const now = firing();
    const waiting = await Promise.all(
      Array.from({ length: BOOKINGS }, (_, i) => waitingBooking(airport, new Date(now.getTime() - (i + 1) * 60_000), i % 2 === 0)),
    );
    const ids = waiting.map((w) => w.booking.id);
    const at = now.toISOString();
    const runs = await Promise.all([
      inChunks(jobContext(now).db, closeDue(closeDueSql, at, SMALL), 100),
      inChunks(jobContext(now).db, closeDue(closeDueSql, at, SMALL), 100),
    ]);
    // At most 3 preferences (2 bookings) a chunk: 7 bookings took the runs 4 chunks or more.
    expect(total(runs.flat(), "escalated")).toBeGreaterThanOrEqual(BOOKINGS);
    expect(await sentTo("ESCALATION", ids, admin.user.id)).toEqual(everyOnce(ids));
    expect(
      await perBooking(
        "SELECT b AS id, count(a.id)::int AS n FROM unnest($1::uuid[]) b LEFT JOIN audit_log a ON a.entity_id = b::text AND a.action = 'booking.escalated' GROUP BY b",
        ids,
      ),
    ).toEqual(everyOnce(ids));
    const open = await ownerDb().query("SELECT id FROM preference_rankings WHERE booking_id = ANY ($1) AND escalated_at IS NULL", [ids]);
    expect(open).toEqual([]);
    // A later run finds nothing of these left to close.
    await inChunks(jobContext(now).db, closeDue(closeDueSql, new Date(now.getTime() + 60_000).toISOString(), SMALL), 100);
    expect(await sentTo("ESCALATION", ids, admin.user.id)).toEqual(everyOnce(ids));
  });
});
