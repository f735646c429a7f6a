import { hc } from "hono/client";
import { exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { AppType } from "../../src/index";
import { SCALAR_SCRIPT } from "../../src/routes/docs";
import { call } from "../support/api";
import { makeUser, type TestUser } from "../support/users";

describe("API documentation", () => {
  it("serves the OpenAPI document without auth", async () => {
    const res = await call("/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe("3.1.0");
    expect(res.body.paths["/v1/users/me"].get).toBeDefined();
  });

  it("serves an interactive reference page pointing at the document", async () => {
    const page = await call("/docs");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.text).toContain('data-url="/openapi.json"');
    expect(page.text).toContain(SCALAR_SCRIPT);
    expect(page.headers.get("content-security-policy")).toContain("https://cdn.jsdelivr.net");
  });
});

describe("typed client", () => {
  let student: TestUser;
  beforeAll(async () => {
    student = await makeUser("STUDENT", { first_name: "Typed" });
  });

  it("calls the API with types from AppType", async () => {
    const client = hc<AppType>("https://skyslot.test", {
      fetch: (input: RequestInfo | URL, init?: RequestInit) => exports.default.fetch(new Request(input, init)),
      headers: { authorization: `Bearer ${student.token}` },
    });
    const res = await client.v1.users.me.$get();
    expect(res.status).toBe(200);
    const me = await res.json();
    // `first_name` is typed from the route's response: this line would not compile otherwise.
    const firstName: string = me.first_name;
    expect(firstName).toBe("Typed");
    const other = await client.v1.users[":id"].$get({ param: { id: student.user.id } });
    expect(other.status).toBe(200);
  });
});
