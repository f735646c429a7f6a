import * as v from "valibot";

const optionalText = v.optional(v.pipe(v.string(), v.trim(), v.minLength(1)));
const optionalUrl = v.optional(v.pipe(v.string(), v.trim(), v.url()));

const EnvSchema = v.pipe(
  v.object({
    ENVIRONMENT: v.optional(v.picklist(["development", "staging", "production"]), "development"),
    DATABASE_URL: v.pipe(
      v.string("DATABASE_URL is required"),
      v.regex(/^postgres(ql)?:\/\/.+/, "DATABASE_URL must be a postgres:// connection string"),
    ),
    UPSTASH_REDIS_REST_URL: optionalUrl,
    UPSTASH_REDIS_REST_TOKEN: optionalText,
    JWT_SECRET: v.optional(v.pipe(v.string(), v.minLength(32, "JWT_SECRET must be at least 32 characters"))),
    JWKS_URL: optionalUrl,
    JWT_ISSUER: optionalText,
    JWT_AUDIENCE: optionalText,
    WEATHER_API_URL: v.optional(v.pipe(v.string(), v.url()), "https://aviationweather.gov/api/data"),
    /** Local stack only: the gateway that speaks Neon's and Upstash's protocols to local servers. */
    LOCAL_GATEWAY_URL: optionalUrl,
    /** The longest token lifetime accepted (exp − iat, or exp − now without iat). */
    JWT_MAX_LIFETIME_SECONDS: v.optional(
      v.pipe(v.string(), v.transform(Number), v.integer(), v.minValue(60)),
      "86400",
    ),
    RATE_LIMIT_PER_MINUTE: v.optional(
      v.pipe(v.string(), v.transform(Number), v.integer(), v.minValue(1)),
      "120",
    ),
    /** Requests per minute per IP that are not signed in (no token, or a refused one). */
    RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE: v.optional(
      v.pipe(v.string(), v.transform(Number), v.integer(), v.minValue(1)),
      "20",
    ),
    /** After an admin's run of a job ends, how long until they may start the next one. */
    JOB_RUN_COOLDOWN_SECONDS: v.optional(
      v.pipe(v.string(), v.transform(Number), v.integer(), v.minValue(0)),
      "30",
    ),
    /** Analytics answers that must scan the flights (not cached, not in the rollup) per user per minute. */
    EXPENSIVE_READS_PER_MINUTE: v.optional(
      v.pipe(v.string(), v.transform(Number), v.integer(), v.minValue(1)),
      "10",
    ),
  }),
  v.check(
    (e) => e.JWKS_URL !== undefined || (e.JWT_SECRET !== undefined && e.ENVIRONMENT !== "production"),
    "set JWKS_URL (production requires it) or, outside production, JWT_SECRET",
  ),
  v.check(
    (e) => e.JWKS_URL === undefined || (e.JWT_ISSUER !== undefined && e.JWT_AUDIENCE !== undefined),
    "JWKS_URL needs JWT_ISSUER and JWT_AUDIENCE",
  ),
  v.check(
    (e) => (e.UPSTASH_REDIS_REST_URL === undefined) === (e.UPSTASH_REDIS_REST_TOKEN === undefined),
    "set both UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN, or neither",
  ),
  v.check(
    (e) => e.LOCAL_GATEWAY_URL === undefined || e.ENVIRONMENT === "development",
    "LOCAL_GATEWAY_URL is for local development only",
  ),
);

export type AppConfig = v.InferOutput<typeof EnvSchema>;

/** The Worker's bindings as wrangler and the runtime hand them over. */
export type Bindings = Record<string, unknown>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

const parsed = new WeakMap<object, AppConfig>();

/**
 * Parses the bindings once per isolate (the runtime keeps one env object per isolate) and
 * fails loudly, naming every bad setting but never echoing a value.
 */
export function loadConfig(env: Bindings): AppConfig {
  const hit = parsed.get(env);
  if (hit) return hit;
  const result = v.safeParse(EnvSchema, env);
  if (!result.success) {
    const problems = result.issues.map((issue) => {
      const key = v.getDotPath(issue);
      return key ? `${key}: ${issue.message}` : issue.message;
    });
    throw new ConfigError(`invalid configuration: ${problems.join("; ")}`);
  }
  parsed.set(env, result.output);
  return result.output;
}
