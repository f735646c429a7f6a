import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import openapiTS from "openapi-typescript";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { buildOpenApiDocument } from "../../src/openapi/document";

// openapi-typescript 6: version 7 prints its output through the TypeScript 5 compiler API (a peer
// dependency), which the project's TypeScript 7 does not have; 6 writes the same kind of types itself.
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TSC = join(ROOT, "node_modules/typescript/bin/tsc");

/**
 * A client as a school's developer would write it against types generated from /openapi.json.
 * It type-checks only if the document gives answers their fields; the `@ts-expect-error` lines
 * fail the check ("unused directive") if the answers were untyped.
 */
const CLIENT = `
import createClient from "openapi-fetch";
import type { components, paths } from "./schema";

type Booking = components["schemas"]["Booking"];

const api = createClient<paths>({ baseUrl: "https://skyslot.example", headers: { authorization: "Bearer token" } });

export async function bookAndCheck(studentId: string, instructorId: string, aircraftId: string): Promise<string[]> {
  const seen: string[] = [];
  const list = await api.GET("/v1/bookings", { params: { query: { status: "CONFIRMED", limit: "10" } } });
  if (list.data) {
    const first: Booking | undefined = list.data.data[0];
    const next: string | null = list.data.next_cursor;
    if (first) seen.push(first.status, first.scheduled_at, String(first.aircraft_id ?? "no aircraft"));
    if (next !== null) seen.push(next);
  }

  const created = await api.POST("/v1/bookings", {
    body: {
      student_id: studentId,
      instructor_id: instructorId,
      aircraft_id: aircraftId,
      departure_airport: "KPAO",
      arrival_airport: "KPAO",
      scheduled_at: "2030-05-01T14:00:00Z",
      duration_minutes: 90,
    },
    headers: { "Idempotency-Key": "first-try" },
  });
  if (created.data) {
    const minutes: number = created.data.duration_minutes;
    const reasons: ("weather" | "aircraft")[] = created.data.risk_reasons;
    seen.push(created.data.id, String(minutes), ...reasons);
  }
  if (created.error) seen.push(created.error.code, created.error.detail);

  const aircraft = await api.GET("/v1/aircraft/{id}", { params: { path: { id: aircraftId } } });
  if (aircraft.data) {
    const airworthy: boolean = aircraft.data.airworthy;
    seen.push(aircraft.data.tail_number, String(airworthy), ...aircraft.data.grounded_reasons.map((r) => r.detail));
    // @ts-expect-error an aircraft has no wingspan in the API
    seen.push(aircraft.data.wingspan);
  }

  const me = await api.GET("/v1/users/me");
  if (me.data) seen.push(me.data.email, me.data.role);

  // @ts-expect-error duration_minutes is a number of minutes, not text
  await api.POST("/v1/bookings", { body: { student_id: studentId, instructor_id: instructorId, departure_airport: "KPAO", arrival_airport: "KPAO", scheduled_at: "2030-05-01T14:00:00Z", duration_minutes: "90" } });
  return seen;
}
`;

const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    module: "ESNext",
    moduleResolution: "Bundler",
    lib: ["ES2023", "DOM"],
    types: [],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  },
  files: ["client.ts"],
};

describe("a client generated from the OpenAPI document", () => {
  let dir: string | undefined;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("type-checks typed calls and refuses fields the API does not have", async () => {
    // Inside the project, so the client resolves openapi-fetch from its node_modules.
    await mkdir(join(ROOT, ".data"), { recursive: true });
    dir = await mkdtemp(join(ROOT, ".data", "openapi-client-"));
    const types = await openapiTS(structuredClone(await buildOpenApiDocument(createApp())) as never);
    await writeFile(join(dir, "schema.d.ts"), types);
    await writeFile(join(dir, "client.ts"), CLIENT);
    await writeFile(join(dir, "tsconfig.json"), JSON.stringify(TSCONFIG));
    const result = await promisify(execFile)(process.execPath, [TSC, "-p", join(dir, "tsconfig.json")], { cwd: dir })
      .then(() => ({ code: 0, output: "" }))
      .catch((error: { code?: number; stdout?: string; stderr?: string }) => ({
        code: error.code ?? 1,
        output: `${error.stdout ?? ""}${error.stderr ?? ""}`,
      }));
    expect(result.output).toBe("");
    expect(result.code).toBe(0);
  }, 120_000);
});
