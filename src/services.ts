import { createCache, type Cache } from "./cache/store";
import { createDb, type Db } from "./db/client";
import type { AppConfig } from "./env";
import type { Logger } from "./http/log";
import type { TripLog } from "./http/trips";

/** What a request, a job or a test works with: the same database and cache clients, built one way. */
export interface Services {
  config: AppConfig;
  log: Logger;
  db: Db;
  cache: Cache;
}

/**
 * Builds the services for one request or one job run from the parsed configuration. `trips`
 * counts their round trips (development responses show them).
 */
export function createServices(config: AppConfig, log: Logger, trips?: TripLog): Services {
  return { config, log, db: createDb(config, trips), cache: createCache(config, log, trips) };
}
