import { env } from "cloudflare:workers";
import type { Bindings } from "../../src/env";
import type { JobContext } from "../../src/jobs/job";
import { ownerDb, testServices } from "../support/db";
import { hoursFromNow, insertBooking, makeCrew } from "../routes/weather/fake-provider";

/** What the runner hands a job, as the Worker's role, for calling a job function directly. */
export function jobContext(now: Date, bindings: Bindings = env): JobContext {
  return { ...testServices(bindings), now };
}

/** A distinct firing time near `base`, so runs of different tests never share a job_runs claim. */
export function firing(base = Date.now()): Date {
  return new Date(base + Math.floor(Math.random() * 1_000_000));
}

/** A booking waiting on preferences due at `deadline`; the student may already have ranked. */
export async function waitingBooking(airport: string, deadline: Date, studentRanked: boolean) {
  const crew = await makeCrew();
  const booking = await insertBooking(crew, { at: hoursFromNow(30), from: airport, status: "RESCHEDULING" });
  const [option] = await ownerDb().query<{ id: string }>(
    `INSERT INTO reschedule_options (booking_id, position, suggested_at, ends_at, confidence, weather_status, reasons)
     VALUES ($1, 1, $2, $3, 0.8, 'OK', '["Forecast within minimums"]') RETURNING id`,
    [booking.id, hoursFromNow(50).toISOString(), hoursFromNow(51).toISOString()],
  );
  await ownerDb().query(
    `INSERT INTO preference_rankings (booking_id, party, deadline, submitted_at, ranked_option_ids)
     VALUES ($1, 'STUDENT', $2, CASE WHEN $3 THEN now() END, CASE WHEN $3 THEN ARRAY[$4::uuid] ELSE '{}' END),
            ($1, 'INSTRUCTOR', $2, NULL, '{}')`,
    [booking.id, deadline.toISOString(), studentRanked, option!.id],
  );
  return { crew, booking };
}
