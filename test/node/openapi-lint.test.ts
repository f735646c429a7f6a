import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { buildOpenApiDocument } from "../../src/openapi/document";

const REDOCLY = fileURLToPath(new URL("../../node_modules/@redocly/cli/bin/cli.js", import.meta.url));

interface LintReport {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
}

// Redocly CLI's `recommended` rules, run as a client's CI would run them on the served document.
describe("the OpenAPI document under Redocly CLI", () => {
  let dir: string | undefined;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("has no lint errors", async () => {
    dir = await mkdtemp(join(tmpdir(), "skyslot-openapi-lint-"));
    const file = join(dir, "openapi.json");
    await writeFile(file, JSON.stringify(await buildOpenApiDocument(createApp())));
    // Redocly exits 1 when it finds errors; the report says which, so read it either way.
    const stdout = await promisify(execFile)(process.execPath, [REDOCLY, "lint", file, "--extends=recommended", "--format=json"], {
      cwd: dir,
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1" },
      maxBuffer: 64 * 1024 * 1024,
    })
      .then((r) => r.stdout)
      .catch((error: { stdout?: string }) => error.stdout ?? "");
    const report = JSON.parse(stdout.slice(stdout.indexOf("{"))) as LintReport;
    const errors = report.problems
      .filter((p) => p.severity === "error")
      .map((p) => `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`);
    expect(errors).toEqual([]);
    expect(report.totals.errors).toBe(0);
  }, 120_000);
});
