import { call } from "../../support/api";
import { ownerDb } from "../../support/db";
import { makeUser, type TestUser } from "../../support/users";

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/**
 * An airport no booking departs from yet, so the only slots freed there, and the only standby
 * entries waiting there, are the test's own.
 */
export async function quietAirport(): Promise<string> {
  const [row] = await ownerDb().query<{ icao: string }>(
    `SELECT a.icao FROM airports a
     WHERE a.icao ~ '^[A-Z]{4}$'
       AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.departure_airport = a.icao)
       AND NOT EXISTS (SELECT 1 FROM standby_entries s WHERE s.departure_airport = a.icao)
     ORDER BY random() LIMIT 1`,
  );
  return row!.icao;
}

/**
 * A whole hour some weeks ahead (inside any booking horizon), a random one, so the test's
 * people are free then; each call a day later.
 */
export const upcomingHour = (() => {
  let n = 0;
  const base = Math.ceil((Date.now() + (20 + Math.random() * 200) * DAY) / HOUR) * HOUR;
  return () => new Date(base + n++ * DAY);
})();

export async function makeInstructor(): Promise<TestUser> {
  const instructor = await makeUser("INSTRUCTOR");
  await ownerDb().query(
    `INSERT INTO availability_patterns (user_id, day_of_week, start_time, end_time)
     SELECT $1, d, '00:00', '24:00' FROM generate_series(0, 6) d`,
    [instructor.user.id],
  );
  return instructor;
}

export async function makeAircraftAt(airport: string, status = "AVAILABLE"): Promise<string> {
  const tail = `N${crypto.randomUUID().replaceAll("-", "").slice(0, 8).toUpperCase()}`;
  const [row] = await ownerDb().query<{ id: string }>(
    "INSERT INTO aircraft (tail_number, type_code, home_airport, status) VALUES ($1, 'C172', $2, $3) RETURNING id",
    [tail, airport, status],
  );
  return row!.id;
}

export interface EntryBody {
  student_id: string;
  departure_airport: string;
  window_start: string;
  window_end: string;
  duration_minutes: number;
  instructor_id?: string | null;
  aircraft_type_code?: string | null;
  lesson_type?: string;
}

export const joinStandby = (token: string, body: EntryBody, headers: Record<string, string> = {}) =>
  call("/v1/standby", { method: "POST", token, body, headers });

/** A booking made through the API, departing and arriving at `airport`. */
export async function bookAt(
  token: string,
  fields: { student: TestUser; instructor: TestUser; airport: string; at: Date; minutes?: number; aircraftId?: string },
): Promise<string> {
  const res = await call("/v1/bookings", {
    method: "POST",
    token,
    body: {
      student_id: fields.student.user.id,
      instructor_id: fields.instructor.user.id,
      aircraft_id: fields.aircraftId ?? null,
      departure_airport: fields.airport,
      arrival_airport: fields.airport,
      scheduled_at: fields.at.toISOString(),
      duration_minutes: fields.minutes ?? 60,
    },
  });
  if (res.status !== 201) throw new Error(`booking failed: ${res.status} ${res.text}`);
  return String(res.body.id);
}

export const cancelBooking = (token: string, id: string) =>
  call(`/v1/bookings/${id}/cancel`, { method: "POST", token, body: { reason: "cannot make it", category: "STUDENT" } });

export interface EntryRow {
  id: string;
  student_id: string;
  status: string;
  booking_id: string | null;
}

export const entriesAt = (airport: string) =>
  ownerDb().query<EntryRow>(
    "SELECT id, student_id, status, booking_id FROM standby_entries WHERE departure_airport = $1 ORDER BY created_at, id",
    [airport],
  );

/** Bookings departing `airport` that are still active, with their people and times. */
export const activeBookingsAt = (airport: string) =>
  ownerDb().query<{ id: string; student_id: string; instructor_id: string; aircraft_id: string | null; scheduled_at: Date; ends_at: Date; created_by: string | null }>(
    `SELECT id, student_id, instructor_id, aircraft_id, scheduled_at, ends_at, created_by FROM bookings
     WHERE departure_airport = $1 AND status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING', 'DISPATCHED')
     ORDER BY scheduled_at, id`,
    [airport],
  );
