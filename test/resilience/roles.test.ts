import { beforeAll, describe, expect, it } from "vitest";
import { call, type ApiResponse } from "../support/api";
import type { TestUser } from "../support/users";
import { type Actor, actors, book, makeAircraft, makeCast, nextSlot } from "../routes/bookings/fixtures";

let people: Record<Actor, TestUser>;
let aircraftId: string;
let ingestionId: string;
let analysisId: string;

beforeAll(async () => {
  people = await makeCast();
  // The instructor teaches the student, which lets them read the student's profile.
  await lesson();
  aircraftId = await makeAircraft();
  const ingestion = await call("/v1/ingestions/flights?source=roles", {
    method: "POST",
    token: people.admin.token,
    rawBody: "origin,destination,scheduled_departure\n",
    headers: { "content-type": "text/csv" },
  });
  ingestionId = ingestion.body.id;
  analysisId = (await call("/v1/analyses", { method: "POST", token: people.admin.token, body: { type: "delay_summary" } })).body.id;
});

async function lesson(): Promise<string> {
  const res = await book(people.admin.token, {
    student_id: people.student.user.id,
    instructor_id: people.instructor.user.id,
    scheduled_at: nextSlot().toISOString(),
  });
  expect(res.status).toBe(201);
  return res.body.id;
}

/** What the gate decided: refused (401/403/404) or let through to the route's own rules. */
const gate = (res: ApiResponse) => ([401, 403, 404].includes(res.status) ? res.status : "through");
const as = (actor: Actor, path: string, method = "GET", body?: unknown) => call(path, { method, token: people[actor].token, body });
const ids = () => ({ student: people.student.user.id, instructor: people.instructor.user.id });
const allThrough = { admin: "through", student: "through", instructor: "through", otherStudent: "through", otherInstructor: "through" };
const adminOnly = { admin: "through", student: 403, instructor: 403, otherStudent: 403, otherInstructor: 403 };
const studentsOwn = { admin: "through", student: "through", instructor: 404, otherStudent: 404, otherInstructor: 404 };
const allDay = Array.from({ length: 7 }, (_, d) => ({ day_of_week: d, start_time: "00:00", end_time: "24:00" }));

interface Case {
  endpoint: string;
  run: (actor: Actor) => Promise<ApiResponse>;
  expected: Record<Actor, unknown>;
}

const cases: Case[] = [
  // Users
  { endpoint: "GET /v1/users", run: (a) => as(a, "/v1/users"), expected: adminOnly },
  { endpoint: "GET /v1/users?role=INSTRUCTOR", run: (a) => as(a, "/v1/users?role=INSTRUCTOR"), expected: allThrough },
  {
    endpoint: "POST /v1/users",
    run: (a) => {
      const tag = crypto.randomUUID();
      return as(a, "/v1/users", "POST", { auth_subject: `roles|${tag}`, email: `${tag}@example.test`, first_name: "R", last_name: "M", role: "ADMIN" });
    },
    expected: adminOnly,
  },
  {
    endpoint: "GET /v1/users/:id (a student)",
    run: (a) => as(a, `/v1/users/${ids().student}`),
    expected: { admin: "through", student: "through", instructor: "through", otherStudent: 404, otherInstructor: 404 },
  },
  {
    // The instructor teaching the student may know the student exists: 403 rather than 404.
    endpoint: "PATCH /v1/users/:id (a student's name)",
    run: (a) => as(a, `/v1/users/${ids().student}`, "PATCH", { first_name: "Renamed" }),
    expected: { ...studentsOwn, instructor: 403 },
  },
  {
    endpoint: "PATCH /v1/users/:id (an instructor's name)",
    run: (a) => as(a, `/v1/users/${ids().instructor}`, "PATCH", { first_name: "Renamed" }),
    expected: { admin: "through", student: 403, instructor: "through", otherStudent: 403, otherInstructor: 403 },
  },
  {
    endpoint: "PATCH /v1/users/:id (deactivate the other instructor)",
    run: async (a) => {
      const res = await as(a, `/v1/users/${people.otherInstructor.user.id}`, "PATCH", { active: false });
      // Switched straight back on, so the cast stays usable for the cases that follow.
      if (res.status === 200) await as("admin", `/v1/users/${people.otherInstructor.user.id}`, "PATCH", { active: true });
      return res;
    },
    expected: { admin: "through", student: 403, instructor: 403, otherStudent: 403, otherInstructor: 403 },
  },
  {
    endpoint: "PATCH /v1/users/:id (own role)",
    run: (a) => as(a, `/v1/users/${people[a].user.id}`, "PATCH", { role: people[a].user.role }),
    expected: { admin: "through", student: 403, instructor: 403, otherStudent: 403, otherInstructor: 403 },
  },
  // Availability
  { endpoint: "GET /v1/users/:id/availability/patterns (an instructor's)", run: (a) => as(a, `/v1/users/${ids().instructor}/availability/patterns`), expected: allThrough },
  { endpoint: "GET /v1/users/:id/availability/patterns (a student's)", run: (a) => as(a, `/v1/users/${ids().student}/availability/patterns`), expected: studentsOwn },
  {
    endpoint: "PUT /v1/users/:id/availability/patterns (an instructor's)",
    run: (a) => as(a, `/v1/users/${ids().instructor}/availability/patterns`, "PUT", allDay),
    expected: { admin: "through", student: 403, instructor: "through", otherStudent: 403, otherInstructor: 403 },
  },
  { endpoint: "PUT /v1/users/:id/availability/patterns (a student's)", run: (a) => as(a, `/v1/users/${ids().student}/availability/patterns`, "PUT", []), expected: studentsOwn },
  {
    endpoint: "POST /v1/users/:id/availability/overrides (a student's)",
    run: (a) => as(a, `/v1/users/${ids().student}/availability/overrides`, "POST", { date: "2035-01-01" }),
    expected: studentsOwn,
  },
  {
    endpoint: "DELETE /v1/users/:id/availability/overrides/:override_id (a student's)",
    run: async (a) => {
      const made = await as("student", `/v1/users/${ids().student}/availability/overrides`, "POST", { date: "2035-01-02" });
      return as(a, `/v1/users/${ids().student}/availability/overrides/${made.body.id}`, "DELETE");
    },
    expected: studentsOwn,
  },
  { endpoint: "GET /v1/users/:id/availability (a student's)", run: (a) => as(a, `/v1/users/${ids().student}/availability?from=2035-01-01&to=2035-01-07`), expected: studentsOwn },
  // Fleet, airports, weather, settings
  { endpoint: "GET /v1/airports", run: (a) => as(a, "/v1/airports?q=KJFK"), expected: allThrough },
  { endpoint: "GET /v1/airports/:code", run: (a) => as(a, "/v1/airports/KJFK"), expected: allThrough },
  { endpoint: "GET /v1/aircraft", run: (a) => as(a, "/v1/aircraft"), expected: allThrough },
  {
    endpoint: "POST /v1/aircraft",
    run: (a) => as(a, "/v1/aircraft", "POST", { tail_number: `R${crypto.randomUUID().slice(0, 7)}`, type_code: "C172", home_airport: "KJFK" }),
    expected: adminOnly,
  },
  { endpoint: "PATCH /v1/aircraft/:id", run: (a) => as(a, `/v1/aircraft/${aircraftId}`, "PATCH", { status: "AVAILABLE" }), expected: adminOnly },
  // A forecast may or may not be held for the airport; either way nobody signed in is refused.
  { endpoint: "GET /v1/weather/:airport", run: async (a) => ({ ...(await as(a, "/v1/weather/KJFK")), status: 200 }), expected: allThrough },
  { endpoint: "GET /v1/settings/weather-minimums", run: (a) => as(a, "/v1/settings/weather-minimums"), expected: allThrough },
  {
    endpoint: "PUT /v1/settings/weather-minimums (the current values again)",
    run: async (a) => as(a, "/v1/settings/weather-minimums", "PUT", (await as("admin", "/v1/settings/weather-minimums")).body.minimums),
    expected: adminOnly,
  },
  // Rescheduling
  {
    endpoint: "POST /v1/bookings/:id/weather-check",
    run: async (a) => as(a, `/v1/bookings/${await lesson()}/weather-check`, "POST"),
    expected: { admin: "through", student: 403, instructor: "through", otherStudent: 404, otherInstructor: 404 },
  },
  {
    endpoint: "POST /v1/bookings/:id/reschedule-options",
    run: async (a) => as(a, `/v1/bookings/${await lesson()}/reschedule-options`, "POST"),
    expected: { admin: "through", student: 403, instructor: "through", otherStudent: 404, otherInstructor: 404 },
  },
  {
    endpoint: "GET /v1/bookings/:id/reschedule-options",
    run: async (a) => as(a, `/v1/bookings/${await lesson()}/reschedule-options`),
    expected: { admin: "through", student: "through", instructor: "through", otherStudent: 404, otherInstructor: 404 },
  },
  {
    endpoint: "PUT /v1/bookings/:id/preferences",
    run: async (a) => as(a, `/v1/bookings/${await lesson()}/preferences`, "PUT", { ranked_option_ids: [crypto.randomUUID()] }),
    expected: { admin: 403, student: "through", instructor: "through", otherStudent: 404, otherInstructor: 404 },
  },
  // Administration and flight operations data
  { endpoint: "GET /v1/admin/stats", run: (a) => as(a, "/v1/admin/stats"), expected: adminOnly },
  { endpoint: "GET /v1/admin/integrity", run: (a) => as(a, "/v1/admin/integrity"), expected: adminOnly },
  { endpoint: "GET /v1/admin/metrics", run: (a) => as(a, "/v1/admin/metrics?period=daily"), expected: adminOnly },
  { endpoint: "GET /v1/admin/jobs", run: (a) => as(a, "/v1/admin/jobs"), expected: adminOnly },
  {
    // A job name that does not exist: the role is checked before anything runs.
    endpoint: "POST /v1/admin/jobs/:name/run",
    run: (a) => as(a, "/v1/admin/jobs/no-such-job/run", "POST"),
    expected: { admin: 404, student: 403, instructor: 403, otherStudent: 403, otherInstructor: 403 },
  },
  {
    endpoint: "POST /v1/ingestions/flights",
    run: (a) =>
      call("/v1/ingestions/flights?source=roles", {
        method: "POST",
        token: people[a].token,
        rawBody: "origin,destination,scheduled_departure\n",
        headers: { "content-type": "text/csv" },
      }),
    expected: adminOnly,
  },
  { endpoint: "GET /v1/ingestions", run: (a) => as(a, "/v1/ingestions"), expected: adminOnly },
  { endpoint: "GET /v1/ingestions/:id", run: (a) => as(a, `/v1/ingestions/${ingestionId}`), expected: adminOnly },
  { endpoint: "POST /v1/analyses", run: (a) => as(a, "/v1/analyses", "POST", { type: "delay_summary" }), expected: adminOnly },
  { endpoint: "GET /v1/analyses", run: (a) => as(a, "/v1/analyses"), expected: adminOnly },
  { endpoint: "GET /v1/analyses/:id", run: (a) => as(a, `/v1/analyses/${analysisId}`), expected: adminOnly },
];

describe("who may do what with users, availability, fleet, weather, settings, rescheduling and administration", () => {
  for (const { endpoint, run, expected } of cases) {
    it(endpoint, async () => {
      const seen: Record<string, unknown> = {};
      const failures: string[] = [];
      for (const actor of actors) {
        const res = await run(actor);
        seen[actor] = gate(res);
        // Let through must mean the request worked or met a business rule, never a server failure.
        if (res.status >= 500) failures.push(`${actor}: ${res.status} ${res.text.slice(0, 200)}`);
      }
      expect(failures).toEqual([]);
      expect(seen).toEqual(expected);
    });
  }
});
