import { describe, expect, it } from "vitest";
import { notifyMaintenanceDue } from "../../src/jobs/cleanup";
import { ownerDb } from "../support/db";
import { makeUser } from "../support/users";
import { jobContext } from "./context";

/** A night in the 1970s no other test touches: only items added before it are judged. */
const now = new Date(Date.UTC(1971, 0, 1) + Math.floor(Math.random() * 3_000) * 86_400_000 + 3 * 3_600_000);
const daysBefore = (d: number) => new Date(now.getTime() - d * 86_400_000);

async function item(aircraftId: string, fields: Record<string, unknown>) {
  const [row] = await ownerDb().query<{ id: string }>(
    `INSERT INTO maintenance_items (aircraft_id, name, interval_hours, interval_months, last_done_tach, last_done_on, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [aircraftId, fields.name, fields.interval_hours ?? null, fields.interval_months ?? null, fields.last_done_tach ?? null,
     fields.last_done_on ?? null, daysBefore(400).toISOString()],
  );
  return row!.id;
}

const noticesOf = async (adminId: string, itemId: string) =>
  ownerDb().query("SELECT title, body FROM notifications WHERE user_id = $1 AND type = 'MAINTENANCE_DUE' AND data ->> 'item_id' = $2", [
    adminId,
    itemId,
  ]);

describe("cleanup job: MAINTENANCE_DUE", () => {
  it("tells each admin once when an item turns due soon, by hours or by days, and again after a completion", async () => {
    const admin = await makeUser("ADMIN");
    const [plane] = await ownerDb().query<{ id: string }>(
      "INSERT INTO aircraft (tail_number, type_code, home_airport, tach_hours) VALUES ($1, 'C172', 'KJFK', 1000) RETURNING id",
      [`N${crypto.randomUUID().replace(/-/g, "").slice(0, 8).toUpperCase()}`],
    );
    const byHours = await item(plane!.id, { name: "100-hour", interval_hours: 100, last_done_tach: 905 });
    const byDays = await item(plane!.id, { name: "Annual", interval_months: 12, last_done_on: daysBefore(380).toISOString().slice(0, 10) });
    const fine = await item(plane!.id, { name: "Oil change", interval_hours: 50, last_done_tach: 990 });

    const db = jobContext(now).db;
    const runs = await Promise.all([notifyMaintenanceDue(db, now), notifyMaintenanceDue(db, now)]);
    // Two runs at once turn each item due once between them.
    expect(runs.reduce((a, b) => a + b, 0)).toBe(2);
    const hoursNotice = await noticesOf(admin.user.id, byHours);
    expect(hoursNotice).toEqual([{ title: expect.stringContaining("Maintenance due"), body: expect.stringContaining("5.0 h left") }]);
    expect(await noticesOf(admin.user.id, byDays)).toHaveLength(1);
    expect(await noticesOf(admin.user.id, fine)).toEqual([]);

    await notifyMaintenanceDue(db, now);
    expect(await noticesOf(admin.user.id, byHours)).toHaveLength(1);

    // Completed but still close to due: a new round, one more notice.
    await ownerDb().query("UPDATE maintenance_items SET last_done_tach = 908, due_notified_at = NULL WHERE id = $1", [byHours]);
    await notifyMaintenanceDue(db, now);
    expect(await noticesOf(admin.user.id, byHours)).toHaveLength(2);
  });
});
