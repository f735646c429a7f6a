import { toJsonSchema } from "@valibot/to-json-schema";
import type { Hono } from "hono";
import type * as v from "valibot";
import { problemStatus, type ProblemCode } from "../http/problem";
import { SERVICE_VERSION } from "../routes/health";
import { metaOf, type RouteMeta } from "./meta";

type Json = Record<string, unknown>;

const PUBLIC_PATHS = new Set(["/health", "/openapi.json", "/docs", "/v1/calendar/:token"]);
const SUCCESS: Record<string, number> = { POST: 201 };

function jsonSchema(schema: v.GenericSchema): Json {
  // Requests are described as clients send them (before trims and defaults are applied).
  return toJsonSchema(schema, { target: "draft-2020-12", typeMode: "input", errorMode: "ignore" }) as Json;
}

/** `/v1/users/:id` → `/v1/users/{id}` */
const openApiPath = (path: string) => path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, "{$1}");
const pathParams = (path: string) => [...path.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!);

function parameters(path: string, meta: RouteMeta[]): Json[] {
  const params: Json[] = [];
  const paramSchema = meta.find((m) => m.validates?.target === "param")?.validates?.schema;
  const paramProps = paramSchema ? ((jsonSchema(paramSchema).properties ?? {}) as Record<string, Json>) : {};
  for (const name of pathParams(path)) {
    params.push({ name, in: "path", required: true, schema: paramProps[name] ?? { type: "string" } });
  }
  const querySchema = meta.find((m) => m.validates?.target === "query")?.validates?.schema;
  if (querySchema) {
    const converted = jsonSchema(querySchema);
    const required = new Set((converted.required as string[] | undefined) ?? []);
    for (const [name, schema] of Object.entries((converted.properties ?? {}) as Record<string, Json>)) {
      params.push({ name, in: "query", required: required.has(name), schema });
    }
  }
  if (meta.some((m) => m.idempotent)) {
    params.push({
      name: "Idempotency-Key",
      in: "header",
      required: false,
      description: "Replays the first response for 24 h when the same request is sent again.",
      schema: { type: "string", minLength: 1, maxLength: 255 },
    });
  }
  return params;
}

function errorResponses(method: string, path: string, meta: RouteMeta[]): Record<string, Json> {
  const codes = new Set<ProblemCode>(["internal_error", "service_unavailable"]);
  if (!PUBLIC_PATHS.has(path)) codes.add("unauthenticated").add("rate_limited");
  if (meta.some((m) => m.roles)) codes.add("forbidden");
  if (meta.some((m) => m.validates)) codes.add("validation_failed");
  if (meta.some((m) => m.validates?.target === "json")) codes.add("malformed_json").add("unsupported_media_type").add("payload_too_large");
  if (pathParams(path).length > 0) codes.add("not_found");
  if (method !== "GET") codes.add("conflict");
  if (meta.some((m) => m.idempotent)) codes.add("idempotency_key_reused");
  const byStatus = new Map<number, ProblemCode[]>();
  for (const code of codes) byStatus.set(problemStatus[code], [...(byStatus.get(problemStatus[code]) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].map(([status, list]) => [
      String(status),
      {
        description: list.join(", "),
        content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
      },
    ]),
  );
}

function operation(method: string, path: string, meta: RouteMeta[]): Json {
  const described = meta.find((m) => m.describes)?.describes;
  const roles = meta.find((m) => m.roles)?.roles;
  const body = meta.find((m) => m.validates?.target === "json")?.validates?.schema;
  const success = described?.responses ?? { [SUCCESS[method] ?? 200]: "success" };
  const tag = path.split("/").filter((p) => p && p !== "v1")[0] ?? "service";
  return {
    summary: described?.summary ?? `${method} ${path}`,
    ...(described?.description || roles
      ? { description: [described?.description, roles ? `Roles: ${roles.join(", ")}.` : undefined].filter(Boolean).join("\n\n") }
      : {}),
    tags: [tag],
    operationId: `${method.toLowerCase()}${openApiPath(path).replace(/[{}]/g, "").replace(/(^|[/_-])(\w)/g, (_, _s, ch: string) => ch.toUpperCase())}`,
    parameters: parameters(path, meta),
    ...(body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(body) } } } } : {}),
    ...(PUBLIC_PATHS.has(path) ? { security: [] } : {}),
    responses: {
      ...Object.fromEntries(
        Object.entries(success).map(([status, description]) => [status, { description, content: { "application/json": {} } }]),
      ),
      ...errorResponses(method, path, meta),
    },
  };
}

/**
 * The OpenAPI 3.1 document of every route the app serves, built from the routes themselves: each
 * route's `validate()` schemas become its parameters and request body, `requireRole()` its roles.
 */
export function buildOpenApiDocument(app: Pick<Hono, "routes">): Json {
  const grouped = new Map<string, { method: string; path: string; meta: RouteMeta[] }>();
  for (const route of app.routes) {
    if (route.method === "ALL") continue;
    const key = `${route.method} ${route.path}`;
    const entry = grouped.get(key) ?? { method: route.method, path: route.path, meta: [] };
    const meta = metaOf(route.handler);
    if (meta) entry.meta.push(meta);
    grouped.set(key, entry);
  }
  const paths: Record<string, Record<string, Json>> = {};
  for (const { method, path, meta } of grouped.values()) {
    const key = openApiPath(path);
    paths[key] = { ...paths[key], [method.toLowerCase()]: operation(method, path, meta) };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "skyslot API",
      version: SERVICE_VERSION,
      description: "Scheduling for flight schools: bookings, availability, weather-aware rescheduling and flight operations data.",
    },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }],
    paths,
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
  };
}
