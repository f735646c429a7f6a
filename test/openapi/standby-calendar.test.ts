import { describe, expect, it } from "vitest";
import { call } from "../support/api";

describe("the OpenAPI document covers standby, cancellations and calendar feeds", () => {
  it("describes each new route from its own schemas", async () => {
    const { paths } = (await call("/openapi.json")).body;
    const standby = paths["/v1/standby"];
    expect(standby.post.requestBody.content["application/json"].schema.required.sort()).toEqual(
      ["departure_airport", "duration_minutes", "student_id", "window_end", "window_start"],
    );
    expect(standby.post.parameters.map((p: { name: string }) => p.name)).toContain("Idempotency-Key");
    expect(standby.get.parameters.map((p: { name: string }) => p.name).sort()).toEqual(["cursor", "limit", "status", "student_id"]);
    expect(paths["/v1/standby/{id}"].delete.summary).toMatch(/Withdraw/);

    const cancel = paths["/v1/bookings/{id}/cancel"].post.requestBody.content["application/json"].schema;
    expect(cancel.properties.category.enum).toEqual(["WEATHER", "MAINTENANCE", "ILLNESS", "STUDENT", "INSTRUCTOR", "OTHER"]);

    const report = paths["/v1/admin/reports/cancellations"].get;
    expect(report.parameters.filter((p: { required: boolean }) => p.required).map((p: { name: string }) => p.name).sort()).toEqual(["from", "to"]);
    expect(report.description).toContain("Roles: ADMIN.");

    expect(paths["/v1/users/{id}/calendar-feed"].post.responses["201"]).toBeDefined();
    const feed = paths["/v1/calendar/{token}"].get;
    // The token is the credential: no bearer token, and no 401 to describe.
    expect(feed.security).toEqual([]);
    expect(feed.responses["401"]).toBeUndefined();
    expect(feed.responses["304"]).toBeDefined();
  });
});
