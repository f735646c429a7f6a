import type { Services } from "../services";

export interface JobContext extends Services {
  /** The trigger's scheduled time: every "now" inside a job is this, so reruns decide alike. */
  now: Date;
}

/** A job returns counts of what it did, stored with its run. */
export type Job = (ctx: JobContext) => Promise<Record<string, number>>;
