import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
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

  describe("from statements of one's own", () => {
    let dir: string;
    const statement = async (file: string, text: string) => {
      await mkdir(join(dir, file, ".."), { recursive: true });
      await writeFile(join(dir, file), text);
    };
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), "skyslot-sql-types-test-"));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it("types the named parameters and the columns from the schema, and skips files without a @name", async () => {
      await statement("probe/users_select_probe.sql", "/* @name UsersSelectProbe */\nSELECT id, phone_number FROM users WHERE id = :userId!;\n");
      await statement("probe/plain.sql", "SELECT 1\n");
      const generated = await generateSqlTypes(ownerUrl, dir);
      expect([...generated.keys()]).toEqual(["probe/users_select_probe.queries.ts"]);
      const text = generated.get("probe/users_select_probe.queries.ts")!;
      expect(text).toContain("userId: string;");
      expect(text).toContain("phone_number: string | null;");
      expect(text).toMatch(/import \{ PreparedQuery \} from '[./]+\/.*src\/db\/typed';/);
      expect(text).not.toContain("@pgtyped/runtime");
    });

    it("refuses a statement Postgres cannot describe, naming its file", async () => {
      await statement("broken/things_select_missing.sql", "/* @name ThingsSelectMissing */\nSELECT * FROM no_such_table WHERE id = :id;\n");
      await expect(generateSqlTypes(ownerUrl, dir)).rejects.toThrow(/could not type sql\/queries\/broken\/things_select_missing\.sql[\s\S]*no_such_table/);
    });
  });
});
