import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../app-env";
import { buildOpenApiDocument } from "../openapi/document";
import { jsonObject, jsonResponse } from "../openapi/responses";

/** The reference page's script, pinned to the version the tests render it with (package.json). */
export const SCALAR_VERSION = "1.72.1";
export const SCALAR_SCRIPT = `https://cdn.jsdelivr.net/npm/@scalar/api-reference@${SCALAR_VERSION}/dist/browser/standalone.js`;

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>skyslot API reference</title>
  </head>
  <body>
    <script id="api-reference" data-url="/openapi.json"></script>
    <script src="${SCALAR_SCRIPT}"></script>
  </body>
</html>`;

const PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self' https://cdn.jsdelivr.net 'unsafe-inline' 'unsafe-eval'",
  "style-src 'self' https://cdn.jsdelivr.net https://fonts.scalar.com 'unsafe-inline'",
  "font-src 'self' https://fonts.scalar.com data:",
  "img-src 'self' data: https:",
  "connect-src 'self'",
].join("; ");

/** The OpenAPI document and an interactive reference page, both without auth. */
export function docsRoutes(app: Parameters<typeof buildOpenApiDocument>[0]) {
  let document: Promise<Record<string, unknown>> | undefined;
  return new Hono<AppEnv>()
    .get("/openapi.json", describeRoute({ summary: "This OpenAPI 3.1 document", responses: { 200: jsonResponse(jsonObject, "the document") } }), async (c) => {
      // Built once per isolate: routes do not change while the Worker runs.
      document ??= buildOpenApiDocument(app).catch((error: unknown) => {
        document = undefined;
        throw error;
      });
      return c.json(await document, 200);
    })
    .get(
      "/docs",
      describeRoute({
        summary: "The interactive API reference, rendered from /openapi.json",
        responses: { 200: { description: "an HTML page", content: { "text/html": { schema: { type: "string" } } } } },
      }),
      (c) => {
        c.header("content-security-policy", PAGE_POLICY);
        return c.html(PAGE, 200);
      },
    );
}
