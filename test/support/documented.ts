import { findTargetHandler } from "hono/utils/handler";
import { uniqueSymbol } from "hono-openapi";
import * as v from "valibot";
import { createApp } from "../../src/app";

type Spec = { spec?: { responses?: Record<string, { content?: Record<string, { schema?: { valibot?: v.GenericSchema } }> }> } };

const app = createApp();

/** The valibot schema a route's `describeRoute` documents for a JSON answer, read from the route itself. */
function schemaOf(handler: unknown, status: number): v.GenericSchema | undefined {
  const spec = (findTargetHandler(handler as never) as { [uniqueSymbol]?: Spec })[uniqueSymbol]?.spec;
  return spec?.responses?.[status]?.content?.["application/json"]?.schema?.valibot;
}

/** By route pattern (`/v1/bookings/:id`), for a test that names the route it checks. */
export function documentedSchema(method: string, path: string, status: number): v.GenericSchema {
  for (const route of app.routes) {
    if (route.method !== method || route.path !== path) continue;
    const schema = schemaOf(route.handler, status);
    if (schema) return schema;
  }
  throw new Error(`${method} ${path} documents no JSON schema for ${status}`);
}

const describeIssues = (issues: readonly v.BaseIssue<unknown>[]) => issues.map((i) => `${v.getDotPath(i) ?? "(root)"}: ${i.message}`);

/** Where an answer breaks the schema its route documents for its status ([] when it matches). */
export function undocumentedFields(method: string, path: string, status: number, body: unknown): string[] {
  const result = v.safeParse(documentedSchema(method, path, status), body);
  return result.success ? [] : describeIssues(result.issues);
}

/**
 * Every JSON success answer a test receives through `call()` is checked against the schema the
 * OpenAPI document gives it, so a presenter and the document cannot drift apart unnoticed.
 */
export function assertAsDocumented(method: string, url: string, status: number, body: unknown): void {
  const [matches] = app.router.match(method, new URL(url).pathname);
  for (const [[, route]] of matches) {
    const schema = schemaOf(route.handler, status);
    if (!schema) continue;
    const result = v.safeParse(schema, body);
    if (!result.success) {
      const issues = describeIssues(result.issues.slice(0, 5)).join("; ");
      throw new Error(`${method} ${route.path} answered ${status} with a body its OpenAPI schema does not describe: ${issues}`);
    }
    return;
  }
}
