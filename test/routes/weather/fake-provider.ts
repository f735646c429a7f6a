import { env } from "cloudflare:workers";
import { createApp } from "../../../src/app";
import type { TafPeriod } from "../../../src/domain/weather";
import type { ApiResponse, CallOptions } from "../../support/api";
import { ownerDb } from "../../support/db";
import { makeUser, type TestUser } from "../../support/users";

type Mode = "ok" | "garbage" | "slow" | "down";

/**
 * aviationweather.gov stand-in: the only thing outside this process. Each install serves its
 * own host, so test files running side by side never read each other's forecasts.
 */
export interface FakeWeather {
  base: string;
  /** The ids of each provider call, in order. */
  calls: string[][];
  userAgents: string[];
  mode: Mode;
  tafs: Map<string, unknown>;
  bindings: Record<string, unknown>;
}

const realFetch = globalThis.fetch;
const fakes = new Map<string, FakeWeather>();

globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
  const request = new Request(input, init);
  const url = new URL(request.url);
  const fake = fakes.get(url.host);
  if (!fake) return realFetch(input, init);
  fake.calls.push((url.searchParams.get("ids") ?? "").split(","));
  fake.userAgents.push(request.headers.get("user-agent") ?? "");
  if (url.pathname !== "/api/data/taf" || url.searchParams.get("format") !== "json") return new Response("not found", { status: 404 });
  switch (fake.mode) {
    case "down":
      return new Response("<html>502 Bad Gateway</html>", { status: 502 });
    case "garbage":
      return new Response("<html>maintenance</html>", { status: 200, headers: { "content-type": "text/html" } });
    case "slow":
      return new Promise<Response>((_, reject) => {
        request.signal.addEventListener("abort", () => reject(request.signal.reason));
      });
    case "ok": {
      const ids = url.searchParams.get("ids")?.split(",") ?? [];
      return Response.json(ids.flatMap((id) => (fake.tafs.has(id) ? [fake.tafs.get(id)] : [])));
    }
  }
}) as typeof fetch;

export function fakeWeather(): FakeWeather {
  const host = `wx-${crypto.randomUUID().slice(0, 8)}.skyslot.test`;
  const fake: FakeWeather = {
    base: `https://${host}/api/data`,
    calls: [],
    userAgents: [],
    mode: "ok",
    tafs: new Map(),
    bindings: { ...env, WEATHER_API_URL: `https://${host}/api/data` },
  };
  fakes.set(host, fake);
  return fake;
}

const epoch = (d: Date) => Math.floor(d.getTime() / 1000);

/** A TAF in the provider's JSON shape, valid over [from, to), with periods relative to it. */
export function taf(icao: string, from: Date, to: Date, periods: (Partial<TafPeriod> & { from: Date; to: Date })[]) {
  return {
    icaoId: icao,
    issueTime: new Date(from.getTime() - 40 * 60_000).toISOString(),
    validTimeFrom: epoch(from),
    validTimeTo: epoch(to),
    rawTAF: `TAF ${icao} ...`,
    fcsts: periods.map(({ from: f, to: t, ...p }) => ({
      timeFrom: epoch(f),
      timeTo: epoch(t),
      fcstChange: null,
      probability: null,
      wdir: 200,
      wspd: 5,
      wgst: null,
      visib: "6+",
      wxString: null,
      clouds: [{ cover: "FEW", base: 6000, type: null }],
      vertVis: null,
      icgTurb: [],
      ...p,
    })),
  };
}

export const thunderstorms: Partial<TafPeriod> = {
  fcstChange: "TEMPO",
  wspd: 18,
  wgst: 30,
  visib: 2,
  wxString: "TSRA",
  clouds: [{ cover: "BKN", base: 2500, type: "CB" }],
};

/** Calls the API as `call` does, but with the fake provider's bindings. */
export async function callWith<T = any>(fake: FakeWeather, path: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
  const headers = new Headers(options.headers);
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers.set("content-type", "application/json");
  }
  const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} } as never;
  const response = await createApp().request(path, { method: options.method ?? "GET", headers, body }, fake.bindings, ctx);
  const text = await response.text();
  const parsed = (response.headers.get("content-type") ?? "").includes("json") && text ? JSON.parse(text) : text;
  return { status: response.status, headers: response.headers, body: parsed as T, text };
}

/**
 * Airports of the caller's own: new ones at random real airports' places, coded 9nnn. Forecasts
 * are cached and stored by airport, so an airport another test file also picked could answer
 * with that file's forecast.
 */
export async function randomAirports(n: number): Promise<string[]> {
  const codes: string[] = [];
  while (codes.length < n) {
    const code = `9${String(Math.floor(Math.random() * 1000)).padStart(3, "0")}`;
    const [row] = await ownerDb().query<{ icao: string }>(
      `INSERT INTO airports (icao, name, city, country, latitude, longitude, elevation_ft, timezone)
       SELECT $1, 'Test field', NULL, NULL, latitude, longitude, elevation_ft, timezone
       FROM airports WHERE icao ~ '^[A-Z]{4}$' AND timezone IS NOT NULL ORDER BY random() LIMIT 1
       ON CONFLICT DO NOTHING RETURNING icao`,
      [code],
    );
    if (row) codes.push(row.icao);
  }
  return codes;
}

export interface Crew {
  student: TestUser;
  instructor: TestUser;
}

/** A student and an instructor who are available around the clock, every day. */
export async function makeCrew(level: "STUDENT_PILOT" | "PRIVATE_PILOT" | "INSTRUMENT_RATED" = "STUDENT_PILOT"): Promise<Crew> {
  const [student, instructor] = await Promise.all([makeUser("STUDENT", { training_level: level }), makeUser("INSTRUCTOR")]);
  await ownerDb().query(
    `INSERT INTO availability_patterns (user_id, day_of_week, start_time, end_time)
     SELECT u, d, '00:00', '24:00' FROM unnest($1::uuid[]) u CROSS JOIN generate_series(0, 6) d`,
    [[student.user.id, instructor.user.id]],
  );
  return { student, instructor };
}

/**
 * A booking inserted directly, as the bookings endpoints would store it. Tests place these years
 * ahead (past the booking horizon) to keep clear of each other, so they pass the rules as an
 * admin's override would.
 */
export async function insertBooking(
  crew: Crew,
  fields: { at: Date; from: string; to?: string; minutes?: number; status?: string; level?: string },
): Promise<{ id: string; ends_at: Date }> {
  const [row] = await ownerDb().query<{ id: string; ends_at: Date }>(
    `INSERT INTO bookings (student_id, instructor_id, departure_airport, arrival_airport, departure_latitude,
       departure_longitude, arrival_latitude, arrival_longitude, scheduled_at, duration_minutes, status, training_level,
       risk_reasons, rules_overridden)
     SELECT $1, $2, d.icao, a.icao, d.latitude, d.longitude, a.latitude, a.longitude, $5, $6, $7, $8,
            CASE WHEN $7 = 'AT_RISK' THEN '{weather}'::text[] ELSE '{}' END, true
     FROM airports d, airports a WHERE d.icao = $3 AND a.icao = $4
     RETURNING id, ends_at`,
    [
      crew.student.user.id,
      crew.instructor.user.id,
      fields.from,
      fields.to ?? fields.from,
      fields.at.toISOString(),
      fields.minutes ?? 60,
      fields.status ?? "CONFIRMED",
      fields.level ?? crew.student.user.training_level,
    ],
  );
  return row!;
}

/** Whole hours from now, on the hour, so slots line up with the 30-minute option grid. */
export function hoursFromNow(h: number): Date {
  const d = new Date(Date.now() + h * 3_600_000);
  d.setUTCMinutes(0, 0, 0);
  return d;
}
