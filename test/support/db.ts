import { env } from "cloudflare:workers";
import { createDb, type Db } from "../../src/db/client";
import { loadConfig } from "../../src/env";

/** The database as its owner, for fixtures and for checking what the API stored. */
export function ownerDb(): Db {
  return createDb({ ...loadConfig(env), DATABASE_URL: env.TEST_OWNER_DATABASE_URL });
}

/** The database as the application's role, exactly as the Worker connects. */
export function appDb(): Db {
  return createDb(loadConfig(env));
}

export const redisUp = env.TEST_REDIS === "up";
