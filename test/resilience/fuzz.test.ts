import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { buildOpenApiDocument } from "../../src/openapi/document";
import { call, type ApiResponse } from "../support/api";
import { ownerDb } from "../support/db";
import { makeUser, type TestUser } from "../support/users";
import { book, makeAvailableInstructor, nextSlot } from "../routes/bookings/fixtures";

/** Requests per route; with ~50 routes this keeps the file under a minute. */
const RUNS = 12;
const ONE_MIB = 1024 * 1024;
const UNPROTECTED = new Set(["/health", "/openapi.json", "/docs"]);

type Operation = { method: string; path: string; params: { name: string; in: string }[]; hasBody: boolean };

const document = (await buildOpenApiDocument(createApp())) as {
  paths: Record<string, Record<string, { parameters?: Operation["params"]; requestBody?: unknown }>>;
};
const operations: Operation[] = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, params: op.parameters ?? [], hasBody: op.requestBody !== undefined })),
);

let admin: TestUser;
let student: TestUser;
let instructor: TestUser;
let bookingId: string;
/** Changing requests that succeeded, and the bodies the fuzzing admin had refused. */
const succeeded: { actor: "admin" | "student"; path: string; route: string; body: unknown }[] = [];
const refused: { route: string; sent: unknown }[] = [];
/**
 * Ingestions a refusal names: a file found unreadable after its log opened is answered 422 with
 * its `ingestion_id`, and that ingestion stays logged FAILED (docs/contract.md, flight ingestion).
 */
const refusedIngestions = new Set<string>();

beforeAll(async () => {
  [admin, student, instructor] = await Promise.all([makeUser("ADMIN"), makeUser("STUDENT"), makeAvailableInstructor()]);
  const res = await book(admin.token, { student_id: student.user.id, instructor_id: instructor.user.id, scheduled_at: nextSlot().toISOString() });
  expect(res.status).toBe(201);
  bookingId = res.body.id;
});

// ---------------------------------------------------------------------------------------------
// What a hostile or careless client sends
// ---------------------------------------------------------------------------------------------

const huge = fc.constantFrom("x".repeat(100_000), "é𝄞\u202e字".repeat(25_000), "'; DROP TABLE users; --".repeat(5_000));
const oddText = fc.constantFrom(
  "", " ", "\u0000", "a\u0000b", "null", "undefined", "NaN", "../../etc/passwd", "..%2F..%2F", "%00", "%", "%_",
  "' OR 1=1 --", "'; DROP TABLE users; --", "$1", "\\", "\uFEFF", "\ud800", "👩‍✈️", "\u202eKJFK", "KJFK\n", "<script>",
  "9".repeat(400), "-1", "1e309", "2026-02-30", "24:60", "2026-05-01T14:00:00Z",
);
const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 3, arbitrary: oddText },
  { weight: 1, arbitrary: huge },
);
const scalar = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.bigInt().map(String));
const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 10 }), scalar, { maxKeys: 4 }) },
);

/** Deep nesting is sent as text: building it as a value would only test JSON.stringify. */
const deepRaw = fc.constantFrom(
  "[".repeat(1_000) + "]".repeat(1_000),
  '{"a":'.repeat(1_000) + "1" + "}".repeat(1_000),
  "[".repeat(100_000),
);

function pathParam(name: string): fc.Arbitrary<string> {
  const known = () => [admin.user.id, student.user.id, instructor.user.id, bookingId];
  return fc.oneof(
    fc.uuid(),
    fc.constantFrom(...known(), known()[0]!.toUpperCase(), "00000000-0000-0000-0000-000000000000", "KJFK", "jfk", "cleanup-x"),
    text.filter((t) => t.length > 0 && t.length < 5_000),
    fc.constantFrom("..", "../admin", "%2e%2e%2f", "a/b", "x".repeat(10_000), "%FF%FE", "%00"),
  ).map((raw) => (/%[0-9A-F]{2}/i.test(raw) && raw.length < 20 ? raw : encodePath(raw)));
}

/** Percent-encodes a path segment; a lone surrogate goes out as the invalid UTF-8 it would be. */
function encodePath(raw: string): string {
  try {
    return encodeURIComponent(raw);
  } catch {
    return "%ED%A0%80";
  }
}

const cursor = fc.oneof(
  text,
  fc.jsonValue().map((v) => btoa(unescape(encodeURIComponent(JSON.stringify(v)))).replace(/=+$/, "")),
  fc.constantFrom("W10", "WyIiLCIiXQ", "WzEsMl0", "WyIyMDI2LTAxLTAxIiwieCJd", "!!!", "x".repeat(600)),
);
const limit = fc.constantFrom("0", "-1", "1", "200", "201", "1e3", "abc", "50.5", "", "007", " 5");

function query(op: Operation): fc.Arbitrary<string> {
  const names = op.params.filter((p) => p.in === "query").map((p) => p.name);
  const entry = fc.oneof(
    ...(names.length > 0 ? [fc.tuple(fc.constantFrom(...names), text)] : []),
    fc.tuple(fc.constant("cursor"), cursor),
    fc.tuple(fc.constant("limit"), limit),
    fc.tuple(fc.string({ maxLength: 8 }), text),
  );
  return fc.array(entry, { maxLength: 5 }).map((entries) => {
    const search = new URLSearchParams();
    for (const [name, v] of entries) search.append(name, v.slice(0, 20_000));
    const s = search.toString();
    return s ? `?${s}` : "";
  });
}

/** Valid bodies, one field of which the fuzzer then spoils, so checks past the schema get exercised. */
const samples: Record<string, () => Record<string, unknown> | unknown[]> = {
  "POST /v1/users": () => {
    const tag = crypto.randomUUID();
    return { auth_subject: `fuzz|${tag}`, email: `${tag}@fuzz.test`, first_name: "Fuzz", last_name: "Body", role: "INSTRUCTOR" };
  },
  "PATCH /v1/users/{id}": () => ({ first_name: "Fuzzed" }),
  "POST /v1/aircraft": () => ({ tail_number: `F${crypto.randomUUID().slice(0, 6)}`, type_code: "C172", home_airport: "KJFK" }),
  "POST /v1/bookings": () => ({
    student_id: student.user.id,
    instructor_id: instructor.user.id,
    departure_airport: "KJFK",
    arrival_airport: "KBOS",
    scheduled_at: nextSlot().toISOString(),
  }),
  "POST /v1/bookings/{id}/cancel": () => ({ reason: "weather" }),
  "POST /v1/users/{id}/availability/overrides": () => ({ date: "2031-01-01", reason: "fuzz" }),
  "PUT /v1/users/{id}/availability/patterns": () => [{ day_of_week: 1, start_time: "09:00", end_time: "17:00" }],
  "POST /v1/analyses": () => ({ type: "delay_summary", params: { from: "2001-01-01", to: "2001-01-31", airport: "KBOS" } }),
};

/** Values that pass a field's pattern but not its meaning: dates that name no day, codes that name no airport. */
const nearMiss = fc.constantFrom("2024-13-45", "2024-02-30", "0000-00-00", "9999-99-99", "2001-01-01T00:00:00Z", "ZZZZ", "kbos", " KBOS ", "KBOS\u0000");

/** Every field path of a sample, nested objects included (`params.from`), so each one gets spoiled. */
function fieldPaths(sample: Record<string, unknown>, prefix: string[] = []): string[][] {
  return Object.entries(sample).flatMap(([key, v]) => {
    const path = [...prefix, key];
    const nested = v !== null && typeof v === "object" && !Array.isArray(v) ? fieldPaths(v as Record<string, unknown>, path) : [];
    return [path, [...path, "extra_field"], ...nested];
  });
}

/** A deep copy of `sample` with the value at `path` replaced (or dropped). */
function spoilAt(sample: Record<string, unknown>, path: string[], how: "replace" | "drop", v: unknown): Record<string, unknown> {
  const copy = structuredClone(sample);
  let at: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    if (at[key] === null || typeof at[key] !== "object") at[key] = {};
    at = at[key] as Record<string, unknown>;
  }
  const last = path[path.length - 1]!;
  if (how === "drop") delete at[last];
  else at[last] = v;
  return copy;
}

function spoil(sample: Record<string, unknown> | unknown[]): fc.Arbitrary<unknown> {
  const base = Array.isArray(sample) ? (sample[0] as Record<string, unknown>) : sample;
  const paths = [...fieldPaths(base), ["extra_field"]];
  return fc
    .tuple(fc.constantFrom(...paths), fc.constantFrom("replace", "drop"), fc.oneof({ weight: 3, arbitrary: value }, { weight: 1, arbitrary: nearMiss }))
    .map(([path, how, v]) => {
      const copy = spoilAt(base, path, how as "replace" | "drop", v);
      return Array.isArray(sample) ? [copy] : copy;
    });
}

const JSON_TYPE = "application/json";
const contentType = fc.constantFrom(
  JSON_TYPE, JSON_TYPE, JSON_TYPE, "application/json; charset=utf-8", "application/problem+json", "text/plain",
  "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/csv", "application/x-ndjson", "",
);

interface Body {
  raw: string;
  type: string;
  sent: unknown;
}

function body(op: Operation, route: string): fc.Arbitrary<Body | null> {
  if (op.method === "GET") return fc.constant(null);
  const asJson = (arb: fc.Arbitrary<unknown>) =>
    fc.tuple(arb, contentType).map(([sent, type]): Body => ({ raw: JSON.stringify(sent) ?? "", type, sent }));
  const options: fc.Arbitrary<Body | null>[] = [
    fc.constant(null),
    asJson(value),
    deepRaw.map((raw): Body => ({ raw, type: JSON_TYPE, sent: "(deep)" })),
    fc.tuple(text, contentType).map(([raw, type]): Body => ({ raw, type, sent: raw })),
  ];
  const sample = samples[`${op.method} ${route}`];
  if (sample) options.push(asJson(fc.constant(null).chain(() => spoil(sample()))), asJson(fc.constant(null).chain(() => spoil(sample()))));
  return fc.oneof(...options);
}

// ---------------------------------------------------------------------------------------------
// What every answer must look like
// ---------------------------------------------------------------------------------------------

const STACK = /\n\s+at |\bat [\w$.<>]+ \(|\.(ts|js|mjs):\d+/;
const SQL = /SELECT |INSERT | FROM |UPDATE \w+ SET|DELETE FROM/;
const DRIVER = /NeonDbError|postgres|relation "|syntax error at|violates .* constraint/i;
const PROBLEM_FIELDS = ["type", "title", "status", "detail", "code", "request_id"];

function check(res: ApiResponse, what: string, publicPath: boolean): void {
  const context = `${what} → ${res.status}: ${res.text.slice(0, 300)}`;
  expect(res.status, context).toBeLessThan(500);
  if (publicPath) return;
  expect(STACK.test(res.text), context).toBe(false);
  if (res.status >= 400) {
    expect(res.headers.get("content-type") ?? "", context).toMatch(/^application\/problem\+json/);
    for (const field of PROBLEM_FIELDS) expect(res.body, context).toHaveProperty(field);
    expect(res.body.status, context).toBe(res.status);
    // Successful answers may echo stored text and name Postgres in admin statistics; problems never.
    expect(SQL.test(res.text), context).toBe(false);
    expect(DRIVER.test(res.text), context).toBe(false);
  }
}

async function send(op: Operation, route: string, actor: "admin" | "student", path: string, payload: Body | null) {
  const headers: Record<string, string> = {};
  if (payload?.type) headers["content-type"] = payload.type;
  const token = UNPROTECTED.has(op.path) ? undefined : (actor === "admin" ? admin : student).token;
  const res = await call(path, { method: op.method, token, headers, rawBody: payload?.raw });
  if (op.method !== "GET") {
    if (res.status < 300) succeeded.push({ actor, path, route, body: res.body });
    else if (actor === "admin") {
      refused.push({ route, sent: payload?.sent });
      const ingestionId = (res.body as { ingestion_id?: unknown } | null)?.ingestion_id;
      if (typeof ingestionId === "string") refusedIngestions.add(ingestionId);
    }
  }
  return res;
}

describe("property-based requests against every route", () => {
  it("covers the whole OpenAPI document", () => {
    expect(operations.length).toBeGreaterThan(40);
    expect(operations.map((o) => `${o.method} ${o.path}`)).toEqual(expect.arrayContaining(["POST /v1/bookings", "GET /v1/admin/stats"]));
  });

  for (const op of operations) {
    const route = op.path;
    it(`${op.method} ${route}: never a 5xx, always problem details, nothing leaked`, async () => {
      const names = [...route.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      await fc.assert(
        fc.asyncProperty(
          fc.tuple(...names.map(pathParam)),
          query(op),
          body(op, route),
          // A setting is school-wide: an admin's random but valid body would change the rules every
          // other test file books under, mid-run. Students fuzz those routes (refused, nothing
          // changes); the admin's validation of them has its own tests (test/routes/rules, weather).
          (op.method !== "GET" && route.startsWith("/v1/settings/")
            ? fc.constant("student")
            : fc.constantFrom("admin", "admin", "student")) as fc.Arbitrary<"admin" | "student">,
          async (values, search, payload, actor) => {
            let path = route;
            names.forEach((name, i) => (path = path.replace(`{${name}}`, values[i]!)));
            const res = await send(op, route, actor, `${path}${search}`, payload);
            check(res, `${actor} ${op.method} ${path.slice(0, 200)}${search.slice(0, 200)} ${String(payload?.raw ?? "").slice(0, 200)} (${payload?.type})`, UNPROTECTED.has(route));
          },
        ),
        { numRuns: RUNS, endOnFailure: true },
      );
    });
  }

  it("answers every near-miss value in every field of every sample body, nested ones included, without a 5xx", async () => {
    const near = ["2024-13-45", "2024-02-30", "9999-99-99", "ZZZZ", "KBOS\u0000"];
    for (const [key, sample] of Object.entries(samples)) {
      const [method, route] = key.split(" ") as [string, string];
      // Routes with a path parameter would act on the shared booking or users; the random runs cover them.
      if (route.includes("{")) continue;
      const op = operations.find((o) => o.method === method && o.path === route)!;
      const base = sample() as Record<string, unknown>;
      for (const path of fieldPaths(base).filter((p) => p[p.length - 1] !== "extra_field")) {
        for (const v of near) {
          const sent = spoilAt(sample() as Record<string, unknown>, path, "replace", v);
          const res = await send(op, route, "admin", route, { raw: JSON.stringify(sent), type: JSON_TYPE, sent });
          check(res, `${key} ${path.join(".")} = ${JSON.stringify(v)}`, false);
        }
      }
    }
  }, 120_000);

  it("refuses bodies over 1 MiB with 413 on every route that takes one (ingestion has its own limit)", async () => {
    const oversized = JSON.stringify({ blob: "x".repeat(ONE_MIB) });
    for (const op of operations.filter((o) => o.method !== "GET" && !o.path.startsWith("/v1/ingestions"))) {
      const path = op.path.replace(/\{\w+\}/g, bookingId);
      const res = await send(op, op.path, "admin", path, { raw: oversized, type: JSON_TYPE, sent: "(oversized)" });
      expect(res.status, `${op.method} ${path}`).toBe(413);
      check(res, `${op.method} ${path} (oversized)`, false);
      expect(res.body.code).toBe("payload_too_large");
    }
  });
  it("stored nothing for a request it refused", async () => {
    const db = ownerDb();
    const mine = succeeded.filter((s) => s.actor === "admin");
    // Every change the fuzzing admin made is in the audit log under a request that succeeded.
    const logged = await db.query<{ action: string; entity_id: string }>(
      "SELECT action, entity_id FROM audit_log WHERE user_id = $1 AND entity_id <> $2",
      [admin.user.id, bookingId],
    );
    // A refused ingestion that named itself is kept, as FAILED; its audit row is that log's.
    if (refusedIngestions.size > 0) {
      const failed = await db.query<{ id: string; status: string }>(
        "SELECT id, status FROM ingestion_logs WHERE id = ANY($1::uuid[])",
        [[...refusedIngestions]],
      );
      expect(failed.map((l) => l.status)).toEqual(failed.map(() => "FAILED"));
      expect(failed).toHaveLength(refusedIngestions.size);
    }
    const audit = logged.filter((a) => !(a.action === "ingestion.started" && refusedIngestions.has(a.entity_id)));
    const family = (route: string) => (route.includes("/availability") ? "availability" : route.split("/")[2]!.replace(/s$/, ""));
    const count = (families: string[]) => families.reduce<Record<string, number>>((all, f) => ({ ...all, [f]: (all[f] ?? 0) + 1 }), {});
    const allowed = count(mine.map((s) => family(s.route)));
    for (const [f, n] of Object.entries(count(audit.map((a) => a.action.split(".")[0]!)))) {
      expect(n, `audit rows of ${f} vs successful requests`).toBeLessThanOrEqual(allowed[f] ?? 0);
    }
    const answered = mine.map((s) => `${s.path} ${JSON.stringify(s.body)}`).join("\n");
    for (const row of audit) expect(answered, `${row.action} ${row.entity_id} has no successful request`).toContain(row.entity_id);

    // Refused creations left no row behind.
    const sentField = (route: string, field: string) =>
      refused
        .filter((r) => r.route === route)
        .map((r) => (r.sent as Record<string, unknown> | null)?.[field])
        // Postgres stores no NUL character, so such a value cannot have left a row (nor be a parameter).
        .filter((v): v is string => typeof v === "string" && !v.includes("\u0000"));
    const created = (route: string, field: string) =>
      new Set(succeeded.filter((s) => s.route === route).map((s) => String((s.body as Record<string, unknown>)[field])));

    const subjects = created("/v1/users", "auth_subject");
    const strayUsers = await db.query<{ auth_subject: string }>("SELECT auth_subject FROM users WHERE auth_subject = ANY($1::text[])", [
      sentField("/v1/users", "auth_subject"),
    ]);
    expect(strayUsers.filter((u) => !subjects.has(u.auth_subject))).toEqual([]);

    const tails = created("/v1/aircraft", "tail_number");
    const strayAircraft = await db.query<{ tail_number: string }>("SELECT tail_number FROM aircraft WHERE tail_number = ANY($1::text[])", [
      sentField("/v1/aircraft", "tail_number").map((t) => t.trim().toUpperCase()),
    ]);
    expect(strayAircraft.filter((a) => !tails.has(a.tail_number))).toEqual([]);

    const booked = new Set([bookingId, ...created("/v1/bookings", "id")]);
    const bookings = await db.query<{ id: string }>("SELECT id FROM bookings WHERE student_id = $1 OR instructor_id = $2", [
      student.user.id, instructor.user.id,
    ]);
    expect(bookings.filter((b) => !booked.has(b.id))).toEqual([]);
  });
});
