import type { Cache } from "../cache/store";
import type { Db } from "../db/client";
import type { AppConfig } from "../env";
import type { Logger } from "../http/log";

export interface JobContext {
  /** The trigger's scheduled time: every "now" inside a job is this, so reruns decide alike. */
  now: Date;
  db: Db;
  cache: Cache;
  config: AppConfig;
  log: Logger;
}

/** A job returns counts of what it did, stored with its run. */
export type Job = (ctx: JobContext) => Promise<Record<string, number>>;
