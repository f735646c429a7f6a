import type { Hono } from "hono";
import { generateSpecs } from "hono-openapi";
import { problemStatus, type ProblemCode } from "../http/problem";
import { SERVICE_VERSION } from "../routes/health";
import { metaOf, validatedTarget, type RouteMeta } from "./meta";

type Json = Record<string, any>;

const PUBLIC_PATHS = new Set(["/health", "/openapi.json", "/docs", "/v1/calendar/:token"]);

/** What one method and path learns from our own middleware (hono-openapi knows the rest). */
interface Facts {
  roles?: readonly string[];
  idempotent: boolean;
  targets: Set<string>;
}

/** `/v1/users/:id` → `/v1/users/{id}` */
const openApiPath = (path: string) => path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, "{$1}");
const hasPathParams = (path: string) => /:[A-Za-z_]/.test(path);

/** `get /v1/users/{id}` → `getV1UsersId`, as clients generated from earlier documents name it. */
const operationId = (method: string, path: string) =>
  `${method.toLowerCase()}${openApiPath(path).replace(/[{}]/g, "").replace(/(^|[/_-])(\w)/g, (_, _s, ch: string) => ch.toUpperCase())}`;

function factsOf(app: Pick<Hono, "routes">): Map<string, Facts & { method: string; path: string }> {
  const facts = new Map<string, Facts & { method: string; path: string }>();
  for (const route of app.routes) {
    if (route.method === "ALL") continue;
    const key = `${route.method} ${route.path}`;
    const entry = facts.get(key) ?? { method: route.method, path: route.path, idempotent: false, targets: new Set<string>() };
    const meta: RouteMeta | undefined = metaOf(route.handler);
    if (meta?.roles) entry.roles = meta.roles;
    if (meta?.idempotent) entry.idempotent = true;
    const target = validatedTarget(route.handler);
    if (target) entry.targets.add(target);
    facts.set(key, entry);
  }
  // Middleware mounted with `.use()` (a role for a whole router) applies to every route under it.
  for (const route of app.routes) {
    if (route.method !== "ALL") continue;
    const roles = metaOf(route.handler)?.roles;
    if (!roles) continue;
    const prefix = route.path.replace(/\/?\*$/, "");
    for (const entry of facts.values()) {
      if (entry.path === prefix || entry.path.startsWith(`${prefix}/`)) entry.roles ??= roles;
    }
  }
  return facts;
}

function problemResponses(method: string, path: string, facts: Facts): Record<string, Json> {
  const codes = new Set<ProblemCode>(["internal_error", "service_unavailable"]);
  if (!PUBLIC_PATHS.has(path)) codes.add("unauthenticated").add("rate_limited");
  if (facts.roles) codes.add("forbidden");
  if (facts.targets.size > 0) codes.add("validation_failed");
  if (facts.targets.has("json")) codes.add("malformed_json").add("unsupported_media_type").add("payload_too_large");
  if (hasPathParams(path)) codes.add("not_found");
  if (method !== "GET") codes.add("conflict");
  if (facts.idempotent) codes.add("idempotency_key_reused");
  const byStatus = new Map<number, ProblemCode[]>();
  for (const code of codes) byStatus.set(problemStatus[code], [...(byStatus.get(problemStatus[code]) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].map(([status, list]) => [
      String(status),
      { description: list.join(", "), content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } },
    ]),
  );
}

/** What hono-openapi has no notion of: roles, Idempotency-Key, problem responses, public paths. */
function complete(operation: Json, method: string, path: string, facts: Facts): void {
  operation.operationId = operationId(method, path);
  operation.summary ??= `${method} ${path}`;
  operation.tags = [path.split("/").filter((p) => p && p !== "v1")[0] ?? "service"];
  if (facts.roles) operation.description = [operation.description, `Roles: ${facts.roles.join(", ")}.`].filter(Boolean).join("\n\n");
  if (facts.idempotent) {
    operation.parameters = [
      ...(operation.parameters ?? []),
      {
        name: "Idempotency-Key",
        in: "header",
        required: false,
        description: "Replays the first response for 24 h when the same request is sent again.",
        schema: { type: "string", minLength: 1, maxLength: 255 },
      },
    ];
  }
  if (operation.parameters?.length === 0) delete operation.parameters;
  if (PUBLIC_PATHS.has(path)) operation.security = [];
  // A route's own description of a status (health's 503 body) wins over the generic problem.
  operation.responses = { ...problemResponses(method, path, facts), ...operation.responses };
}

/**
 * The OpenAPI 3.1 document of every route the app serves. hono-openapi reads each route's
 * `describeRoute` (summary, success responses with the schemas of what the presenters return)
 * and its `validate()` schemas (parameters, request body); the roles `requireRole()` enforces,
 * `idempotent()` and the problem responses are added here from the same middleware.
 */
export async function buildOpenApiDocument(app: Pick<Hono, "routes">): Promise<Json> {
  const document: Json = await generateSpecs(app as Hono, {
    includeEmptyPaths: true,
    excludeStaticFile: false,
    defaultValidationErrorResponse: false,
    documentation: {
      info: {
        title: "skyslot API",
        version: SERVICE_VERSION,
        description: "Scheduling for flight schools: bookings, availability, weather-aware rescheduling and flight operations data.",
      },
      servers: [{ url: "/" }],
      security: [{ bearer: [] }],
      components: {
        securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
        schemas: {
          Problem: {
            type: "object",
            required: ["type", "title", "status", "detail", "code", "request_id"],
            properties: {
              type: { type: "string" },
              title: { type: "string" },
              status: { type: "integer" },
              detail: { type: "string" },
              code: { type: "string", enum: Object.keys(problemStatus) },
              request_id: { type: ["string", "null"] },
              errors: {
                type: "array",
                items: { type: "object", required: ["path", "message"], properties: { path: { type: "string" }, message: { type: "string" } } },
              },
            },
          },
        },
      },
    },
  });
  for (const facts of factsOf(app).values()) {
    const operation = document.paths?.[openApiPath(facts.path)]?.[facts.method.toLowerCase()];
    if (operation) complete(operation, facts.method, facts.path, facts);
  }
  // hono-openapi sets `tags: undefined` when the documentation lists none; operations carry theirs.
  delete document.tags;
  return document;
}
