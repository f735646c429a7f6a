import { existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import { dirname } from "node:path";
import { describe, expect, it } from "vitest";
import { readDevVars, workerEnvFile } from "../../dev/stack";

describe("the Worker's bindings for wrangler dev", () => {
  it("go into a private env file, never onto the command line", async () => {
    const bindings = {
      DATABASE_URL: "postgres://skyslot:p%40ss%23word@127.0.0.1:54329/skyslot",
      JWT_SECRET: "a".repeat(64),
      UPSTASH_REDIS_REST_TOKEN: "it's-a-token",
    };
    const file = await workerEnvFile(bindings);
    const path = file.args[file.args.length - 1]!;
    try {
      expect(file.args.join(" ")).not.toMatch(/p%40ss|aaaa|it's-a-token/);
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      expect((await stat(dirname(path))).mode & 0o777).toBe(0o700);
      expect(await readDevVars(path)).toEqual(bindings);
    } finally {
      await file.remove();
    }
    expect(existsSync(dirname(path))).toBe(false);
  });

  it("refuses a value an env file cannot hold", async () => {
    await expect(workerEnvFile({ JWT_SECRET: "two\nlines" })).rejects.toThrow(/JWT_SECRET cannot be written/);
  });
});
