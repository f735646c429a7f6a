import { describe, expect, inject, it } from "vitest";
import { committedSqlTypes, generateSqlTypes, REGENERATE_COMMAND } from "../../dev/sql-types";

// The test stack's database is migrated from sql/migrations, as `npm run db:types`'s is.
const ownerUrl = inject("bindings").TEST_OWNER_DATABASE_URL;

describe("generated SQL types", () => {
  it("match the annotated statements and the migrated schema", async () => {
    const [generated, committed] = await Promise.all([generateSqlTypes(ownerUrl), committedSqlTypes()]);
    const drifted = [...new Set([...generated.keys(), ...committed.keys()])].sort().flatMap((file) => {
      const path = `sql/queries/${file}`;
      if (!committed.has(file)) return [`${path} is missing`];
      if (!generated.has(file)) return [`${path} has no annotated statement any more`];
      return generated.get(file) === committed.get(file) ? [] : [`${path} differs from its SQL or the schema`];
    });
    expect(drifted, `regenerate with \`${REGENERATE_COMMAND}\` and commit the result:\n${drifted.join("\n")}`).toEqual([]);
    expect(generated.size).toBeGreaterThan(0);
  });
});
