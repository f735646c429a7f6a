import { Validator } from "@seriousme/openapi-schema-validator";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { buildOpenApiDocument } from "../../src/openapi/document";

// Validators compile schemas into code, which workerd forbids; the document is the same in Node.
describe("the OpenAPI document", () => {
  const app = createApp();
  let document: { openapi: string; paths: Record<string, Record<string, any>> };
  beforeAll(async () => {
    document = (await buildOpenApiDocument(app)) as typeof document;
  });

  it("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("describes every route the app serves", () => {
    const served = app.routes
      .filter((r) => r.method !== "ALL")
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, "{$1}")}`);
    expect(served.length).toBeGreaterThan(5);
    for (const route of served) {
      const [method, path] = route.split(" ") as [string, string];
      expect(document.paths[path]?.[method], route).toBeDefined();
    }
  });

  it("takes request schemas from the validation itself", () => {
    const create = document.paths["/v1/users"]!.post;
    const body = create.requestBody.content["application/json"].schema;
    expect(Object.keys(body.properties)).toEqual(
      expect.arrayContaining(["auth_subject", "email", "first_name", "last_name", "role", "training_level", "timezone"]),
    );
    expect(body.properties.role.enum).toEqual(["STUDENT", "INSTRUCTOR", "ADMIN"]);
    expect(create.description).toContain("ADMIN");
    expect(create.parameters.map((p: { name: string }) => p.name)).toContain("Idempotency-Key");
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(["201", "401", "403", "409", "422"]));
    const list = document.paths["/v1/users"]!.get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(["role", "limit", "cursor"]));
    expect(document.paths["/v1/users/{id}"]!.get.parameters[0]).toMatchObject({ name: "id", in: "path", required: true });
    expect(document.paths["/health"]!.get.security).toEqual([]);
  });

  it("describes every success response with a schema", () => {
    const undescribed: string[] = [];
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const success = Object.entries(operation.responses as Record<string, { content?: Record<string, { schema?: unknown }> }>)
          .filter(([status]) => status.startsWith("2") || status === "304");
        if (success.length === 0) undescribed.push(`${method} ${path}: no success response`);
        for (const [status, response] of success) {
          // 204 and 304 have no body; everything else names its media type and schema.
          if (status === "204" || status === "304") continue;
          const media = Object.values(response.content ?? {});
          if (media.length === 0 || media.some((m) => m.schema === undefined)) undescribed.push(`${method} ${path} ${status}`);
        }
      }
    }
    expect(undescribed).toEqual([]);
  });

  it("names the resources clients see most, so generated types are named too", () => {
    const schemas = (document as unknown as { components: { schemas: Record<string, unknown> } }).components.schemas;
    expect(Object.keys(schemas)).toEqual(expect.arrayContaining(["Booking", "Aircraft", "User", "Airport", "Problem"]));
    const list = document.paths["/v1/bookings"]!.get.responses["200"].content["application/json"].schema;
    expect(list.properties.data.items).toEqual({ $ref: "#/components/schemas/Booking" });
    expect(list.required).toEqual(expect.arrayContaining(["data", "next_cursor"]));
  });

  it("keeps the API reference's first sections: health, then users", () => {
    expect(Object.keys(document.paths).slice(0, 2)).toEqual(["/health", "/v1/users"]);
  });
});
