import { beforeAll, describe, expect, it } from "vitest";
import { call } from "../../support/api";
import { ownerDb } from "../../support/db";
import { makeUser, type TestUser } from "../../support/users";
import {
  HOUR, activeBookingsAt, bookAt, cancelBooking, entriesAt, joinStandby, makeAircraftAt, makeInstructor, quietAirport,
  upcomingHour,
} from "./fixtures";

let admin: TestUser;

beforeAll(async () => {
  admin = await makeUser("ADMIN");
});

const iso = (d: Date) => d.toISOString();
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);

/** Standby promotions made at `airport`, counted three ways: entries, notifications, audit. */
async function promotionsAt(airport: string) {
  const entries = await entriesAt(airport);
  const promoted = entries.filter((e) => e.status === "PROMOTED");
  const ids = promoted.map((e) => e.id);
  const [notes] = await ownerDb().query<{ n: number }>(
    "SELECT count(*)::int AS n FROM notifications WHERE type = 'STANDBY_PROMOTED' AND data ->> 'standby_entry_id' = ANY($1)",
    [entries.map((e) => e.id)],
  );
  const [audits] = await ownerDb().query<{ n: number }>(
    "SELECT count(*)::int AS n FROM audit_log WHERE action = 'standby.promoted' AND entity_id = ANY($1)",
    [entries.map((e) => e.id)],
  );
  return { entries, promoted, ids, notifications: notes!.n, audits: audits!.n };
}

describe("standby promotion storms", () => {
  it("two cancellations at once compete for one entry: it is promoted once", async () => {
    // Several rounds, so the two commits really do meet on the entry at least some of the time.
    for (let round = 0; round < 4; round++) {
      const airport = await quietAirport();
      const [first, second, holderA, holderB, waiting] = await Promise.all([
        makeInstructor(), makeInstructor(), makeUser("STUDENT"), makeUser("STUDENT"), makeUser("STUDENT"),
      ]);
      const start = upcomingHour();
      // Two slots at different hours, both inside one student's window: her own overlap rule
      // cannot stop a second promotion, only the entry's own lock can.
      const a = await bookAt(admin.token, { student: holderA, instructor: first, airport, at: start });
      const b = await bookAt(admin.token, { student: holderB, instructor: second, airport, at: plus(start, 3 * HOUR) });
      const entry = await joinStandby(admin.token, {
        student_id: waiting.user.id, departure_airport: airport, window_start: iso(start), window_end: iso(plus(start, 5 * HOUR)),
        duration_minutes: 60,
      });
      expect(entry.status).toBe(201);

      const results = await Promise.all([cancelBooking(admin.token, a), cancelBooking(admin.token, b)]);
      expect(results.map((r) => r.status)).toEqual([200, 200]);

      const made = await activeBookingsAt(airport);
      expect(made).toHaveLength(1);
      expect(made[0]!.student_id).toBe(waiting.user.id);
      const counted = await promotionsAt(airport);
      expect(counted.ids).toEqual([entry.body.id]);
      expect(counted.entries[0]!.booking_id).toBe(made[0]!.id);
      expect([counted.notifications, counted.audits]).toEqual([1, 1]);
    }
  });

  it("one cancellation with many entries waiting: the oldest gets the slot, and only it", async () => {
    const airport = await quietAirport();
    const [instructor, holder] = await Promise.all([makeInstructor(), makeUser("STUDENT")]);
    const plane = await makeAircraftAt(airport);
    const start = upcomingHour();
    const freed = await bookAt(admin.token, { student: holder, instructor, airport, at: start, aircraftId: plane });
    const students = await Promise.all(Array.from({ length: 8 }, () => makeUser("STUDENT")));
    const entryIds: string[] = [];
    for (const student of students) {
      const res = await joinStandby(student.token, {
        student_id: student.user.id, departure_airport: airport, window_start: iso(plus(start, -HOUR)), window_end: iso(plus(start, 2 * HOUR)),
        duration_minutes: 60, aircraft_type_code: "C172", instructor_id: instructor.user.id,
      });
      entryIds.push(res.body.id);
    }

    // The same cancellation sent six times at once, while more students join the list.
    const late = await Promise.all(Array.from({ length: 3 }, () => makeUser("STUDENT")));
    const [cancels, joins] = await Promise.all([
      Promise.all(Array.from({ length: 6 }, () => cancelBooking(admin.token, freed))),
      Promise.all(late.map((s) => joinStandby(s.token, {
        student_id: s.user.id, departure_airport: airport, window_start: iso(plus(start, -HOUR)), window_end: iso(plus(start, 2 * HOUR)),
        duration_minutes: 60, aircraft_type_code: "C172", instructor_id: instructor.user.id,
      }))),
    ]);
    expect(cancels.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    expect(joins.map((r) => r.status)).toEqual([201, 201, 201]);

    const made = await activeBookingsAt(airport);
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ student_id: students[0]!.user.id, instructor_id: instructor.user.id, aircraft_id: plane });
    const counted = await promotionsAt(airport);
    expect(counted.ids).toEqual([entryIds[0]]);
    expect([counted.notifications, counted.audits]).toEqual([1, 1]);
    expect(counted.entries.filter((e) => e.status === "WAITING")).toHaveLength(10);
  });

  it("many cancellations at once with more entries than slots: each slot to one entry, each entry at most once", async () => {
    const airport = await quietAirport();
    const slots = 4;
    const start = upcomingHour();
    const instructors = await Promise.all(Array.from({ length: slots }, () => makeInstructor()));
    const holders = await Promise.all(Array.from({ length: slots }, () => makeUser("STUDENT")));
    // Every freed slot is at the same hour, with its own instructor.
    const freed: string[] = [];
    for (let i = 0; i < slots; i++) freed.push(await bookAt(admin.token, { student: holders[i]!, instructor: instructors[i]!, airport, at: start }));
    const students = await Promise.all(Array.from({ length: slots + 3 }, () => makeUser("STUDENT")));
    const entryIds: string[] = [];
    for (const student of students) {
      const res = await joinStandby(admin.token, {
        student_id: student.user.id, departure_airport: airport, window_start: iso(start), window_end: iso(plus(start, HOUR)), duration_minutes: 60,
      });
      entryIds.push(res.body.id);
    }
    // And one student waiting twice: two entries, one slot hour, so at most one booking.
    const twice = students[0]!;
    const again = await joinStandby(twice.token, {
      student_id: twice.user.id, departure_airport: airport, window_start: iso(start), window_end: iso(plus(start, HOUR)), duration_minutes: 60,
    });

    const results = await Promise.all(freed.map((id) => cancelBooking(admin.token, id)));
    expect(results.map((r) => r.status)).toEqual(Array(slots).fill(200));

    const made = await activeBookingsAt(airport);
    expect(made).toHaveLength(slots);
    expect(new Set(made.map((b) => b.student_id)).size).toBe(slots);
    expect(new Set(made.map((b) => b.instructor_id))).toEqual(new Set(instructors.map((i) => i.user.id)));
    const counted = await promotionsAt(airport);
    expect(counted.ids).toEqual(entryIds.slice(0, slots));
    expect(new Set(counted.promoted.map((e) => e.booking_id)).size).toBe(slots);
    expect([counted.notifications, counted.audits]).toEqual([slots, slots]);
    expect(counted.entries.find((e) => e.id === again.body.id)!.status).toBe("WAITING");

    // Withdrawing an entry that was promoted is refused; the waiting ones can still go.
    const refused = await call(`/v1/standby/${entryIds[0]}`, { method: "DELETE", token: admin.token });
    expect(refused.status).toBe(409);
    const left = await call(`/v1/standby/${entryIds[slots]}`, { method: "DELETE", token: admin.token });
    expect(left.body.status).toBe("WITHDRAWN");
  });

  it("a withdrawal racing a promotion: the entry ends either promoted or withdrawn, never both", async () => {
    for (let round = 0; round < 4; round++) {
      const airport = await quietAirport();
      const [instructor, holder, waiting] = await Promise.all([makeInstructor(), makeUser("STUDENT"), makeUser("STUDENT")]);
      const start = upcomingHour();
      const freed = await bookAt(admin.token, { student: holder, instructor, airport, at: start });
      const entry = await joinStandby(waiting.token, {
        student_id: waiting.user.id, departure_airport: airport, window_start: iso(start), window_end: iso(plus(start, HOUR)), duration_minutes: 60,
      });
      const [cancelled, withdrawn] = await Promise.all([
        cancelBooking(admin.token, freed),
        call(`/v1/standby/${entry.body.id}`, { method: "DELETE", token: waiting.token }),
      ]);
      expect(cancelled.status).toBe(200);
      const [row] = await entriesAt(airport);
      const made = await activeBookingsAt(airport);
      if (withdrawn.status === 200) {
        expect(row).toMatchObject({ status: "WITHDRAWN", booking_id: null });
        expect(made).toEqual([]);
      } else {
        expect(withdrawn.status).toBe(409);
        expect(row).toMatchObject({ status: "PROMOTED", booking_id: made[0]!.id });
        expect(made).toHaveLength(1);
      }
    }
  });
});

describe("a freed slot and direct bookings racing for it", () => {
  it("the slot ends up held by exactly one booking, a promotion's or a direct one", async () => {
    for (let round = 0; round < 3; round++) {
      const airport = await quietAirport();
      const [instructor, holder, waiting, ...direct] = await Promise.all([
        makeInstructor(), makeUser("STUDENT"), makeUser("STUDENT"), makeUser("STUDENT"), makeUser("STUDENT"), makeUser("STUDENT"),
      ]);
      const start = upcomingHour();
      const freed = await bookAt(admin.token, { student: holder, instructor, airport, at: start });
      await joinStandby(admin.token, {
        student_id: waiting.user.id, departure_airport: airport, window_start: iso(start), window_end: iso(plus(start, HOUR)),
        duration_minutes: 60, instructor_id: instructor.user.id,
      });
      const [cancelled, ...booked] = await Promise.all([
        cancelBooking(admin.token, freed),
        ...direct.map((student) =>
          call("/v1/bookings", {
            method: "POST",
            token: admin.token,
            body: {
              student_id: student.user.id, instructor_id: instructor.user.id, departure_airport: airport, arrival_airport: airport,
              scheduled_at: iso(start), duration_minutes: 60,
            },
          })),
      ]);
      expect(cancelled.status).toBe(200);
      for (const res of booked) expect([201, 409]).toContain(res.status);

      const holding = await activeBookingsAt(airport);
      expect(holding).toHaveLength(1);
      const [entry] = await entriesAt(airport);
      if (holding[0]!.student_id === waiting.user.id) {
        expect(entry).toMatchObject({ status: "PROMOTED", booking_id: holding[0]!.id });
        expect(booked.every((r) => r.status === 409)).toBe(true);
      } else {
        expect(entry).toMatchObject({ status: "WAITING", booking_id: null });
        expect(booked.filter((r) => r.status === 201)).toHaveLength(1);
      }
    }
  });
});
