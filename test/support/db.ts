import { env } from "cloudflare:workers";
import type { Db } from "../../src/db/client";
import { loadConfig, type Bindings } from "../../src/env";
import { createLogger } from "../../src/http/log";
import { createServices, type Services } from "../../src/services";

/** The services as the Worker builds them, from the test run's bindings (or the given ones). */
export function testServices(bindings: Bindings = env, log = createLogger({ test: true })): Services {
  return createServices(loadConfig(bindings), log);
}

/** The database as its owner, for fixtures and for checking what the API stored. */
export function ownerDb(): Db {
  return testServices({ ...env, DATABASE_URL: env.TEST_OWNER_DATABASE_URL }).db;
}

/** The database as the application's role, exactly as the Worker connects. */
export function appDb(): Db {
  return testServices().db;
}

export const redisUp = env.TEST_REDIS === "up";
