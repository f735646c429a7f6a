import { neon, NeonDbError, Pool } from "@neondatabase/serverless";
import { Redis } from "@upstash/redis/cloudflare";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../src/http/problem";
import { appDb, ownerDb, redisUp } from "../support/db";

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

  it("refuses a wrong token", async () => {
    const wrong = new Redis({ url: env.UPSTASH_REDIS_REST_URL!, token: "wrong-token", retry: false });
    await expect(wrong.get("anything")).rejects.toThrow();
  });
});

if (!redisUp) {
  console.warn("\n*** SKIPPED: Redis is not reachable; the Upstash gateway tests did not run ***\n");
}
