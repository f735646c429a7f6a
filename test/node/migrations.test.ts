import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { migrateDown, migrateUp, migrationStatus } from "../../dev/migrate";
import { withClient } from "../../dev/stack";

const ownerUrl = inject("bindings").TEST_OWNER_DATABASE_URL;
const scratch = `skyslot_migrations_${process.pid}_${Date.now()}`;
const scratchUrl = (() => {
  const url = new URL(ownerUrl);
  url.pathname = `/${scratch}`;
  return url.toString();
})();

const tables = (url: string) =>
  withClient(url, async (c) =>
    (
      await c.query<{ name: string }>(
        "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'pgmigrations' ORDER BY 1",
      )
    ).rows.map((r) => r.name),
  );

beforeAll(async () => {
  await withClient(ownerUrl, (c) => c.query(`CREATE DATABASE ${scratch}`));
});

afterAll(async () => {
  await withClient(ownerUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`));
});

describe("migrations", () => {
  it("migrate up, roll all the way back, and migrate up again", async () => {
    const applied = await migrateUp(scratchUrl);
    expect(applied.length).toBeGreaterThan(0);
    const created = await tables(scratchUrl);
    for (const table of [
      "users", "bookings", "availability_patterns", "availability_overrides", "reschedule_options",
      "preference_rankings", "notifications", "audit_log", "airports", "airlines", "aircraft_types", "aircraft",
      "flights", "analysis_results", "ingestion_logs", "system_logs", "job_runs", "metric_rollups",
    ]) {
      expect(created).toContain(table);
    }
    expect(await migrationStatus(scratchUrl)).toMatchObject({ pending: [] });

    const reverted = await migrateDown(scratchUrl, "all");
    expect(reverted).toEqual([...applied].reverse());
    expect(await tables(scratchUrl)).toEqual([]);
    expect((await migrationStatus(scratchUrl)).applied).toEqual([]);

    expect(await migrateUp(scratchUrl)).toEqual(applied);
    expect(await tables(scratchUrl)).toEqual(created);
  });

  it("warns when an applied migration file no longer matches what ran", async () => {
    await migrateUp(scratchUrl);
    const { applied } = await migrationStatus(scratchUrl);
    expect((await migrationStatus(scratchUrl)).changed).toEqual([]);
    await withClient(scratchUrl, (c) => c.query("UPDATE pgmigrations SET checksum = 'edited' WHERE name = $1", [applied[0]]));
    expect((await migrationStatus(scratchUrl)).changed).toEqual([applied[0]]);
  });

  it("two migrators at once queue on the lock instead of racing", async () => {
    await migrateDown(scratchUrl, "all");
    const [first, second] = await Promise.all([migrateUp(scratchUrl), migrateUp(scratchUrl)]);
    // One applied everything, the other waited and then found nothing left to do.
    expect([first.length, second.length].sort((a, b) => a - b)).toEqual([0, (await migrationStatus(scratchUrl)).applied.length]);
  });
});
