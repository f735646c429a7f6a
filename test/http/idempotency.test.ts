import { beforeAll, describe, expect, it } from "vitest";
import { call, expectProblem } from "../support/api";
import { ownerDb } from "../support/db";
import { makeUser, type TestUser } from "../support/users";

let admin: TestUser;

beforeAll(async () => {
  admin = await makeUser("ADMIN");
});

const newUser = () => {
  const tag = crypto.randomUUID().slice(0, 8);
  return { auth_subject: `idem|${tag}`, email: `${tag}@example.test`, first_name: "Idem", last_name: "Potent", role: "INSTRUCTOR" };
};

const create = (body: unknown, key?: string) =>
  call("/v1/users", { method: "POST", token: admin.token, body, headers: key ? { "idempotency-key": key } : {} });

const countBySubject = async (subject: string) =>
  (await ownerDb().query<{ n: number }>("SELECT count(*)::int AS n FROM users WHERE auth_subject = $1", [subject]))[0]!.n;

describe("Idempotency-Key on creating POSTs", () => {
  it("returns the first response again for the same key and body, creating once", async () => {
    const body = newUser();
    const key = crypto.randomUUID();
    const first = await create(body, key);
    expect(first.status).toBe(201);
    const again = await create(body, key);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await countBySubject(body.auth_subject)).toBe(1);
  });

  it("refuses the same key with a different body, changing nothing", async () => {
    const key = crypto.randomUUID();
    const first = newUser();
    expect((await create(first, key)).status).toBe(201);
    const other = newUser();
    expectProblem(await create(other, key), 422, "idempotency_key_reused");
    expect(await countBySubject(other.auth_subject)).toBe(0);
  });

  it("creates once when the same request races itself", async () => {
    const body = newUser();
    const key = crypto.randomUUID();
    const results = await Promise.all(Array.from({ length: 6 }, () => create(body, key)));
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(await countBySubject(body.auth_subject)).toBe(1);
  });

  it("keys are per user", async () => {
    const otherAdmin = await makeUser("ADMIN");
    const key = crypto.randomUUID();
    expect((await create(newUser(), key)).status).toBe(201);
    const mine = await call("/v1/users", { method: "POST", token: otherAdmin.token, body: newUser(), headers: { "idempotency-key": key } });
    expect(mine.status).toBe(201);
  });

  it("a key past its 24 hours can be used again", async () => {
    const key = crypto.randomUUID();
    expect((await create(newUser(), key)).status).toBe(201);
    await ownerDb().query(
      "UPDATE idempotency_keys SET created_at = now() - interval '25 hours', expires_at = now() - interval '1 hour' WHERE key = $1",
      [key],
    );
    const body = newUser();
    const fresh = await create(body, key);
    expect(fresh.status).toBe(201);
    expect(fresh.headers.get("idempotent-replayed")).toBeNull();
    expect(await countBySubject(body.auth_subject)).toBe(1);
  });

  it("a conflict unrelated to the key is still a conflict", async () => {
    const body = newUser();
    expect((await create(body)).status).toBe(201);
    expectProblem(await create(body, crypto.randomUUID()), 409, "conflict");
  });

  it("refuses a malformed key", async () => {
    expectProblem(await create(newUser(), "has spaces in it"), 422, "validation_failed");
    expectProblem(await create(newUser(), "x".repeat(256)), 422, "validation_failed");
  });
});
