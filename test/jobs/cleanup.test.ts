import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { runJob } from "../../src/jobs/registry";
import { ownerDb } from "../support/db";
import { makeUser } from "../support/users";
import { insertBooking, makeCrew, randomAirports } from "../routes/weather/fake-provider";

/** A night in the 1980s no other test touches, so every count below is this test's own. */
const now = new Date(Date.UTC(1981, 0, 1) + Math.floor(Math.random() * 3_000) * 86_400_000 + 3 * 3_600_000);
const at = (hoursFromNow: number) => new Date(now.getTime() + hoursFromNow * 3_600_000);
const day = (d: Date) => d.toISOString().slice(0, 10);

describe("cleanup job", () => {
  it("completes flown bookings, prunes old rows and writes the rollups of the day before", async () => {
    const [airport] = await randomAirports(1);
    const crew = await makeCrew();
    const db = ownerDb();
    // Yesterday (UTC) 10:00-11:00, flown; yesterday 14:00, waiting on an admin; tomorrow.
    const yesterday = new Date(`${day(at(-24))}T10:00:00.000Z`);
    const flown = await insertBooking(crew, { at: yesterday, from: airport! });
    const stuck = await insertBooking(crew, { at: new Date(yesterday.getTime() + 4 * 3_600_000), from: airport!, status: "RESCHEDULING" });
    const upcoming = await insertBooking(crew, { at: at(24), from: airport! });
    const replaced = await insertBooking(crew, { at: at(-24 * 40), from: airport!, status: "CANCELLED" });

    // The day's story in the audit log: an alert at 10:00 resolved at 11:30 (90 minutes).
    await db.query(
      `INSERT INTO audit_log (entity_type, entity_id, action, created_at) VALUES
         ('booking', $1, 'booking.weather_at_risk', $2), ('booking', $1, 'booking.rescheduled', $3)`,
      [crypto.randomUUID(), yesterday.toISOString(), new Date(yesterday.getTime() + 90 * 60_000).toISOString()],
    );
    const student = crew.student.user.id;
    const [oldRead, oldUnread, recentRead] = await db.query<{ id: string }>(
      `INSERT INTO notifications (user_id, type, title, created_at, read_at) VALUES
         ($1, 'CONFIRMATION', 'old read', $2, $2), ($1, 'CONFIRMATION', 'old unread', $2, NULL),
         ($1, 'WEATHER_ALERT', 'yesterday', $3, $3), ($1, 'WEATHER_ALERT', 'yesterday', $3, NULL)
       RETURNING id`,
      [student, at(-24 * 100).toISOString(), new Date(yesterday.getTime() + 3_600_000).toISOString()],
    );
    await db.query(
      `INSERT INTO reschedule_options (booking_id, position, suggested_at, ends_at, confidence, weather_status, created_at)
       VALUES ($1, 1, $2, $3, 0.5, 'OK', $4), ($5, 1, $2, $3, 0.5, 'OK', $4)`,
      [replaced.id, at(-24 * 39).toISOString(), at(-24 * 39 + 1).toISOString(), at(-24 * 40).toISOString(), stuck.id],
    );
    const owner = await makeUser("ADMIN");
    await db.query(
      `INSERT INTO idempotency_keys (user_id, key, method, path, request_hash, created_at, expires_at)
       VALUES ($1, 'old', 'POST', '/v1/bookings', 'h', $2, $3), ($1, 'live', 'POST', '/v1/bookings', 'h', $2, $4)`,
      [owner.user.id, at(-30).toISOString(), at(-6).toISOString(), at(6).toISOString()],
    );

    const run = await runJob("cleanup", now, env);
    expect(run, JSON.stringify(run)).toMatchObject({ status: "SUCCEEDED" });
    expect(run!.stats).toMatchObject({ bookings_completed: 1, notifications_deleted: 1, options_deleted: 1, idempotency_keys_deleted: 1 });

    const statuses = await db.query<{ id: string; status: string }>("SELECT id, status FROM bookings WHERE id = ANY($1)", [[flown.id, stuck.id, upcoming.id]]);
    expect(Object.fromEntries(statuses.map((r) => [r.id, r.status]))).toEqual({
      [flown.id]: "COMPLETED",
      [stuck.id]: "RESCHEDULING",
      [upcoming.id]: "CONFIRMED",
    });
    expect(await db.query("SELECT action FROM audit_log WHERE entity_id = $1", [flown.id])).toEqual([{ action: "booking.completed" }]);
    const left = await db.query<{ id: string }>("SELECT id FROM notifications WHERE id = ANY($1)", [[oldRead!.id, oldUnread!.id, recentRead!.id]]);
    expect(left.map((r) => r.id).sort()).toEqual([oldUnread!.id, recentRead!.id].sort());
    expect(await db.query("SELECT booking_id FROM reschedule_options WHERE booking_id = ANY($1)", [[replaced.id, stuck.id]])).toEqual([{ booking_id: stuck.id }]);
    expect(await db.query("SELECT key FROM idempotency_keys WHERE user_id = $1", [owner.user.id])).toEqual([{ key: "live" }]);

    const rollups = await db.query<{ metric: string; dimensions: Record<string, string>; value: string }>(
      "SELECT metric, dimensions, value::text AS value FROM metric_rollups WHERE period = 'daily' AND period_start = $1",
      [day(yesterday)],
    );
    const value = (metric: string, dimensions: Record<string, string> = {}) =>
      rollups.find((r) => r.metric === metric && JSON.stringify(r.dimensions) === JSON.stringify(dimensions))?.value;
    expect(value("bookings", { status: "COMPLETED" })).toBe("1");
    expect(value("bookings", { status: "RESCHEDULING" })).toBe("1");
    expect(value("bookings", { status: "CONFIRMED" })).toBe("0");
    expect(value("weather_alerts")).toBe("1");
    expect(value("reschedules_resolved")).toBe("1");
    expect(value("reschedules_escalated")).toBe("0");
    expect(value("alert_to_resolution_median_minutes")).toBe("90.0");
    expect(value("notifications_sent", { type: "WEATHER_ALERT" })).toBe("2");
    const periods = await db.query<{ period: string }>(
      "SELECT DISTINCT period FROM metric_rollups WHERE metric = 'weather_alerts' AND value = 1 AND period_start <= $1 AND period_start > $2",
      [day(yesterday), day(at(-24 * 32))],
    );
    expect(periods.map((p) => p.period).sort()).toEqual(["daily", "monthly", "weekly"]);

    // Run again (the next night's firing of the same day would be identical): nothing doubles.
    const again = await runJob("cleanup", new Date(now.getTime() + 1), env);
    expect(again!.stats).toMatchObject({ bookings_completed: 0, notifications_deleted: 0, rollups_written: 0 });
  });

  it("drops system log partitions past retention and creates the coming days'", async () => {
    const recent = new Date(Date.now() + Math.floor(Math.random() * 1_000_000));
    const run = await runJob("cleanup", recent, env);
    expect(run).toMatchObject({ status: "SUCCEEDED" });
    const parts = await ownerDb().query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       WHERE i.inhparent = 'system_logs'::regclass AND c.relname ~ '^system_logs_p[0-9]{8}$'`,
    );
    const days = parts.map((p) => p.name.slice(13));
    const ymd = (d: Date) => d.toISOString().slice(0, 10).replaceAll("-", "");
    expect(days).toContain(ymd(new Date(recent.getTime() + 13 * 86_400_000)));
    expect(days.every((d) => d >= ymd(new Date(recent.getTime() - 30 * 86_400_000)))).toBe(true);
  });
});
