/** One JSON object per line, so Workers Logs and `wrangler tail` can filter on any field. */
export interface Logger {
  info(event: string, data?: Record<string, unknown>): void;
  warn(event: string, data?: Record<string, unknown>): void;
  error(event: string, data?: Record<string, unknown>): void;
}

export function createLogger(base: Record<string, unknown> = {}): Logger {
  const write = (level: "info" | "warn" | "error", event: string, data: Record<string, unknown> = {}) => {
    const line = JSON.stringify({ level, event, time: new Date().toISOString(), ...base, ...data });
    if (level === "error") console.error(line);
    else if (level === "warn") console.warn(line);
    else console.log(line);
  };
  return {
    info: (event, data) => write("info", event, data),
    warn: (event, data) => write("warn", event, data),
    error: (event, data) => write("error", event, data),
  };
}

/** What an unexpected error looks like in a log line: message and stack, never sent to clients. */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: String(error) };
  const cause = error.cause instanceof Error ? { cause: error.cause.message } : {};
  return { error: error.message, error_name: error.name, stack: error.stack, ...cause };
}

/** A request path fit for logs: a calendar feed's path carries its secret token, which is hidden. */
export function loggablePath(path: string): string {
  return path.replace(/^\/v1\/calendar\/[^/]+/, "/v1/calendar/:token");
}
