import { neon, NeonDbError, Pool } from "@neondatabase/serverless";
import { Redis } from "@upstash/redis/cloudflare";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createDb } from "../../src/db/client";
import { loadConfig } from "../../src/env";
import { ApiError } from "../../src/http/problem";
import { appDb, ownerDb, redisUp } from "../support/db";

const MiB = 1024 * 1024;
const unique = (prefix: string) => `${prefix}_${crypto.randomUUID().replaceAll("-", "")}`;

/** A connection string of its own (its own pool in the gateway), told apart in pg_stat_activity. */
function tagged(url: string, applicationName: string): string {
  const tagged = new URL(url);
  tagged.searchParams.set("application_name", applicationName);
  return tagged.href;
}

/** Waits for a condition the database reaches on its own; gives up after a bound, never asserts on time. */
async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`never happened: ${what}`);
}

// The local gateway stands in for Neon and Upstash in development and tests; these check that
// the unmodified drivers, inside workerd, get back what they would from the real services.
describe("local gateway: Neon SQL over HTTP", () => {
  it("round-trips Postgres types the way Neon does", async () => {
    const [row] = await appDb().query(
      `SELECT '2026-05-01T14:00:00.123456Z'::timestamptz AS ts, 12.345::numeric(10,3) AS num,
              '{"a":[1,"two",null],"b":{"c":true}}'::jsonb AS doc, ARRAY[1,2,3]::int[] AS ints,
              ARRAY['a,b', 'c"d', NULL]::text[] AS texts, '6f1c4e3e-0000-4000-8000-000000000001'::uuid AS id,
              NULL::text AS nothing, true AS yes, 9007199254740993::int8 AS big, '2026-05-01'::date AS day,
              '14:30'::time AS hhmm, 'Zürich ✈ 🛩'::text AS unicode`,
    );
    expect(row!.ts).toBeInstanceOf(Date);
    expect((row!.ts as Date).toISOString()).toBe("2026-05-01T14:00:00.123Z");
    expect(row!.num).toBe("12.345");
    expect(row!.doc).toEqual({ a: [1, "two", null], b: { c: true } });
    expect(row!.ints).toEqual([1, 2, 3]);
    expect(row!.texts).toEqual(["a,b", 'c"d', null]);
    expect(row!.id).toBe("6f1c4e3e-0000-4000-8000-000000000001");
    expect(row!.nothing).toBeNull();
    expect(row!.yes).toBe(true);
    expect(row!.big).toBe("9007199254740993");
    expect(row!.hhmm).toBe("14:30:00");
    expect(row!.unicode).toBe("Zürich ✈ 🛩");
  });

  it("passes parameters of every kind through unchanged", async () => {
    const [row] = await appDb().query(
      "SELECT $1::text AS t, $2::int AS i, $3::jsonb AS j, $4::timestamptz AS ts, $5::text AS n, $6::text[] AS arr",
      ["it's \"quoted\"; --", 42, JSON.stringify({ k: "v" }), "2026-03-08T07:30:00Z", null, ["x", "y,z"]],
    );
    expect(row).toMatchObject({ t: "it's \"quoted\"; --", i: 42, j: { k: "v" }, n: null, arr: ["x", "y,z"] });
    expect((row!.ts as Date).toISOString()).toBe("2026-03-08T07:30:00.000Z");
  });

  it("hands a Postgres error to the Worker with its code and constraint", async () => {
    const sql = neon(env.TEST_OWNER_DATABASE_URL);
    const name = `gw_check_${crypto.randomUUID().replaceAll("-", "")}`;
    await sql.query(`CREATE TABLE ${name} (id int CONSTRAINT ${name}_pk PRIMARY KEY)`);
    try {
      await sql.query(`INSERT INTO ${name} VALUES (1)`);
      const failure = await sql.query(`INSERT INTO ${name} VALUES (1)`).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(NeonDbError);
      expect(failure).toMatchObject({ code: "23505", constraint: `${name}_pk`, table: name });
    } finally {
      await sql.query(`DROP TABLE ${name}`);
    }
  });

  it("runs a batch as one transaction: a failing statement undoes the others", async () => {
    const owner = ownerDb();
    const name = `gw_tx_${crypto.randomUUID().replaceAll("-", "")}`;
    await owner.query(`CREATE TABLE ${name} (id int PRIMARY KEY)`);
    try {
      const failure = await owner
        .batch([{ text: `INSERT INTO ${name} VALUES (1)` }, { text: `INSERT INTO ${name} VALUES (1)` }])
        .catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(ApiError);
      expect((failure as ApiError).code).toBe("conflict");
      expect(await owner.query(`SELECT * FROM ${name}`)).toEqual([]);
      const [first, second] = await owner.batch([
        { text: `INSERT INTO ${name} VALUES (1) RETURNING id` },
        { text: `SELECT count(*)::int AS n FROM ${name}` },
      ]);
      expect(first).toEqual([{ id: 1 }]);
      expect(second).toEqual([{ n: 1 }]);
    } finally {
      await owner.query(`DROP TABLE ${name}`);
    }
  });

  it("runs an interactive transaction over the WebSocket tunnel with password login", async () => {
    appDb(); // wires the driver to the local gateway
    const pool = new Pool({ connectionString: env.DATABASE_URL });
    // The server closing an idle connection as the pool ends is expected, not a failure.
    pool.on("error", () => undefined);
    try {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const { rows } = await client.query("SELECT current_user AS who, $1::int + 1 AS next", [41]);
        await client.query("COMMIT");
        expect(rows[0]).toEqual({ who: "skyslot", next: 42 });
      } finally {
        client.release();
      }
    } finally {
      await pool.end();
    }
  });
});

// What Neon's proxy does that a lenient stand-in would not (neondatabase/neon, proxy/src/serverless/).
describe("local gateway: Neon's limits and session rules", () => {
  it("cancels the statement and rolls back the batch of a client that went away, never committing either", async () => {
    const owner = ownerDb();
    const name = unique("gw_gone");
    await owner.query(`CREATE TABLE ${name} (id int PRIMARY KEY)`);
    try {
      const sql = neon(tagged(env.TEST_OWNER_DATABASE_URL, name));
      const leaveEarly = { fetchOptions: { signal: AbortSignal.timeout(300) } };
      const abandoned = await Promise.all([
        sql.transaction([sql.query(`INSERT INTO ${name} VALUES (1)`), sql.query("SELECT pg_sleep(3)")], leaveEarly).catch((e: unknown) => e),
        sql.query(`INSERT INTO ${name} SELECT 2 FROM pg_sleep(3)`, [], leaveEarly).catch((e: unknown) => e),
      ]);
      for (const failure of abandoned) expect(failure).toBeInstanceOf(NeonDbError);
      // Done once no session of that connection string is busy: cancelled and closed, or committed.
      await until(async () => {
        const [busy] = await owner.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND state <> 'idle'",
          [name],
        );
        return busy!.n === 0;
      }, "the abandoned requests to end");
      expect(await owner.query(`SELECT id FROM ${name}`)).toEqual([]);
    } finally {
      await owner.query(`DROP TABLE ${name}`);
    }
  });

  it("refuses a request body over 10 MiB with Neon's 413, which the app reports as too large", async () => {
    const sql = neon(env.DATABASE_URL);
    appDb(); // wires the driver to the local gateway
    const [fits] = await sql.query("SELECT length($1) AS n", ["x".repeat(9 * MiB)]);
    expect(fits!.n).toBe(9 * MiB);
    const tooBig = "x".repeat(10 * MiB + 1);
    const failure = await sql.query("SELECT length($1) AS n", [tooBig]).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(NeonDbError);
    expect((failure as Error).message).toMatch(/^Server error \(HTTP status 413\): .*request is too large \(max is 10485760 bytes\)/);
    const problem = await appDb()
      .query("SELECT length($1) AS n", [tooBig], { idempotent: true })
      .catch((e: unknown) => e);
    expect(problem).toBeInstanceOf(ApiError);
    expect(problem).toMatchObject({ code: "payload_too_large", status: 413 });
  });

  it("stops an answer over 10 MiB with Neon's 507: the batch commits nothing and the app does not retry", async () => {
    const owner = ownerDb();
    const name = unique("gw_big");
    await owner.query(`CREATE TABLE ${name} (id int PRIMARY KEY)`);
    await owner.query(`CREATE SEQUENCE ${name}_attempts`);
    try {
      const sql = neon(env.TEST_OWNER_DATABASE_URL);
      const huge = "SELECT repeat('x', 1048576) AS filler FROM generate_series(1, 11)";
      const failure = await sql.query(huge).catch((e: unknown) => e);
      expect((failure as Error).message).toMatch(/^Server error \(HTTP status 507\): .*response is too large \(max is 10485760 bytes\)/);

      const batch = await owner.batch([{ text: `INSERT INTO ${name} VALUES (1)` }, { text: huge }]).catch((e: unknown) => e);
      expect(batch).toMatchObject({ code: "internal_error", status: 500 });
      expect(await owner.query(`SELECT id FROM ${name}`)).toEqual([]);

      // Each attempt draws 11 numbers (sequences ignore rollbacks): one attempt, not three.
      const read = await owner
        .query(`SELECT nextval('${name}_attempts'), repeat('x', 1048576) FROM generate_series(1, 11)`, [], { idempotent: true })
        .catch((e: unknown) => e);
      expect(read).toBeInstanceOf(ApiError);
      expect((read as ApiError).detail).toMatch(/larger than the database sends/);
      const [drawn] = await owner.query<{ n: string }>(`SELECT last_value AS n FROM ${name}_attempts`);
      expect(drawn!.n).toBe("11");
    } finally {
      await owner.query(`DROP TABLE ${name}`);
      await owner.query(`DROP SEQUENCE ${name}_attempts`);
    }
  });

  it("hands each request a clean session: no setting, lock, temp table or prepared statement carries over", async () => {
    const marker = unique("gw_reset");
    const sql = neon(tagged(env.DATABASE_URL, marker));
    appDb();
    const [first] = await sql.query(
      "SELECT pg_backend_pid() AS pid, set_config('skyslot.probe', 'kept', false) AS probe",
    );
    expect(first!.probe).toBe("kept");
    await sql.query("SELECT pg_advisory_lock(hashtext($1))", [marker]);
    await sql.query("CREATE TEMP TABLE gw_reset_probe (id int)");
    await sql.query("PREPARE gw_reset_probe_statement AS SELECT 1");
    const [after] = await sql.query(
      `SELECT pg_backend_pid() AS pid, coalesce(current_setting('skyslot.probe', true), '') AS probe,
              to_regclass('pg_temp.gw_reset_probe') AS temp_table,
              (SELECT count(*)::int FROM pg_prepared_statements) AS prepared,
              (SELECT count(*)::int FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()) AS locks`,
    );
    // The same pooled connection served every request, so only a reset explains a clean slate.
    expect(after!.pid).toBe(first!.pid);
    expect(after).toMatchObject({ probe: "", temp_table: null, prepared: 0, locks: 0 });
  });

  it("answers a refused password as Neon's proxy does: 400 with an empty code, which the app never retries", async () => {
    const wrong = new URL(env.DATABASE_URL);
    wrong.password = "not-the-password";
    appDb();
    const failure = await neon(wrong.href).query("SELECT 1").catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(NeonDbError);
    expect(failure).toMatchObject({ message: "password authentication failed for user 'skyslot'", code: "" });
    const app = createDb({ ...loadConfig(env), DATABASE_URL: wrong.href });
    const unexpected = await app.query("SELECT 1", [], { idempotent: true }).catch((e: unknown) => e);
    // Not "unavailable, try again": a wrong secret is the service's own fault (an internal error).
    expect(unexpected).toBeInstanceOf(NeonDbError);
  });

  it("answers a missing database with 400 and 3D000, as Neon does", async () => {
    const missing = new URL(env.DATABASE_URL);
    missing.pathname = `/${unique("gw_missing")}`;
    appDb();
    const failure = await neon(missing.href).query("SELECT 1").catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: "3D000" });
  });

  it("answers another Postgres error raised while connecting with 500, which the app retries and reports as unavailable", async () => {
    const owner = ownerDb();
    const role = unique("gw_limited");
    const password = crypto.randomUUID();
    await owner.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}' CONNECTION LIMIT 0`);
    try {
      const url = new URL(env.DATABASE_URL);
      url.username = role;
      url.password = password;
      appDb();
      const failure = await neon(url.href).query("SELECT 1").catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(NeonDbError);
      expect((failure as NeonDbError).code).toBeUndefined();
      expect((failure as Error).message).toMatch(/^Server error \(HTTP status 500\): .*"code":"53300"/);
      const problem = await createDb({ ...loadConfig(env), DATABASE_URL: url.href })
        .query("SELECT 1", [], { idempotent: true })
        .catch((e: unknown) => e);
      expect(problem).toMatchObject({ code: "service_unavailable", status: 503 });
    } finally {
      await owner.query(`DROP ROLE ${role}`);
    }
  });
});

describe.skipIf(!redisUp)("local gateway: Upstash REST", () => {
  const redis = () => new Redis({ url: env.UPSTASH_REDIS_REST_URL!, token: env.UPSTASH_REDIS_REST_TOKEN! });

  it("stores and reads values, JSON and unicode included", async () => {
    const key = `skyslot:test:${crypto.randomUUID()}`;
    const r = redis();
    await r.set(key, { tail: "N172SK", note: "Zürich ✈" }, { ex: 30 });
    expect(await r.get(key)).toEqual({ tail: "N172SK", note: "Zürich ✈" });
    expect(await r.incr(`${key}:n`)).toBe(1);
    expect(await r.ttl(key)).toBeGreaterThan(0);
    const p = r.pipeline();
    p.set(`${key}:a`, "1");
    p.get(`${key}:a`);
    p.del(key, `${key}:a`, `${key}:n`);
    expect(await p.exec()).toEqual(["OK", 1, 3]);
    const tx = r.multi();
    tx.hset(`${key}:h`, { a: "x" });
    tx.hgetall(`${key}:h`);
    tx.del(`${key}:h`);
    expect(await tx.exec()).toEqual([1, { a: "x" }, 1]);
  });

  it("refuses a request over 1 MB, as Upstash's free and pay-as-you-go plans do", async () => {
    const key = `skyslot:test:${crypto.randomUUID()}`;
    const r = redis();
    await r.set(key, "x".repeat(1_000_000 - 1_000), { ex: 30 });
    await expect(r.set(key, "x".repeat(1024 * 1024), { ex: 30 })).rejects.toThrow(/max request size exceeded/);
    await r.del(key);
  });

  it("lets an allow-key-locking script touch only the keys passed in KEYS, as Upstash does", async () => {
    const key = `skyslot:test:${crypto.randomUUID()}`;
    const other = `${key}:other`;
    const r = redis();
    await r.set(key, "mine", { ex: 30 });
    const read = "#!lua flags=allow-key-locking\nreturn redis.call('GET', ARGV[1])";
    // The run's keys live under its prefix (test/setup/global.ts); KEYS get it, ARGV does not.
    expect(await r.eval(read, [key], [`${env.TEST_REDIS_KEY_PREFIX}${key}`])).toBe("mine");
    await expect(r.eval(read, [key], [other])).rejects.toThrow(/not passed in KEYS/);
    const guarded = "#!lua flags=allow-key-locking\nlocal ok = redis.pcall('GET', ARGV[1]) return ok.err";
    expect(await r.eval(guarded, [key], [other])).toMatch(/not passed in KEYS/);
    await expect(r.eval("#!lua flags=allow-key-locking\nreturn redis.call('DBSIZE')", [key], [])).rejects.toThrow(/whole database/);

    // Clients call a loaded script by the digest of what they wrote.
    const script = "#!lua flags=allow-key-locking\nreturn redis.call('STRLEN', KEYS[1])";
    const digest = [...new Uint8Array(await crypto.subtle.digest("SHA-1", new TextEncoder().encode(script)))]
      .map((b) => b.toString(16).padStart(2, "0"))
      .join("");
    await r.scriptLoad(script);
    expect(await r.evalsha(digest, [key], [])).toBe(4);
    await r.del(key);
  });

  it("keeps the other flags of a key-locking script's shebang", async () => {
    const key = `skyslot:test:${crypto.randomUUID()}`;
    const r = redis();
    await r.set(key, "7", { ex: 30 });
    expect(await r.eval("#!lua flags=no-writes,allow-key-locking\nreturn redis.call('GET', KEYS[1])", [key], [])).toBe(7);
    await expect(
      r.eval("#!lua flags=no-writes,allow-key-locking\nreturn redis.call('SET', KEYS[1], 'x')", [key], []),
    ).rejects.toThrow(/Write commands are not allowed from read-only scripts/);
    await r.del(key);
  });

  it("keeps this run's keys under its own prefix, so runs sharing a Redis never read each other's", async () => {
    const key = `skyslot:test:${crypto.randomUUID()}`;
    const r = redis();
    await r.set(key, "ours", { ex: 30 });
    expect(await r.get(key)).toBe("ours");
    // A script may name any key through ARGV, unprefixed: the bare name holds nothing.
    const exists = "return redis.call('EXISTS', ARGV[1])";
    expect(await r.eval(exists, [], [key])).toBe(0);
    expect(await r.eval(exists, [], [`${env.TEST_REDIS_KEY_PREFIX}${key}`])).toBe(1);
    await r.del(key);
  });

  it("refuses a wrong token", async () => {
    const wrong = new Redis({ url: env.UPSTASH_REDIS_REST_URL!, token: "wrong-token", retry: false });
    await expect(wrong.get("anything")).rejects.toThrow();
  });
});

if (!redisUp) {
  console.warn("\n*** SKIPPED: Redis is not reachable; the Upstash gateway tests did not run ***\n");
}
