import { describe, expect, it } from "vitest";
import { PreparedQuery, type QueryIR } from "../../src/db/typed";
import { bookingsInsertAudited } from "../../sql/queries/bookings/bookings_insert_audited.queries";

/** An IR as PgTyped writes it: each parameter with the inclusive character ranges it occupies. */
function irOf(statement: string, names: string[]): QueryIR {
  return {
    statement,
    params: names.map((name) => {
      const locs: { a: number; b: number }[] = [];
      for (let at = statement.indexOf(`:${name}`); at !== -1; at = statement.indexOf(`:${name}`, at + 1)) {
        const end = at + name.length + (statement[at + name.length + 1] === "!" ? 1 : 0);
        if (!/\w/.test(statement[end + 1] ?? "")) locs.push({ a: at, b: end });
      }
      return { name, required: false, transform: { type: "scalar" }, locs };
    }),
  };
}

describe("PreparedQuery", () => {
  it("numbers each named parameter once, in order, however often it is used", () => {
    const q = new PreparedQuery<{ userId: string; limit: number }, unknown>(
      irOf("SELECT * FROM t WHERE a = :userId! AND b = :userId::uuid LIMIT :limit", ["userId", "limit"]),
    );
    expect(q.text).toBe("SELECT * FROM t WHERE a = $1 AND b = $1::uuid LIMIT $2");
    expect(q.bind({ limit: 5, userId: "u" })).toEqual(["u", 5]);
  });

  it("sends a value left out as NULL, never as a missing parameter", () => {
    const q = new PreparedQuery<{ a?: string | null; b?: number | null }, unknown>(irOf("SELECT :a, :b", ["a", "b"]));
    expect(q.bind({ b: 2 })).toEqual([null, 2]);
    expect(q.bind({ a: undefined, b: null })).toEqual([null, null]);
  });

  it("refuses a list or object parameter, which the driver would not expand", () => {
    const ir = irOf("SELECT * FROM t WHERE id IN :ids", ["ids"]);
    ir.params[0]!.transform.type = "array_spread";
    expect(() => new PreparedQuery(ir)).toThrow(/:ids must be a scalar/);
  });

  it("compiles a generated statement to $1..$n, one per named parameter", () => {
    const used = [...bookingsInsertAudited.text.matchAll(/\$(\d+)/g)].map((m) => Number(m[1]));
    expect(Math.max(...used)).toBe(bookingsInsertAudited.names.length);
    expect(new Set(used).size).toBe(bookingsInsertAudited.names.length);
    // Deliberately partial: what is left out must reach Postgres as NULL.
    const values = bookingsInsertAudited.bind({ studentId: "s", requestPath: "/v1/bookings" } as Parameters<typeof bookingsInsertAudited.bind>[0]);
    expect(values[bookingsInsertAudited.names.indexOf("studentId")]).toBe("s");
    expect(values[bookingsInsertAudited.names.indexOf("requestPath")]).toBe("/v1/bookings");
    expect(values.filter((v) => v !== null)).toHaveLength(2);
  });
});
