import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { backup, restore } from "../../dev/backup";
import { migrateUp, migrationStatus } from "../../dev/migrate";
import { seedDevUsers, seedReference } from "../../dev/seed";
import { withClient } from "../../dev/stack";

const ownerUrl = inject("bindings").TEST_OWNER_DATABASE_URL;
const tag = `${process.pid}_${Date.now()}`;
const names = { source: `skyslot_backup_src_${tag}`, target: `skyslot_backup_dst_${tag}`, spare: `skyslot_backup_spare_${tag}` };
/** Databases with nothing in them, not even migrations. */
const blank = { fresh: `skyslot_backup_fresh_${tag}`, unreachable: `skyslot_backup_unreach_${tag}` };
const urlOf = (db: string) => {
  const url = new URL(ownerUrl);
  url.pathname = `/${db}`;
  return url.toString();
};
let dir: string;

/** Every row of every table (and every sequence) as one fingerprint per table. */
async function fingerprint(url: string): Promise<Record<string, string>> {
  return withClient(url, async (c) => {
    const tables = await c.query<{ name: string }>(
      `SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p')
         AND NOT relispartition AND relname <> 'pgmigrations' ORDER BY 1`,
    );
    const result: Record<string, string> = {};
    for (const { name } of tables.rows) {
      const { rows } = await c.query<{ h: string }>(
        `SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS h FROM public.${c.escapeIdentifier(name)} t`,
      );
      result[name] = rows[0]!.h;
    }
    const seqs = await c.query<{ name: string }>(
      "SELECT relname AS name FROM pg_class WHERE relkind = 'S' AND relnamespace = 'public'::regnamespace AND relname <> 'pgmigrations_id_seq'",
    );
    for (const { name } of seqs.rows) {
      const { rows } = await c.query(`SELECT last_value, is_called FROM public.${c.escapeIdentifier(name)}`);
      result[`sequence ${name}`] = JSON.stringify(rows[0]);
    }
    return result;
  });
}

/** Data touching every feature a restore must get right. */
async function fill(url: string): Promise<void> {
  await withClient(url, async (c) => {
    await seedReference(c);
    await seedDevUsers(c);
    await c.query("BEGIN");
    const people = await c.query<{ id: string; role: string }>("SELECT id, role FROM users ORDER BY auth_subject");
    const student = people.rows.find((p) => p.role === "STUDENT")!.id;
    const instructor = people.rows.find((p) => p.role === "INSTRUCTOR")!.id;
    const odd = "tab\there, new\nline, back\\slash, quote ' \" and ünïcødé ✈";
    await c.query(
      `INSERT INTO users (auth_subject, email, first_name, last_name, role, training_level, phone_number)
       VALUES ('backup|odd', 'odd@example.test', $1, 'Zero\\.', 'STUDENT', 'PRIVATE_PILOT', NULL)`,
      [odd],
    );
    const aircraft = await c.query<{ id: string }>(
      "INSERT INTO aircraft (tail_number, type_code, home_airport, crosswind_limit_kt) VALUES ('N-BACKUP', (SELECT min(code) FROM aircraft_types), 'KJFK', 15) RETURNING id",
    );
    // A reschedule chain: the original points forward (deferred key) and the replacement back.
    const original = crypto.randomUUID();
    const replacement = crypto.randomUUID();
    const booking = `INSERT INTO bookings (id, student_id, instructor_id, aircraft_id, departure_airport, arrival_airport,
        departure_latitude, departure_longitude, arrival_latitude, arrival_longitude, scheduled_at, ends_at,
        duration_minutes, status, training_level, original_booking_id, rescheduled_to, weather_status, cancel_reason,
        rules_overridden)
      VALUES ($1, $2, $3, $4, 'KJFK', 'KBOS', 40.63980103, -73.77890015, 42.36429977, -71.00520325, $5, $5, 90, $6,
              'STUDENT_PILOT', $7, $8, $9, $10, true)`; // 2031 is past the booking horizon: placed as an admin's override
    await c.query(booking, [original, student, instructor, aircraft.rows[0]!.id, "2031-05-01T14:00:00.123456Z", "RESCHEDULED", null, replacement, "VIOLATION", null]);
    await c.query(booking, [replacement, student, instructor, aircraft.rows[0]!.id, "2031-05-02T14:00:00Z", "CONFIRMED", original, null, "OK", null]);
    await c.query(booking, [crypto.randomUUID(), student, instructor, null, "2031-05-03T09:15:00Z", "CANCELLED", null, null, null, odd]);
    const option = await c.query<{ id: string }>(
      `INSERT INTO reschedule_options (booking_id, position, suggested_at, ends_at, confidence, weather_status, reasons)
       VALUES ($1, 1, '2031-05-02T14:00:00Z', '2031-05-02T15:30:00Z', 0.875, 'OK', '["clear", "free"]') RETURNING id`,
      [original],
    );
    await c.query(
      `INSERT INTO preference_rankings (booking_id, party, ranked_option_ids, deadline, submitted_at)
       VALUES ($1, 'STUDENT', ARRAY[$2::uuid], '2031-05-01T13:30:00Z', '2031-04-30T10:00:00Z')`,
      [original, option.rows[0]!.id],
    );
    await c.query(
      `INSERT INTO notifications (user_id, type, booking_id, title, body, data, dedupe_key, read_at)
       VALUES ($1, 'CONFIRMATION', $2, 'Rebooked', $3, '{"nested": {"a": [1, 2.5, null]}}', 'backup-test', now())`,
      [student, replacement, odd],
    );
    await c.query(
      "INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata) VALUES ('booking', $1, 'booking.rescheduled', $2, '{\"to\": 1}')",
      [original, instructor],
    );
    // Today's partition, a day without one (default partition) and structured data.
    await c.query(
      `INSERT INTO system_logs (created_at, level, event, message, request_id, data) VALUES
         (now(), 'error', 'unexpected_error', $1, 'req-1', '{"k": "v"}'),
         (now() - interval '400 days', 'info', 'old', NULL, NULL, '{}')`,
      [odd],
    );
    await c.query(
      `INSERT INTO job_runs (job, scheduled_for, finished_at, status, stats, error)
       VALUES ('cleanup', '2031-01-01T03:00:00Z', now(), 'FAILED', '{"deleted": 3}', $1)`,
      [odd],
    );
    await c.query(
      `INSERT INTO metric_rollups (period, period_start, metric, dimensions, value)
       VALUES ('weekly', '2031-03-03', 'bookings', '{"airport": "KJFK"}', 0.1), ('daily', '2031-03-04', 'x', '{}', 1e-20)`,
    );
    await c.query("UPDATE settings SET value = jsonb_set(value, '{STUDENT_PILOT,wind_max_kt}', '12') WHERE key = 'weather_minimums'");
    await c.query(
      `INSERT INTO weather_forecasts (airport, issue_time, valid_from, valid_to, forecast)
       VALUES ('KJFK', now(), now(), now() + interval '1 day', '{"fcsts": [{"visib": "6+", "wspd": 12}]}')`,
    );
    await c.query("COMMIT");
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "skyslot-backup-"));
  await withClient(ownerUrl, async (c) => {
    for (const db of [...Object.values(names), ...Object.values(blank)]) await c.query(`CREATE DATABASE ${db}`);
  });
  await Promise.all(Object.values(names).map((db) => migrateUp(urlOf(db))));
}, 120_000);

afterAll(async () => {
  await withClient(ownerUrl, async (c) => {
    for (const db of [...Object.values(names), ...Object.values(blank)]) await c.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  });
  await rm(dir, { recursive: true, force: true });
});

describe("backup and restore", { timeout: 120_000 }, () => {
  it("restores every row of every table, and every sequence, exactly", async () => {
    await fill(urlOf(names.source));
    const file = join(dir, "full.backup");
    const progress: string[] = [];
    const header = await backup(urlOf(names.source), file, (l) => progress.push(l));
    expect(header.migrations.length).toBeGreaterThan(0);
    expect(header.tables.find((t) => t.name === "bookings")?.rows).toBe(3);
    expect(progress.some((l) => l.includes("bookings: 3 row(s)"))).toBe(true);
    await expect(backup(urlOf(names.source), file)).rejects.toThrow(/already exists/);

    // The target already has reference data from seeding: restore replaces it.
    await withClient(urlOf(names.target), (c) => seedReference(c));
    await restore(urlOf(names.target), file);

    const [before, after] = await Promise.all([fingerprint(urlOf(names.source)), fingerprint(urlOf(names.target))]);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const table of Object.keys(before)) expect({ table, rows: after[table] }).toEqual({ table, rows: before[table] });
    expect(before.bookings).toMatch(/^3:/);
    expect(before.system_logs).toMatch(/^2:/);

    await withClient(urlOf(names.target), async (c) => {
      // New rows continue the restored identity sequence instead of colliding with restored ids.
      const max = await c.query<{ id: string }>("SELECT max(id)::text AS id FROM system_logs");
      const next = await c.query<{ id: string }>("INSERT INTO system_logs (level, event) VALUES ('info', 'after') RETURNING id::text");
      expect(BigInt(next.rows[0]!.id)).toBeGreaterThan(BigInt(max.rows[0]!.id));
      // The audit log is still append-only after a restore.
      await expect(c.query("DELETE FROM audit_log")).rejects.toThrow(/append-only/);
    });

    // A database in use is never overwritten.
    await expect(restore(urlOf(names.target), file)).rejects.toThrow(/already holds users/);
  });

  it("a damaged file changes nothing", async () => {
    const file = join(dir, "full.backup");
    const text = await readFile(file, "utf8");
    const cut = join(dir, "truncated.backup");
    // Cut inside the users section.
    await writeFile(cut, text.slice(0, text.indexOf('{"table":"users"') + 200));
    const spare = urlOf(names.spare);
    const before = await fingerprint(spare);
    await expect(restore(spare, cut)).rejects.toThrow(/truncated/);
    expect(await fingerprint(spare)).toEqual(before);

    const notBackup = join(dir, "other.txt");
    await writeFile(notBackup, "hello\n");
    await expect(restore(spare, notBackup)).rejects.toThrow(/not a skyslot backup/);

    const otherLevel = join(dir, "level.backup");
    const [first, ...rest] = text.split("\n");
    const header = JSON.parse(first!);
    header.migrations = header.migrations.slice(0, -1);
    await writeFile(otherLevel, [JSON.stringify(header), ...rest].join("\n"));
    await expect(restore(spare, otherLevel)).rejects.toThrow(/migration level/);
  });

  it("migrates a database with no migrations to the backup's level first, and says so", async () => {
    const file = join(dir, "full.backup");
    const said: string[] = [];
    await restore(urlOf(blank.fresh), file, (line) => said.push(line));
    expect(said[0]).toMatch(/had no migrations: migrated it to the backup's level \d+_\w+ first \(\d+ migration\(s\)\)/);
    const [source, restored] = await Promise.all([fingerprint(urlOf(names.source)), fingerprint(urlOf(blank.fresh))]);
    expect(restored).toEqual(source);
    expect((await migrationStatus(urlOf(blank.fresh))).applied).toEqual((await migrationStatus(urlOf(names.source))).applied);

    // A level this checkout cannot reach is refused before anything is applied.
    const text = await readFile(file, "utf8");
    const [first, ...rest] = text.split("\n");
    const header = JSON.parse(first!);
    header.migrations = [...header.migrations, "999_from_a_newer_checkout"];
    const newer = join(dir, "newer.backup");
    await writeFile(newer, [JSON.stringify(header), ...rest].join("\n"));
    await expect(restore(urlOf(blank.unreachable), newer)).rejects.toThrow(/cannot be reached from here: .*999_from_a_newer_checkout/);
    expect((await migrationStatus(urlOf(blank.unreachable))).applied).toEqual([]);
  });
});
