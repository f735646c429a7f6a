import { beforeAll, describe, expect, it } from "vitest";
import { closeDue, deadlineReminders, inChunks, REMINDER_CHUNK, total } from "../../src/jobs/chunks";
import { deadlinesJob } from "../../src/jobs/deadlines";
import { runJob } from "../../src/jobs/registry";
import { appDb, ownerDb } from "../support/db";
import { makeUser, type TestUser } from "../support/users";
import { randomAirports } from "../routes/weather/fake-provider";
import { firing, jobContext, waitingBooking } from "./context";
import { notificationsInsertDeadlineReminders } from "../../sql/queries/rescheduling/notifications_insert_deadline_reminders.queries";
import { env } from "cloudflare:workers";

let admin: TestUser;
let airport: string;

beforeAll(async () => {
  const [someone, airports] = await Promise.all([makeUser("ADMIN"), randomAirports(1)]);
  admin = someone;
  airport = airports[0]!;
});

const countOf = async (type: string, userId: string, bookingId: string) =>
  Number(
    (await ownerDb().query<{ n: number }>(
      "SELECT count(*)::int AS n FROM notifications WHERE type = $1 AND user_id = $2 AND booking_id = $3",
      [type, userId, bookingId],
    ))[0]!.n,
  );

describe("deadlines job", () => {
  it("reminds only the party that has not ranked, once, however many runs race", async () => {
    const now = firing();
    const { crew, booking } = await waitingBooking(airport, new Date(now.getTime() + 90 * 60_000), true);
    const far = await waitingBooking(airport, new Date(now.getTime() + 3 * 3_600_000), false);
    await Promise.all([deadlinesJob(jobContext(now)), deadlinesJob(jobContext(now)), deadlinesJob(jobContext(new Date(now.getTime() + 60_000)))]);
    const run = await runJob("deadlines", new Date(now.getTime() + 120_000), env);
    expect(run?.status).toBe("SUCCEEDED");
    expect(await countOf("DEADLINE_REMINDER", crew.instructor.user.id, booking.id)).toBe(1);
    expect(await countOf("DEADLINE_REMINDER", crew.student.user.id, booking.id)).toBe(0);
    expect(await countOf("DEADLINE_REMINDER", far.crew.instructor.user.id, far.booking.id)).toBe(0);
    const [pref] = await ownerDb().query("SELECT reminder_sent_at FROM preference_rankings WHERE booking_id = $1 AND party = 'INSTRUCTOR'", [booking.id]);
    expect(pref!.reminder_sent_at).toBeInstanceOf(Date);
  });

  it("escalates a booking whose deadline passed with one ranking, exactly once under concurrent runs", async () => {
    const now = firing();
    const { booking } = await waitingBooking(airport, new Date(now.getTime() - 60_000), true);
    const runs = await Promise.all([deadlinesJob(jobContext(now)), deadlinesJob(jobContext(now)), deadlinesJob(jobContext(now))]);
    expect(runs.every((r) => (r.statements ?? 0) >= 2)).toBe(true);
    await deadlinesJob(jobContext(new Date(now.getTime() + 5 * 60_000)));
    expect(await countOf("ESCALATION", admin.user.id, booking.id)).toBe(1);
    const audit = await ownerDb().query("SELECT metadata FROM audit_log WHERE entity_id = $1 AND action = 'booking.escalated'", [booking.id]);
    expect(audit).toEqual([{ metadata: { reason: "deadline_passed", student_submitted: true, instructor_submitted: false } }]);
    const [row] = await ownerDb().query("SELECT status FROM bookings WHERE id = $1", [booking.id]);
    expect(row).toEqual({ status: "RESCHEDULING" });
  });

  it("resolves a due booking both parties ranked (the chunk's one-by-one path), once under concurrent runs", async () => {
    const now = firing();
    const { crew, booking } = await waitingBooking(airport, new Date(now.getTime() - 60_000), true);
    await ownerDb().query(
      `UPDATE preference_rankings SET submitted_at = now(), ranked_option_ids = ARRAY[(SELECT id FROM reschedule_options WHERE booking_id = $1)]
       WHERE booking_id = $1 AND party = 'INSTRUCTOR'`,
      [booking.id],
    );
    const runs = await Promise.all([deadlinesJob(jobContext(now)), deadlinesJob(jobContext(now))]);
    expect(runs.reduce((n, r) => n + (r.resolved ?? 0), 0)).toBeGreaterThanOrEqual(1);
    const [row] = await ownerDb().query<{ status: string; rescheduled_to: string }>("SELECT status, rescheduled_to FROM bookings WHERE id = $1", [booking.id]);
    expect(row!.status).toBe("RESCHEDULED");
    const replacements = await ownerDb().query("SELECT id FROM bookings WHERE original_booking_id = $1", [booking.id]);
    expect(replacements).toEqual([{ id: row!.rescheduled_to }]);
    expect(await countOf("CONFIRMATION", crew.student.user.id, row!.rescheduled_to)).toBe(1);
    expect(await countOf("ESCALATION", admin.user.id, booking.id)).toBe(0);
  });

  it("picks up after a run that died half way without sending anything twice", async () => {
    const now = firing();
    const reminded = await waitingBooking(airport, new Date(now.getTime() + 30 * 60_000), false);
    const overdue = await waitingBooking(airport, new Date(now.getTime() - 30 * 60_000), false);
    // The first run got as far as the reminders, then died.
    await appDb().query(notificationsInsertDeadlineReminders, { now: now.toISOString(), chunk: REMINDER_CHUNK });
    const stats = await deadlinesJob(jobContext(now));
    expect(stats.escalated).toBeGreaterThanOrEqual(1);
    for (const party of [reminded.crew.student, reminded.crew.instructor]) {
      expect(await countOf("DEADLINE_REMINDER", party.user.id, reminded.booking.id)).toBe(1);
    }
    expect(await countOf("ESCALATION", admin.user.id, overdue.booking.id)).toBe(1);
    // An overdue booking gets no reminder: the deadline is already gone.
    expect(await countOf("DEADLINE_REMINDER", overdue.crew.student.user.id, overdue.booking.id)).toBe(0);
  });
});

/** Chunks far smaller than the job's, so a handful of bookings crosses several chunk boundaries. */
const SMALL = 3;
const BOOKINGS = 7;

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
      inChunks(jobContext(now).db, deadlineReminders(at, SMALL), 100),
      inChunks(jobContext(now).db, deadlineReminders(at, SMALL), 100),
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
      inChunks(jobContext(now).db, closeDue(at, SMALL), 100),
      inChunks(jobContext(now).db, closeDue(at, SMALL), 100),
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
    await inChunks(jobContext(now).db, closeDue(new Date(now.getTime() + 60_000).toISOString(), SMALL), 100);
    expect(await sentTo("ESCALATION", ids, admin.user.id)).toEqual(everyOnce(ids));
  });
});
