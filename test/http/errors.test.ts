import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { NeonDbError } from "@neondatabase/serverless";
import { toApiError, violatedConstraint } from "../../src/db/errors";
import { ApiError } from "../../src/http/problem";
import { call, expectProblem } from "../support/api";
import { makeUser, type TestUser } from "../support/users";

let admin: TestUser;

beforeAll(async () => {
  admin = await makeUser("ADMIN");
});

describe("problem details for every failure", () => {
  it("malformed JSON is 400 malformed_json", async () => {
    const res = await call("/v1/users", {
      method: "POST",
      token: admin.token,
      rawBody: '{"email": "a@b.c",',
      headers: { "content-type": "application/json" },
    });
    expectProblem(res, 400, "malformed_json");
  });

  it("an empty JSON body is malformed", async () => {
    const res = await call("/v1/users", {
      method: "POST",
      token: admin.token,
      rawBody: "",
      headers: { "content-type": "application/json" },
    });
    expectProblem(res, 400, "malformed_json");
  });

  it("invalid fields are 422 with a path per field", async () => {
    const res = await call("/v1/users", {
      method: "POST",
      token: admin.token,
      body: { auth_subject: "x", email: "not-an-email", first_name: "", last_name: 7, role: "PILOT", timezone: "Mars/Olympus" },
    });
    const problem = expectProblem(res, 422, "validation_failed");
    const paths = (problem.errors as { path: string; message: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(expect.arrayContaining(["email", "first_name", "last_name", "role", "timezone"]));
    for (const error of problem.errors as { message: string }[]) expect(error.message.length).toBeGreaterThan(0);
  });

  it("unknown fields are refused rather than silently dropped", async () => {
    const res = await call("/v1/users", {
      method: "POST",
      token: admin.token,
      body: { auth_subject: "s", email: "s@example.test", first_name: "A", last_name: "B", role: "ADMIN", is_superuser: true },
    });
    const problem = expectProblem(res, 422, "validation_failed");
    expect(JSON.stringify(problem.errors)).toContain("is_superuser");
  });

  it("a body that is not JSON is 415", async () => {
    const res = await call("/v1/users", {
      method: "POST",
      token: admin.token,
      rawBody: "email=a@b.c",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expectProblem(res, 415, "unsupported_media_type");
  });

  it("a body over 1 MiB is 413", async () => {
    const res = await call("/v1/users", {
      method: "POST",
      token: admin.token,
      rawBody: JSON.stringify({ first_name: "x".repeat(1024 * 1024 + 10) }),
      headers: { "content-type": "application/json" },
    });
    expectProblem(res, 413, "payload_too_large");
  });

  it("an unknown route is 404", async () => {
    const res = await call("/nowhere");
    expectProblem(res, 404, "not_found");
    const signedIn = await call("/v1/nowhere", { token: admin.token });
    expectProblem(signedIn, 404, "not_found");
  });

  it("a known path with the wrong method is 405 with Allow", async () => {
    const res = await call("/health", { method: "DELETE" });
    expectProblem(res, 405, "method_not_allowed");
    expect(res.headers.get("allow")).toContain("GET");
    const users = await call("/v1/users/me", { method: "PUT", token: admin.token, body: {} });
    expectProblem(users, 405, "method_not_allowed");
  });

  it("invalid ids and query values are 422, not 500", async () => {
    expectProblem(await call("/v1/users/not-a-uuid", { token: admin.token }), 422, "validation_failed");
    expectProblem(await call("/v1/users?limit=0", { token: admin.token }), 422, "validation_failed");
    expectProblem(await call("/v1/users?limit=abc", { token: admin.token }), 422, "validation_failed");
    expectProblem(await call("/v1/users?cursor=%%%", { token: admin.token }), 422, "validation_failed");
    expectProblem(await call("/v1/users?role=PILOT", { token: admin.token }), 422, "validation_failed");
  });

  it("an unexpected error is a 500 that shows no internals", async () => {
    const app = createApp();
    app.get("/explode", () => {
      throw new Error("relation secret_table: SELECT password FROM users at db.ts:12");
    });
    const res = await app.request("/explode", {}, env, { waitUntil() {}, passThroughOnException() {}, props: {} } as never);
    expect(res.status).toBe(500);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const text = await res.text();
    expect(JSON.parse(text).code).toBe("internal_error");
    expect(text).not.toMatch(/secret_table|SELECT|password|db\.ts|at /);
    expect(JSON.parse(text).request_id).toBe(res.headers.get("x-request-id"));
  });
});

describe("database refusals", () => {
  it("a duplicate answers 409 without naming the schema's constraint, which stays in the cause for the routes", async () => {
    const duplicate = Object.assign(new NeonDbError('duplicate key value violates unique constraint "reschedule_options_booking_position_key"'), {
      code: "23505",
      constraint: "reschedule_options_booking_position_key",
      table: "reschedule_options",
    });
    const mapped = toApiError(duplicate);
    expect(mapped).toBeInstanceOf(ApiError);
    expect(violatedConstraint(mapped as ApiError)).toBe("reschedule_options_booking_position_key");
    const app = createApp();
    app.get("/duplicate", () => {
      throw mapped;
    });
    const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} } as never;
    const res = await app.request("/duplicate", {}, env, ctx);
    const text = await res.text();
    expect(res.status).toBe(409);
    expect(JSON.parse(text)).toMatchObject({ code: "conflict" });
    expect(JSON.parse(text)).not.toHaveProperty("constraint");
    expect(text).not.toMatch(/reschedule_options|_key\b|constraint/);
  });
});

describe("request ids and headers", () => {
  it("every response carries a request id, echoing a valid incoming one", async () => {
    const fresh = await call("/health");
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await call("/health", { headers: { "x-request-id": "client-req-12345" } });
    expect(echoed.headers.get("x-request-id")).toBe("client-req-12345");
    const refused = await call("/health", { headers: { "x-request-id": "bad id\twith spaces" } });
    expect(refused.headers.get("x-request-id")).not.toBe("bad id\twith spaces");
    const problem = await call("/nowhere", { headers: { "x-request-id": "client-req-67890" } });
    expect(problem.body.request_id).toBe("client-req-67890");
  });

  it("sets secure headers and answers CORS preflights", async () => {
    const res = await call("/health");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBeTruthy();
    const preflight = await call("/v1/users", {
      method: "OPTIONS",
      headers: {
        origin: "https://school.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization, content-type",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("authorization");
  });
});
