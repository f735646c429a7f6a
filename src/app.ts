import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "./app-env";
import { authenticate } from "./auth/guards";
import { ViewerChanged } from "./auth/viewer-check";
import { ConfigError, loadConfig } from "./env";
import { createLogger, describeError, loggablePath } from "./http/log";
import { ApiError, problemResponse } from "./http/problem";
import { TripLog } from "./http/trips";
import { logSecurityEvent, logUnexpectedError } from "./http/system-log";
import { adminRouter } from "./routes/admin";
import { aircraftRouter } from "./routes/aircraft";
import { airportsRoutes } from "./routes/airports/airports.routes";
import { analysesRoutes } from "./routes/analyses/analyses.routes";
import { analyticsRoutes } from "./routes/analytics/analytics.routes";
import { auditRoutes } from "./routes/audit/audit.routes";
import { bookingsRouter } from "./routes/bookings";
import { calendarRoutes } from "./routes/calendar/calendar.routes";
import { chartsRoutes } from "./routes/charts/charts.routes";
import { docsRoutes } from "./routes/docs";
import { flightsRoutes } from "./routes/flights/flights.routes";
import { healthRoutes } from "./routes/health";
import { ingestionsRoutes } from "./routes/ingestions/ingestions.routes";
import { notificationsRoutes } from "./routes/notifications/notifications.routes";
import { settingsRoutes } from "./routes/settings/settings.routes";
import { standbyRoutes } from "./routes/standby/standby.routes";
import { usersRouter } from "./routes/users";
import { weatherRoutes } from "./routes/weather/weather.routes";
import { createServices } from "./services";

const MAX_BODY_BYTES = 1024 * 1024;
const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The API, middleware first, read top to bottom. */
export function createApp() {
  const app = new Hono<AppEnv>();

  app.use(async (c, next) => {
    const incoming = c.req.header("x-request-id");
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
    c.set("requestId", requestId);
    c.set("log", createLogger({ request_id: requestId }));
    await next();
    c.header("x-request-id", requestId);
  });

  app.use(secureHeaders());
  app.use(
    cors({
      origin: "*",
      allowHeaders: ["Authorization", "Content-Type", "Idempotency-Key", "X-Request-Id"],
      allowMethods: ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
      exposeHeaders: ["X-Request-Id", "Retry-After"],
      maxAge: 600,
    }),
  );

  app.use(async (c, next) => {
    const started = Date.now();
    await next();
    c.var.log.info("request", {
      method: c.req.method,
      path: loggablePath(c.req.path),
      status: c.res.status,
      duration_ms: Date.now() - started,
      user_id: c.var.user?.id ?? null,
    });
  });

  // Services are built per request from bindings parsed once per isolate.
  app.use(async (c, next) => {
    const config = loadConfig(c.env);
    const trips = new TripLog();
    const { db, cache } = createServices(config, c.var.log, trips);
    c.set("config", config);
    c.set("db", db);
    c.set("cache", cache);
    await next();
    if (config.ENVIRONMENT === "development") c.header("x-skyslot-trips", trips.toString());
  });

  const bodyLimitOneMiB = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => problemResponse(c, new ApiError("payload_too_large", "The request body is larger than 1 MiB.")),
  });
  // Ingestion streams files of up to 50 MiB and sets its own limit.
  app.use("/v1/*", (c, next) => (c.req.path.startsWith("/v1/ingestions") ? next() : bodyLimitOneMiB(c, next)));
  // A read that started on a stale copy of its user is run again from the top. A calendar feed's
  // token is its credential (calendar clients send no Authorization), so feeds skip
  // authentication and are limited by IP instead (calendarRoutes spends that limit itself).
  const signIn = authenticate((request, env, ctx) => app.fetch(request, env, ctx));
  app.use("/v1/*", (c, next) => (c.req.path.startsWith("/v1/calendar/") ? next() : signIn(c, next)));

  const routes = app
    .route("/health", healthRoutes)
    .route("/v1/users", usersRouter)
    .route("/v1/airports", airportsRoutes)
    .route("/v1/aircraft", aircraftRouter)
    .route("/v1/bookings", bookingsRouter)
    .route("/v1/standby", standbyRoutes)
    .route("/v1/calendar", calendarRoutes)
    .route("/v1/notifications", notificationsRoutes)
    .route("/v1/audit", auditRoutes)
    .route("/v1/weather", weatherRoutes)
    .route("/v1/settings", settingsRoutes)
    .route("/v1/ingestions", ingestionsRoutes)
    .route("/v1/flights", flightsRoutes)
    .route("/v1/analytics", analyticsRoutes)
    .route("/v1/analyses", analysesRoutes)
    .route("/v1/charts", chartsRoutes)
    .route("/v1/admin", adminRouter);

  app.route("/", docsRoutes(app));

  app.notFound((c) => {
    const allowed = allowedMethods(app, c.req.path);
    if (allowed.length > 0) {
      return problemResponse(
        c,
        new ApiError("method_not_allowed", `${c.req.method} is not supported here; use ${allowed.join(", ")}.`, {
          headers: { allow: allowed.join(", ") },
        }),
      );
    }
    return problemResponse(c, new ApiError("not_found", `No route matches ${c.req.method} ${c.req.path}.`));
  });

  app.onError((error, c) => {
    // Sign-in runs such a write again on the current user; nothing to log.
    if (error instanceof ViewerChanged) return problemResponse(c, error);
    if (error instanceof ApiError) {
      if (error.status >= 500) c.var.log?.error("request_failed", { code: error.code, ...describeError(error.options.cause ?? error) });
      if (error.code === "unauthenticated" || error.code === "forbidden") logSecurityEvent(c, error.code, error.detail);
      return problemResponse(c, error);
    }
    if (error instanceof HTTPException && error.status < 500) {
      return problemResponse(c, new ApiError("validation_failed", error.message || "The request is not valid."));
    }
    const log = c.var.log ?? createLogger({ request_id: c.var.requestId });
    log.error(error instanceof ConfigError ? "config_invalid" : "unexpected_error", describeError(error));
    logUnexpectedError(c, error);
    return problemResponse(c, new ApiError("internal_error", "Something went wrong on our side; the request id helps us find it."));
  });

  return routes;
}

/** Methods some route accepts on `path`, to tell 405 from 404. */
function allowedMethods(app: Hono<AppEnv>, path: string): string[] {
  const methods = new Set<string>();
  for (const route of app.routes) {
    if (route.method === "ALL") continue;
    const pattern = new RegExp(`^${route.path.replace(/\/:[^/]+/g, "/[^/]+").replace(/\/\*$/, "/.*")}/?$`);
    if (pattern.test(path)) methods.add(route.method);
  }
  return [...methods].sort();
}

export type AppType = ReturnType<typeof createApp>;
