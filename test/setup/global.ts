// Vitest global setup (runs in Node, once per run): a throwaway local stack for the Workers pool.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startGateway, type Gateway } from "../../dev/gateway.ts";
import { DEFAULT_REDIS_URL, startStack, type Stack } from "../../dev/stack.ts";

/** The Worker's bindings as the local stack hands them over. */
type WorkerBindings = {
  DATABASE_URL: string;
  LOCAL_GATEWAY_URL: string;
  ENVIRONMENT: string;
  JWT_SECRET: string;
  JWT_ISSUER: string;
  JWT_AUDIENCE: string;
  UPSTASH_REDIS_REST_URL?: string;
  UPSTASH_REDIS_REST_TOKEN?: string;
};

/** What tests see as `env` (miniflare bindings) and through `inject("bindings")`. */
export type TestBindings = WorkerBindings & {
  RATE_LIMIT_PER_MINUTE: string;
  RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE: string;
  /** Superuser URL, for fixtures that must bypass the app role's rights. */
  TEST_OWNER_DATABASE_URL: string;
  /** Whether Redis answered; Redis-dependent tests skip themselves when "down". */
  TEST_REDIS: "up" | "down";
  TEST_GATEWAY_URL: string;
  /**
   * A second gateway to the same Postgres and Redis whose services can be switched off
   * (POST /_gateway/faults), so resilience tests never disturb the files running beside them.
   */
  TEST_FAULT_GATEWAY_URL: string;
  TEST_FAULT_UPSTASH_TOKEN: string;
  /** Where the gateways keep this run's Redis keys; a script that names a key in ARGV must add it. */
  TEST_REDIS_KEY_PREFIX: string;
};

const REDIS_DOWN_WARNING = `
################################################################################
##                                                                            ##
##   REDIS IS NOT REACHABLE — cache and rate-limit tests WILL BE SKIPPED.     ##
##                                                                            ##
##   Start Redis on 127.0.0.1:6379, or point REDIS_URL at one, to run them.   ##
##   (With CI=true this is an error, not a warning.)                          ##
##                                                                            ##
################################################################################
`;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = await mkdtemp(join(tmpdir(), "skyslot-test-"));
  // Redis outlives the run (and may serve another run at the same time): this run's keys are its own.
  const redisKeyPrefix = `test-run:${randomBytes(6).toString("hex")}:`;
  const removeDir = () => rm(dataDir, { recursive: true, force: true });
  const verbose = Boolean(process.env.SKYSLOT_STACK_LOG);
  let stack: Stack;
  try {
    stack = await startStack({
      dataDir,
      persistent: false,
      seedDevUsers: false,
      redisKeyPrefix,
      log: (line) => {
        if (verbose || /stack (ready|stopped)|redis /.test(line)) console.log(`[test stack] ${line}`);
      },
    });
  } catch (error) {
    await removeDir();
    throw error;
  }

  if (!stack.redisAvailable) {
    if (process.env.CI === "true") {
      await stack.stop();
      await removeDir();
      throw new Error("Redis is not reachable (REDIS_URL or redis://127.0.0.1:6379); CI runs must exercise the cache");
    }
    console.warn(REDIS_DOWN_WARNING);
  }

  const faultToken = randomBytes(16).toString("hex");
  let faultGateway: Gateway;
  try {
    faultGateway = await startGateway({
      port: 0,
      redisUrl: stack.redisAvailable ? (process.env.REDIS_URL ?? DEFAULT_REDIS_URL) : null,
      redisKeyPrefix,
      upstashToken: faultToken,
      log: (line) => {
        if (verbose) console.log(`[test fault gateway] ${line}`);
      },
    });
  } catch (error) {
    await stack.stop();
    await removeDir();
    throw error;
  }

  const bindings: TestBindings = {
    ...(stack.workerBindings() as WorkerBindings),
    TEST_OWNER_DATABASE_URL: stack.ownerDatabaseUrl,
    TEST_REDIS: stack.redisAvailable ? ("up" as const) : ("down" as const),
    TEST_GATEWAY_URL: stack.gatewayUrl,
    TEST_FAULT_GATEWAY_URL: faultGateway.url,
    TEST_FAULT_UPSTASH_TOKEN: faultToken,
    TEST_REDIS_KEY_PREFIX: redisKeyPrefix,
    // Many test files share a few users; the rate-limit tests set their own low limits.
    RATE_LIMIT_PER_MINUTE: "1000000",
    // Many test files send refused tokens from the same (absent) address.
    RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE: "1000000",
  };
  project.provide("bindings", bindings);

  return async () => {
    await faultGateway.close();
    await stack.stop();
    await removeDir();
  };
}
