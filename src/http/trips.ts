/**
 * The round trips one request makes, and how many of them it waited for one after another (the
 * critical path): a trip started after another ended sits one step deeper, trips in flight
 * together share a step. Shown on development responses as `x-skyslot-trips`, for the bench.
 */
export class TripLog {
  db = 0;
  redis = 0;
  /** The deepest step among trips that have ended. */
  private depth = 0;

  track<T>(kind: "db" | "redis", send: () => Promise<T>): Promise<T> {
    const after = this.depth;
    this[kind] += 1;
    return send().finally(() => {
      this.depth = Math.max(this.depth, after + 1);
    });
  }

  get sequential(): number {
    return this.depth;
  }

  toString(): string {
    return `sequential=${this.sequential}, db=${this.db}, redis=${this.redis}`;
  }
}
