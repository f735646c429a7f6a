import { call } from "../../support/api";
import { ownerDb } from "../../support/db";

const tail = () => `N${crypto.randomUUID().replace(/-/g, "").slice(0, 8).toUpperCase()}`;

/** An aircraft added through the API, with its meters where a test wants them. */
export async function addAircraft(
  adminToken: string,
  fields: { type_code?: string; hobbs_hours?: number; tach_hours?: number } = {},
): Promise<Record<string, any>> {
  const res = await call("/v1/aircraft", {
    method: "POST",
    token: adminToken,
    body: { tail_number: tail(), type_code: fields.type_code ?? "C172", home_airport: "KJFK", ...fields },
  });
  if (res.status !== 201) throw new Error(`aircraft not added: ${res.status} ${res.text}`);
  return res.body;
}

export const addItem = (adminToken: string, aircraftId: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  call(`/v1/aircraft/${aircraftId}/maintenance-items`, { method: "POST", token: adminToken, body, headers });

export const fileSquawk = (token: string, aircraftId: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  call(`/v1/aircraft/${aircraftId}/squawks`, { method: "POST", token, body, headers });

export const resolve = (adminToken: string, aircraftId: string, squawkId: string, body: Record<string, unknown>) =>
  call(`/v1/aircraft/${aircraftId}/squawks/${squawkId}/resolve`, { method: "POST", token: adminToken, body });

export const aircraftNow = async (token: string, id: string) => (await call(`/v1/aircraft/${id}`, { token })).body;

/** Today's date (UTC) moved by whole months and days, as YYYY-MM-DD. */
export function dateFromToday(months: number, days = 0): string {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, now.getUTCDate() + days));
  return d.toISOString().slice(0, 10);
}

export async function bookingsOf(ids: string[]) {
  const rows = await ownerDb().query<{ id: string; status: string; risk_reasons: string[] }>(
    "SELECT id, status, risk_reasons FROM bookings WHERE id = ANY($1)",
    [ids],
  );
  return Object.fromEntries(rows.map((r) => [r.id, { status: r.status, risk_reasons: r.risk_reasons }]));
}

export async function notificationsOf(bookingId: string, type = "AIRCRAFT_GROUNDED") {
  return ownerDb().query<{ user_id: string }>("SELECT user_id FROM notifications WHERE booking_id = $1 AND type = $2 ORDER BY user_id", [
    bookingId,
    type,
  ]);
}

/** Whole hours from now (on the hour): near enough that every maintenance item is still in date. */
export function hoursAhead(h: number): Date {
  const d = new Date(Date.now() + h * 3_600_000);
  d.setUTCMinutes(0, 0, 0);
  return d;
}

/** A booking stored directly (e.g. one already flown or cancelled), as the endpoints would store it. */
export async function insertBooking(fields: {
  studentId: string;
  instructorId: string;
  aircraftId: string;
  at: Date;
  minutes?: number;
  status?: string;
  riskReasons?: string[];
}): Promise<string> {
  const status = fields.status ?? "CONFIRMED";
  const [row] = await ownerDb().query<{ id: string }>(
    `INSERT INTO bookings (student_id, instructor_id, aircraft_id, departure_airport, arrival_airport, departure_latitude,
       departure_longitude, arrival_latitude, arrival_longitude, scheduled_at, duration_minutes, status, training_level,
       risk_reasons)
     SELECT $1, $2, $3, d.icao, d.icao, d.latitude, d.longitude, d.latitude, d.longitude, $4, $5, $6, 'STUDENT_PILOT', $7
     FROM airports d WHERE d.icao = 'KJFK'
     RETURNING id`,
    [fields.studentId, fields.instructorId, fields.aircraftId, fields.at.toISOString(), fields.minutes ?? 60, status,
     fields.riskReasons ?? []],
  );
  return row!.id;
}
