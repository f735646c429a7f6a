import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { REPO_ROOT } from "../../dev/migrate";

const ownerUrl = inject("bindings").TEST_OWNER_DATABASE_URL;
const scratch = `skyslot_cli_${process.pid}_${Date.now()}`;
const scratchUrl = (() => {
  const url = new URL(ownerUrl);
  url.pathname = `/${scratch}`;
  return url.toString();
})();
let dir: string;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `npm run db -- ...` the way a person would, against the scratch database. */
function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      join(REPO_ROOT, "node_modules", ".bin", "tsx"),
      [join(REPO_ROOT, "dev", "cli.ts"), ...args],
      { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: scratchUrl, ENVIRONMENT: "development", ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

async function query<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: scratchUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

async function owner(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "skyslot-cli-"));
  await owner(`CREATE DATABASE ${scratch}`);
  const migrated = await cli(["migrate"]);
  expect(migrated.code).toBe(0);
}, 120_000);

afterAll(async () => {
  await owner(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
  await rm(dir, { recursive: true, force: true });
});

// Every case spawns the CLI a few times (about 1-2 s each to start).
describe("npm run db", { timeout: 120_000 }, () => {
  it("lists every command in --help, and exits 2 for an unknown one", async () => {
    const help = await cli(["--help"]);
    expect(help.code).toBe(0);
    for (const command of ["backup <file>", "restore <file>", "reset --confirm", "validate", "cleanup --days N", "optimize", "stats"]) {
      expect(help.stdout).toContain(command);
    }
    const unknown = await cli(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    const commandHelp = await cli(["cleanup", "--help"]);
    expect(commandHelp.stdout).toContain("Usage: npm run db -- cleanup --days N");
  });

  it("validate passes on a consistent database and exits 1 naming the failed check", async () => {
    const ok = await cli(["validate"]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/all \d+ integrity checks passed/);

    // A stuck job run (a crash left it RUNNING two hours ago).
    await query("INSERT INTO job_runs (job, scheduled_for, started_at) VALUES ('weather', now() - interval '2 hours', now() - interval '2 hours')");
    const failed = await cli(["validate"]);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/FAIL\s+job_runs_stuck_running\s+1/);
    expect(failed.stderr).toMatch(/1 of \d+ integrity check\(s\) failed/);
    await query("DELETE FROM job_runs");
  });

  it("cleanup deletes only what is older than N days", async () => {
    const [user] = await query<{ id: string }>(
      "INSERT INTO users (auth_subject, email, first_name, last_name, role) VALUES ('cli|a', 'a@example.test', 'A', 'B', 'ADMIN') RETURNING id",
    );
    await query(
      `INSERT INTO notifications (user_id, type, title, read_at, created_at) VALUES
         ($1, 'CONFIRMATION', 'old read', now() - interval '40 days', now() - interval '41 days'),
         ($1, 'CONFIRMATION', 'new read', now() - interval '1 day', now() - interval '41 days'),
         ($1, 'CONFIRMATION', 'old unread', NULL, now() - interval '60 days')`,
      [user!.id],
    );
    await query(
      `INSERT INTO idempotency_keys (user_id, key, method, path, request_hash, created_at, expires_at) VALUES
         ($1, 'old', 'POST', '/v1/users', 'h', now() - interval '50 days', now() - interval '49 days'),
         ($1, 'live', 'POST', '/v1/users', 'h', now(), now() + interval '1 day')`,
      [user!.id],
    );
    await query("SELECT system_logs_ensure_partitions((now() AT TIME ZONE 'UTC')::date - 45, 1)");

    expect((await cli(["cleanup"])).code).not.toBe(0);
    expect((await cli(["cleanup", "--days", "0"])).code).not.toBe(0);
    const run = await cli(["cleanup", "--days", "30"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/deleted 1 read notification\(s\) and 1 expired idempotency key\(s\); dropped [1-9]\d* system log partition/);
    expect((await query<{ title: string }>("SELECT title FROM notifications ORDER BY title")).map((r) => r.title)).toEqual(["new read", "old unread"]);
    expect((await query<{ key: string }>("SELECT key FROM idempotency_keys")).map((r) => r.key)).toEqual(["live"]);
    const partitions = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       WHERE i.inhparent = 'system_logs'::regclass
         AND CASE WHEN c.relname ~ '^system_logs_p[0-9]{8}$'
                  THEN to_date(substr(c.relname, 14), 'YYYYMMDD') < (now() AT TIME ZONE 'UTC')::date - 30 END`,
    );
    expect(partitions[0]!.n).toBe(0);
  });

  it("stats and optimize report on every table", async () => {
    const stats = await cli(["stats"]);
    expect(stats.code).toBe(0);
    expect(stats.stdout).toMatch(/^users\s+\d+\s+[\d.]+ KiB$/m);
    expect(stats.stdout).toContain("database size:");
    expect(stats.stdout).toMatch(/buffer cache hit ratio: \d+\.\d\d%/);
    const json = JSON.parse((await cli(["stats", "--json"])).stdout);
    expect(json.tables.map((t: { name: string }) => t.name)).toContain("bookings");

    const optimize = await cli(["optimize"]);
    expect(optimize.code).toBe(0);
    expect(optimize.stderr).toMatch(/\[\d+\/\d+\] bookings in \d+ ms/);
    expect(optimize.stdout).toMatch(/vacuumed and analyzed \d+ tables/);
    const analyzed = await query<{ last: Date | null }>("SELECT greatest(last_vacuum, last_autovacuum) AS last FROM pg_stat_user_tables WHERE relname = 'bookings'");
    expect(analyzed[0]!.last).not.toBeNull();
  });

  it("backup and restore round-trip through reset", async () => {
    const file = join(dir, "db.backup");
    const backedUp = await cli(["backup", file]);
    expect(backedUp.code).toBe(0);
    expect(backedUp.stdout).toMatch(/backed up \d+ row\(s\) from \d+ tables/);
    expect((await cli(["backup", file])).code).toBe(1);
    // Not into a database that is in use.
    const refused = await cli(["restore", file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("already holds users");

    expect((await cli(["reset", "--confirm"])).code).toBe(0);
    expect(await query("SELECT 1 FROM users")).toEqual([]);
    const restored = await cli(["restore", file]);
    expect(restored.code).toBe(0);
    expect((await query<{ auth_subject: string }>("SELECT auth_subject FROM users")).map((u) => u.auth_subject)).toEqual(["cli|a"]);
    expect((await cli(["restore", join(dir, "missing.backup")])).code).toBe(1);
  });

  it("reset refuses without --confirm and in production, dropping nothing", async () => {
    const unconfirmed = await cli(["reset"]);
    expect(unconfirmed.code).not.toBe(0);
    expect(unconfirmed.stderr).toContain("--confirm");
    const production = await cli(["reset", "--confirm"], { ENVIRONMENT: "production" });
    expect(production.code).not.toBe(0);
    expect(production.stderr).toContain("production");
    expect((await query("SELECT 1 FROM users")).length).toBe(1);

    const reset = await cli(["reset", "--confirm"]);
    expect(reset.code).toBe(0);
    expect(reset.stdout).toMatch(/database reset: \d+ migration\(s\) applied/);
    expect(await query("SELECT 1 FROM users")).toEqual([]);
    expect((await cli(["status"])).stdout).toContain("pending (0)");
  });
});
