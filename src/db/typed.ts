/** One parameter of a statement as PgTyped describes it (`locs` are inclusive character ranges). */
interface ParamIR {
  name: string;
  required: boolean;
  transform: { type: string };
  locs: readonly { a: number; b: number }[];
}

/** PgTyped's description of an annotated statement (the IR in each generated `.queries.ts`). */
export interface QueryIR {
  params: readonly ParamIR[];
  statement: string;
}

/**
 * A statement from a `.sql` file with its generated parameter and row types (`npm run db:types`).
 * The named parameters become `$1..$n` once, when the module loads; each call only orders its
 * values. Only scalar parameters are used: lists travel as one Postgres array parameter.
 */
export class PreparedQuery<Params, Result> {
  readonly text: string;
  readonly names: readonly string[];
  /** Ties `Result` to the class for inference; never set. */
  declare readonly result?: Result;

  constructor(ir: QueryIR) {
    const cuts: { a: number; b: number; sub: string }[] = [];
    ir.params.forEach((param, index) => {
      if (param.transform.type !== "scalar") throw new Error(`parameter :${param.name} must be a scalar`);
      for (const loc of param.locs) cuts.push({ ...loc, sub: `$${index + 1}` });
    });
    let text = "";
    let at = 0;
    for (const cut of cuts.sort((x, y) => x.a - y.a)) {
      text += ir.statement.slice(at, cut.a) + cut.sub;
      at = cut.b + 1;
    }
    this.text = text + ir.statement.slice(at);
    this.names = ir.params.map((p) => p.name);
  }

  /** The positional values in parameter order; a parameter left out is sent as NULL. */
  bind(params: Params): unknown[] {
    const named = (params ?? {}) as Record<string, unknown>;
    return this.names.map((name) => named[name] ?? null);
  }
}
