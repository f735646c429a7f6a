import { beforeAll, describe, expect, it } from "vitest";
import { call, type ApiResponse } from "../support/api";
import { ownerDb } from "../support/db";
import type { TestUser } from "../support/users";
import { type Actor, actors, at, book, makeCast, nextSlot } from "../routes/bookings/fixtures";
let people: Record<Actor, TestUser>;

beforeAll(async () => {
  people = await makeCast();
});

/** A booking of `student` with `instructor`, made by the admin so both get a notification. */
async function lesson(): Promise<{ id: string; start: Date }> {
  const start = nextSlot();
  const res = await book(people.admin.token, {
    student_id: people.student.user.id,
    instructor_id: people.instructor.user.id,
    scheduled_at: start.toISOString(),
  });
  expect(res.status).toBe(201);
  return { id: res.body.id, start };
}

interface Case {
  endpoint: string;
  /** Runs the request as `actor` and says what a user would notice: the status, or what they saw. */
  run: (actor: Actor) => Promise<unknown>;
  expected: Record<Actor, unknown>;
}

const status = (res: ApiResponse) => res.status;
const sees = (id: string) => (res: ApiResponse) => (res.body.data as { id: string }[]).some((row) => row.id === id);

const cases: Case[] = [
  {
    endpoint: "POST /v1/bookings (for the student with the instructor)",
    run: async (actor) =>
      status(
        await book(people[actor].token, {
          student_id: people.student.user.id,
          instructor_id: people.instructor.user.id,
          scheduled_at: nextSlot().toISOString(),
        }),
      ),
    expected: { admin: 201, student: 201, instructor: 201, otherStudent: 403, otherInstructor: 403 },
  },
  {
    endpoint: "GET /v1/bookings",
    run: async (actor) => {
      const { id } = await lesson();
      return sees(id)(await call(`/v1/bookings?student_id=${people.student.user.id}&limit=200`, { token: people[actor].token }));
    },
    expected: { admin: true, student: true, instructor: true, otherStudent: false, otherInstructor: false },
  },
  {
    endpoint: "GET /v1/bookings/:id",
    run: async (actor) => status(await call(`/v1/bookings/${(await lesson()).id}`, { token: people[actor].token })),
    expected: { admin: 200, student: 200, instructor: 200, otherStudent: 404, otherInstructor: 404 },
  },
  {
    endpoint: "POST /v1/bookings/:id/cancel",
    run: async (actor) =>
      status(await call(`/v1/bookings/${(await lesson()).id}/cancel`, { method: "POST", token: people[actor].token, body: { reason: "ill" } })),
    expected: { admin: 200, student: 200, instructor: 200, otherStudent: 404, otherInstructor: 404 },
  },
  {
    endpoint: "PATCH /v1/bookings/:id",
    run: async (actor) => {
      const { id, start } = await lesson();
      return status(await call(`/v1/bookings/${id}`, { method: "PATCH", token: people[actor].token, body: { scheduled_at: at(start, 15) } }));
    },
    expected: { admin: 200, student: 403, instructor: 200, otherStudent: 404, otherInstructor: 404 },
  },
  {
    endpoint: "GET /v1/notifications (the student's booking confirmation)",
    run: async (actor) => {
      const { id } = await lesson();
      const res = await call("/v1/notifications?limit=200", { token: people[actor].token });
      return (res.body.data as { booking_id: string }[]).some((n) => n.booking_id === id);
    },
    expected: { admin: false, student: true, instructor: true, otherStudent: false, otherInstructor: false },
  },
  {
    endpoint: "POST /v1/notifications/:id/read (the student's notification)",
    run: async (actor) => {
      const { id } = await lesson();
      const [note] = await ownerDb().query<{ id: string }>("SELECT id FROM notifications WHERE booking_id = $1 AND user_id = $2", [
        id, people.student.user.id,
      ]);
      return status(await call(`/v1/notifications/${note!.id}/read`, { method: "POST", token: people[actor].token }));
    },
    expected: { admin: 404, student: 200, instructor: 404, otherStudent: 404, otherInstructor: 404 },
  },
  {
    endpoint: "POST /v1/notifications/read-all (does the student's notification stay unread?)",
    run: async (actor) => {
      const { id } = await lesson();
      await call("/v1/notifications/read-all", { method: "POST", token: people[actor].token });
      const [note] = await ownerDb().query<{ read_at: Date | null }>(
        "SELECT read_at FROM notifications WHERE booking_id = $1 AND user_id = $2",
        [id, people.student.user.id],
      );
      return note!.read_at === null;
    },
    expected: { admin: true, student: false, instructor: true, otherStudent: true, otherInstructor: true },
  },
  {
    endpoint: "GET /v1/users/:id (the student: which fields are shown)",
    run: async (actor) => {
      await lesson();
      const res = await call(`/v1/users/${people.student.user.id}`, { token: people[actor].token });
      return res.status === 200 ? Object.keys(res.body).sort().join(",") : res.status;
    },
    expected: {
      admin: "active,auth_subject,created_at,email,first_name,id,last_name,phone_number,role,timezone,training_level,updated_at",
      student: "active,auth_subject,created_at,email,first_name,id,last_name,phone_number,role,timezone,training_level,updated_at",
      instructor: "email,first_name,id,last_name,phone_number,role,training_level",
      otherStudent: 404,
      otherInstructor: 404,
    },
  },
  {
    endpoint: "GET /v1/users?role=INSTRUCTOR (is the instructor's auth_subject or email listed?)",
    run: async (actor) => {
      const res = await call("/v1/users?role=INSTRUCTOR&limit=200", { token: people[actor].token });
      expect(res.status).toBe(200);
      let next: string | null = res.body.next_cursor;
      let text = res.text;
      while (next) {
        const page = await call(`/v1/users?role=INSTRUCTOR&limit=200&cursor=${encodeURIComponent(next)}`, { token: people[actor].token });
        text += page.text;
        next = page.body.next_cursor;
      }
      return text.includes(people.instructor.user.auth_subject) || text.includes(people.instructor.user.email);
    },
    expected: { admin: true, student: false, instructor: true, otherStudent: false, otherInstructor: false },
  },
  {
    endpoint: "GET /v1/audit",
    run: async (actor) => status(await call("/v1/audit?entity_type=booking&limit=1", { token: people[actor].token })),
    expected: { admin: 200, student: 403, instructor: 403, otherStudent: 403, otherInstructor: 403 },
  },
];

describe("who may do what with bookings, notifications and the audit log", () => {
  for (const { endpoint, run, expected } of cases) {
    it(endpoint, async () => {
      const seen: Record<string, unknown> = {};
      for (const actor of actors) seen[actor] = await run(actor);
      expect(seen).toEqual(expected);
    });
  }

  it("never answers a stranger with anything that names the booking's people", async () => {
    const { id } = await lesson();
    for (const actor of ["otherStudent", "otherInstructor"] as const) {
      const res = await call(`/v1/bookings/${id}`, { token: people[actor].token });
      expect(res.text).not.toContain(people.student.user.id);
      expect(res.text).not.toContain(people.instructor.user.id);
    }
  });
});
