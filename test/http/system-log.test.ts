import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { signToken } from "../support/api";
import { ownerDb } from "../support/db";
import { makeUser, type TestUser } from "../support/users";

let student: TestUser;

beforeAll(async () => {
  student = await makeUser("STUDENT");
});

/** An execution context whose waitUntil keeps the promises, so a test can wait for them. */
function collectingCtx() {
  const pending: Promise<unknown>[] = [];
  const ctx = { waitUntil: (p: Promise<unknown>) => void pending.push(p), passThroughOnException() {}, props: {} };
  return { ctx: ctx as never, settle: () => Promise.all(pending), pending };
}

const requestId = () => `test-${crypto.randomUUID()}`;

async function logsFor(id: string) {
  return ownerDb().query<{ level: string; event: string; message: string | null; user_id: string | null; data: Record<string, unknown> }>(
    "SELECT level, event, message, user_id, data FROM system_logs WHERE request_id = $1 ORDER BY id",
    [id],
  );
}

describe("system logs", () => {
  it("an unexpected error leaves an error event with the request id, written after the response", async () => {
    const app = createApp();
    app.get("/explode", () => {
      throw new Error("the flux capacitor is out of range");
    });
    const { ctx, settle, pending } = collectingCtx();
    const id = requestId();
    const res = await app.request("/explode", { headers: { "x-request-id": id } }, env, ctx);
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain("flux capacitor");
    // The write was handed to waitUntil rather than awaited before answering.
    expect(pending.length).toBeGreaterThanOrEqual(1);
    await settle();
    const rows = await logsFor(id);
    expect(rows).toEqual([
      expect.objectContaining({ level: "error", event: "unexpected_error", message: "the flux capacitor is out of range" }),
    ]);
    expect(rows[0]!.data).toMatchObject({ method: "GET", path: "/explode", error_name: "Error" });
  });

  it("records a signed-in user's forbidden attempt as a security event", async () => {
    const { ctx, settle } = collectingCtx();
    const id = requestId();
    const res = await createApp().request(
      "/v1/admin/stats",
      { headers: { "x-request-id": id, authorization: `Bearer ${student.token}` } },
      env,
      ctx,
    );
    expect(res.status).toBe(403);
    await settle();
    expect(await logsFor(id)).toEqual([
      expect.objectContaining({ level: "warn", event: "forbidden", user_id: student.user.id, data: expect.objectContaining({ path: "/v1/admin/stats" }) }),
    ]);
  });

  it("records refused tokens, but not requests that sent none", async () => {
    const forged = await signToken(student.user.auth_subject, { secret: "x".repeat(40) });
    const { ctx, settle } = collectingCtx();
    const bad = requestId();
    const none = requestId();
    const app = createApp();
    const ip = `2001:db8::${crypto.randomUUID().slice(0, 4)}`;
    expect(
      (await app.request("/v1/users/me", { headers: { "x-request-id": bad, authorization: `Bearer ${forged}`, "cf-connecting-ip": ip } }, env, ctx)).status,
    ).toBe(401);
    expect((await app.request("/v1/users/me", { headers: { "x-request-id": none } }, env, ctx)).status).toBe(401);
    await settle();
    expect(await logsFor(bad)).toEqual([expect.objectContaining({ level: "warn", event: "auth_failed", user_id: null })]);
    expect(await logsFor(none)).toEqual([]);
  });

  it("samples a flood of refused tokens: 50 bad requests write a handful of rows, each with the count so far", async () => {
    const { ctx, settle } = collectingCtx();
    const app = createApp();
    const ip = `2001:db8::${crypto.randomUUID().slice(0, 4)}:${crypto.randomUUID().slice(0, 4)}`;
    for (let i = 1; i <= 50; i++) {
      const res = await app.request("/v1/users/me", { headers: { authorization: `Bearer x${i}`, "cf-connecting-ip": ip } }, env, ctx);
      expect(res.status).toBe(401);
    }
    await settle();
    // Each row is written after its answer (waitUntil), so rows of requests close together can be
    // stored in either order: they are read in the order of their counts.
    const rows = await ownerDb().query<{ count: number }>(
      "SELECT (data->>'count_this_minute')::int AS count FROM system_logs WHERE event = 'auth_failed' AND data->>'ip' = $1 ORDER BY 1",
      [ip],
    );
    // 1, 2, 4, 8, 16, 32; a few more if the minute turned meanwhile, which starts the count again.
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.length).toBeLessThanOrEqual(12);
    expect(rows[0]!.count).toBe(1);
  });

  it("an ordinary request writes nothing", async () => {
    const { ctx, settle } = collectingCtx();
    const id = requestId();
    const res = await createApp().request("/v1/users/me", { headers: { "x-request-id": id, authorization: `Bearer ${student.token}` } }, env, ctx);
    expect(res.status).toBe(200);
    await settle();
    expect(await logsFor(id)).toEqual([]);
  });
});
