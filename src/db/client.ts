import { neon, neonConfig, NeonDbError } from "@neondatabase/serverless";
import type { AppConfig } from "../env";
import { ApiError } from "../http/problem";
import type { TripLog } from "../http/trips";
import { neonHttpStatus, toApiError } from "./errors";
import type { PreparedQuery } from "./typed";

export type Row = Record<string, unknown>;

/** A statement with its values in order, for `batch`. */
export interface Statement {
  text: string;
  params?: readonly unknown[];
}

/** A statement from an annotated `.sql` file, bound to its values; its rows are typed. */
export interface TypedStatement<R> extends Statement {
  /** Only carries the row type to `batch`'s answer; always undefined. */
  rows: R[] | undefined;
}

/** Binds a typed statement's named parameters, for `batch`. */
export function statement<P, R>(query: PreparedQuery<P, R>, params: P): TypedStatement<R> {
  return { text: query.text, params: query.bind(params), rows: undefined };
}

/** What `Db.query` was given, as a statement: typed values bound by name, or text with positional ones. */
export function statementOf(query: string | PreparedQuery<unknown, unknown>, params: unknown): Statement {
  return typeof query === "string" ? { text: query, params: params as readonly unknown[] } : statement(query, params);
}

/** The rows of a batch's last statement (a batch often leads with a variable number of others). */
export function lastRows<T extends readonly unknown[]>(results: T): T extends readonly [...unknown[], infer L] ? L : T[number] {
  return results[results.length - 1] as T extends readonly [...unknown[], infer L] ? L : T[number];
}

/** Each statement's rows: typed for a `TypedStatement`, plain rows otherwise. */
export type BatchRows<S extends readonly Statement[]> = {
  -readonly [K in keyof S]: S[K] extends TypedStatement<infer R> ? R[] : Row[];
};

export interface QueryOptions {
  /** Safe to send again after a transport failure: reads, and writes guarded by a unique key. */
  idempotent?: boolean;
  /** A shorter wait than the statement timeout, e.g. for health checks. */
  timeoutMs?: number;
}

/** The request's database: every call is one HTTP round trip to Postgres. */
export interface Db {
  /** A statement from an annotated `.sql` file (its generated `.queries.ts`): named values, typed rows. */
  query<P, R>(query: PreparedQuery<P, R>, params: P, options?: QueryOptions): Promise<R[]>;
  /** A statement written in code, not in sql/queries (the health check's, tests' fixtures): positional values, rows untyped. */
  query<T = Row>(text: string, params?: readonly unknown[], options?: QueryOptions): Promise<T[]>;
  /** Runs the statements in one transaction, in one round trip; all or nothing. */
  batch<const S extends readonly Statement[]>(statements: S, options?: QueryOptions): Promise<BatchRows<S>>;
}

/** No request waits on the database longer than the statement timeout. */
export const STATEMENT_TIMEOUT_MS = 10_000;
const RETRY_DELAYS_MS = [100, 400];

/** The local gateway serving each database `host:port` (development only). */
const gateways = new Map<string, URL>();
/** Database URLs already pointed at their gateway, so a request does not parse both URLs again. */
const wired = new Map<string, string>();

/**
 * One driver function per database URL and isolate: it holds no request's state (each query
 * takes its own abort signal), and building it parses the connection string on every request.
 */
const drivers = new Map<string, ReturnType<typeof neon>>();

function driverFor(databaseUrl: string): ReturnType<typeof neon> {
  let sql = drivers.get(databaseUrl);
  if (!sql) {
    sql = neon(databaseUrl);
    drivers.set(databaseUrl, sql);
  }
  return sql;
}

const hostKey = (host: string, port: number | string) => `${host}:${port || 5432}`;

function gatewayFor(host: string, port: number | string): URL {
  const gateway = gateways.get(hostKey(host, port));
  if (!gateway) throw new Error(`no local gateway is wired for ${hostKey(host, port)}`);
  return gateway;
}

/**
 * Points the driver at the local gateway (development only; see docs/architecture.md). The
 * driver's endpoints are global, so they are chosen per database host: two configurations
 * with different gateways can then share an isolate without re-wiring each other.
 */
function useLocalGateway(databaseUrl: string, gatewayUrl: string): void {
  if (wired.get(databaseUrl) === gatewayUrl) return;
  wired.set(databaseUrl, gatewayUrl);
  // Parsed as the driver parses it (as an http: URL), so both sides name the host alike.
  const database = new URL(databaseUrl.replace(/^[a-z]+:/i, "http:"));
  const wiredBefore = gateways.size > 0;
  gateways.set(hostKey(database.hostname, database.port), new URL(gatewayUrl));
  if (wiredBefore) return;
  neonConfig.fetchEndpoint = (host, port) => new URL("/sql", gatewayFor(host, port)).href;
  neonConfig.wsProxy = (host: string, port: number | string) => `${gatewayFor(host, port).host}/v1?address=${host}:${port}`;
  neonConfig.useSecureWebSocket = false;
  neonConfig.pipelineTLS = false;
  neonConfig.pipelineConnect = "password";
}

/**
 * A transport failure: the statement may or may not have reached Postgres. Neon answers 500 when
 * it cannot connect (a Postgres error at connect time included) and 502-504 on the way there; 507
 * is an answer too large to send, which no retry shrinks.
 */
function isTransient(error: unknown): boolean {
  if (!(error instanceof NeonDbError) || error.code !== undefined) return false;
  if (error.sourceError !== undefined) return true;
  const status = neonHttpStatus(error);
  return status !== undefined && status >= 500 && status !== 507;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createDb(config: AppConfig, trips?: TripLog): Db {
  if (config.LOCAL_GATEWAY_URL) useLocalGateway(config.DATABASE_URL, config.LOCAL_GATEWAY_URL);
  const sql = driverFor(config.DATABASE_URL);

  async function run<T>(send: (signal: AbortSignal) => Promise<T>, options: QueryOptions): Promise<T> {
    const deadline = Date.now() + Math.min(options.timeoutMs ?? STATEMENT_TIMEOUT_MS, STATEMENT_TIMEOUT_MS);
    for (let attempt = 0; ; attempt++) {
      const left = deadline - Date.now();
      try {
        const signal = AbortSignal.timeout(Math.max(left, 1));
        return await (trips ? trips.track("db", () => send(signal)) : send(signal));
      } catch (error) {
        const delay = RETRY_DELAYS_MS[attempt];
        if (options.idempotent && isTransient(error) && delay !== undefined && Date.now() + delay < deadline) {
          await sleep(delay);
          continue;
        }
        throw toApiError(error);
      }
    }
  }

  return {
    query(query: string | PreparedQuery<unknown, unknown>, params: unknown = [], options: QueryOptions = {}) {
      const s = statementOf(query, params);
      return run(
        (signal) => sql.query(s.text, [...(s.params ?? [])], { fetchOptions: { signal } }) as Promise<Row[]>,
        options,
      );
    },
    batch(statements, options = {}) {
      if (statements.length === 0) throw new ApiError("internal_error", "Empty batch.");
      // Postgres enforces the wait this client allows, whatever the login role's settings: a
      // batch given up on here stops running there too. Same round trip.
      const timeout = `${Math.min(options.timeoutMs ?? STATEMENT_TIMEOUT_MS, STATEMENT_TIMEOUT_MS)}ms`;
      return run(
        async (signal) =>
          ((await sql.transaction(
            [sql.query("SELECT set_config('statement_timeout', $1, true)", [timeout]), ...statements.map((s) => sql.query(s.text, [...(s.params ?? [])]))],
            { fetchOptions: { signal } },
          )) as Row[][]).slice(1) as BatchRows<typeof statements>,
        options,
      );
    },
  };
}
