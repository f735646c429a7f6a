import { call } from "../../support/api";
import { ownerDb } from "../../support/db";
import { makeUser, type TestUser } from "../../support/users";

/** An instructor available around the clock, every day (UTC), so only bookings get in the way. */
export async function makeAvailableInstructor(): Promise<TestUser> {
  const instructor = await makeUser("INSTRUCTOR");
  await ownerDb().query(
    `INSERT INTO availability_patterns (user_id, day_of_week, start_time, end_time)
     SELECT $1, d, '00:00', '24:00' FROM generate_series(0, 6) d`,
    [instructor.user.id],
  );
  // A current flight instructor, so lessons carry no instructor_certificate warning.
  await ownerDb().query("INSERT INTO user_qualifications (user_id, kind) VALUES ($1, 'CFI_CERTIFICATE')", [instructor.user.id]);
  return instructor;
}

export async function makeAircraft(status: "AVAILABLE" | "MAINTENANCE" | "RETIRED" = "AVAILABLE"): Promise<string> {
  const tail = `N${crypto.randomUUID().replaceAll("-", "").slice(0, 8).toUpperCase()}`;
  const [row] = await ownerDb().query<{ id: string }>(
    "INSERT INTO aircraft (tail_number, type_code, home_airport, status) VALUES ($1, 'C172', 'KJFK', $2) RETURNING id",
    [tail, status],
  );
  return row!.id;
}

/**
 * Days ahead no other test uses (a random week within the booking horizon of 365 days), 10:00 UTC,
 * three days apart, so overlaps in a test are only the ones it makes.
 */
export const nextSlot = (() => {
  let n = 0;
  const today = new Date();
  const base = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 7, 10)
    + Math.floor(Math.random() * 30) * 7 * 86_400_000;
  return () => new Date(base + n++ * 3 * 86_400_000);
})();

export const at = (start: Date, minutes: number) => new Date(start.getTime() + minutes * 60_000).toISOString();

export interface BookingBody {
  student_id: string;
  instructor_id: string;
  aircraft_id?: string | null;
  departure_airport?: string;
  arrival_airport?: string;
  scheduled_at: string;
  duration_minutes?: number;
  override_availability?: boolean;
  override_rules?: boolean;
}

export const book = (token: string, body: BookingBody, headers: Record<string, string> = {}) =>
  call("/v1/bookings", {
    method: "POST",
    token,
    headers,
    body: { departure_airport: "KJFK", arrival_airport: "KBOS", ...body },
  });

/** The cast of the role matrices: one of each role, plus a stranger of each of the two non-admin roles. */
export type Actor = "admin" | "student" | "instructor" | "otherStudent" | "otherInstructor";
export const actors: Actor[] = ["admin", "student", "instructor", "otherStudent", "otherInstructor"];

export async function makeCast(): Promise<Record<Actor, TestUser>> {
  const [admin, student, instructor, otherStudent, otherInstructor] = await Promise.all([
    makeUser("ADMIN"),
    makeUser("STUDENT"),
    makeAvailableInstructor(),
    makeUser("STUDENT"),
    makeAvailableInstructor(),
  ]);
  return { admin, student, instructor, otherStudent, otherInstructor };
}
