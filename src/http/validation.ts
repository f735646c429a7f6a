import type { MiddlewareHandler } from "hono";
import * as v from "valibot";
import type { AppEnv } from "../app-env";
import { resolver, uniqueSymbol } from "hono-openapi";
import { requestSchemaOptions } from "../openapi/responses";
import { ApiError, type FieldError } from "./problem";

type Target = "json" | "query" | "param";

/** valibot issues as the contract's `errors: [{ path, message }]`. */
export function fieldErrors(issues: readonly v.BaseIssue<unknown>[], root: string): FieldError[] {
  return issues.map((issue) => ({ path: v.getDotPath(issue) ?? root, message: issue.message }));
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!JSON_TYPE.test(type)) {
    throw new ApiError("unsupported_media_type", "Send the body as application/json.");
  }
  const text = await request.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("malformed_json", "The request body is not valid JSON.");
  }
}

function readTarget(target: Target, c: Parameters<MiddlewareHandler<AppEnv>>[0]): Promise<unknown> | unknown {
  if (target === "json") return readJson(c.req.raw);
  if (target === "param") return c.req.param();
  // Repeated query keys keep only the first value, so a string schema never sees an array.
  return c.req.query();
}

/**
 * Validates one part of the request with a valibot schema and hands the typed result to
 * `c.req.valid(target)`, so routes (and `hc<AppType>()` clients) see the schema's types.
 * Our own rather than hono-openapi's `validator` (Hono's validator underneath): that one validates
 * `{}` when the Content-Type is not JSON, throws Hono's plain 400 for malformed JSON and reports
 * field errors as `{ success, error }`, where the contract wants problem+json (415, 400
 * malformed_json, 422 with `errors: [{ path, message }]`). It carries hono-openapi's marker, so
 * the document still takes parameters and request bodies from these schemas.
 */
export function validate<T extends Target, S extends v.GenericSchema>(
  target: T,
  schema: S,
): MiddlewareHandler<AppEnv, string, { in: { [K in T]: v.InferInput<S> }; out: { [K in T]: v.InferOutput<S> } }> {
  const root = target === "json" ? "body" : target;
  const middleware: MiddlewareHandler<AppEnv, string, { in: { [K in T]: v.InferInput<S> }; out: { [K in T]: v.InferOutput<S> } }> = async (c, next) => {
    const input = await readTarget(target, c);
    const result = v.safeParse(schema, input);
    if (!result.success) {
      throw new ApiError("validation_failed", "The request has invalid fields.", {
        errors: fieldErrors(result.issues, root),
      });
    }
    c.req.addValidatedData(target, result.output as object);
    await next();
  };
  return Object.assign(middleware, { [uniqueSymbol]: { target, ...resolver(schema, requestSchemaOptions) } });
}
