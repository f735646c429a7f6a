/**
 * Local gateway: lets the unmodified Neon serverless driver and the unmodified Upstash Redis
 * client, running inside workerd, reach a local PostgreSQL and a local Redis.
 *
 *   POST /sql                 Neon SQL-over-HTTP (single query or batch transaction)
 *   GET  /v1?address=h:p      WebSocket → TCP tunnel carrying raw Postgres wire bytes (Pool/Client)
 *   POST / | /pipeline | /multi-exec   Upstash REST
 *   GET  /_gateway/stats, POST /_gateway/reset   round-trip counters
 *   POST /_gateway/faults     {"redis": "up"|"down", "sql": "up"|"down"|"hang"}: makes this gateway
 *                             behave like an unreachable or hanging service (resilience tests)
 *
 * Development and test fixture only: it never connects anywhere but loopback and is never deployed.
 * Run it alone with: tsx dev/gateway.ts --port 8790 --redis redis://127.0.0.1:6379 --token x
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { connect as tcpConnect, type Socket } from "node:net";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { Command, Redis } from "ioredis";
import pg from "pg";
import { WebSocket, WebSocketServer, type RawData } from "ws";

export interface GatewayOptions {
  port: number; // 0 = pick a free port
  host?: string; // default "127.0.0.1"
  redisUrl?: string | null; // null/undefined = no Upstash endpoint (503)
  upstashToken: string; // bearer token the Upstash endpoint requires
  /**
   * Stores every key the Upstash endpoint is sent under this prefix, invisibly to the client. The
   * test stack gives each run its own, so runs sharing one Redis (in turn or at once) never read
   * each other's entries; closing the gateway deletes them.
   */
  redisKeyPrefix?: string;
  log?: (line: string) => void;
}

export interface GatewayStats {
  sqlQueries: number;
  sqlBatches: number;
  wsTunnels: number;
  redisRequests: number;
  redisCommands: number;
}

/** How this gateway answers: as the real services do, or as they do when they fail. */
export interface GatewayFaults {
  /** down: Upstash requests fail with 503, as when the service cannot reach Redis. */
  redis: "up" | "down";
  /** down: /sql answers 503 and tunnels are refused; hang: /sql never answers. */
  sql: "up" | "down" | "hang";
}

/** One HTTP request to the Neon or Upstash endpoint: when it arrived and when its answer was sent (ms, `performance.now()`). */
export interface GatewayTrip {
  kind: "sql" | "redis";
  arrived: number;
  answered: number;
}

export interface Gateway {
  url: string;
  port: number;
  redisAvailable(): Promise<boolean>;
  stats(): GatewayStats;
  /** The trips since the last `resetStats()`, oldest first (at most the latest 10,000 kept). */
  trips(): GatewayTrip[];
  /**
   * Holds every Neon and Upstash request this long before serving it, as a far network would:
   * a request's answer then comes that much later for each trip it waited for in turn (bench).
   */
  setLatency(ms: number): void;
  resetStats(): void;
  close(): Promise<void>;
}

// Neon's proxy refuses request bodies and stops responses over 10 MiB
// (neondatabase/neon proxy/src/binary/proxy.rs, sql_over_http_max_request_size_bytes and
// sql_over_http_max_response_size_bytes).
const NEON_MAX_REQUEST_BYTES = 10 * 1024 * 1024;
const NEON_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;
// Upstash's REST API takes at most 1 MB per request on the free and pay-as-you-go plans
// (upstash.com/docs/redis/troubleshooting/max_request_size_exceeded; newer revisions of that page
// say 10 MB: the stricter figure is kept, so what passes here passes there).
const UPSTASH_MAX_REQUEST_BYTES = 1_000_000;
// The tunnel carries raw Postgres messages, which Neon does not cap like HTTP bodies.
const MAX_TUNNEL_MESSAGE_BYTES = 64 * 1024 * 1024;
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "::1", "[::1]", "localhost"]);

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.toLowerCase());
}

const FAULT_STATES = { redis: ["up", "down"], sql: ["up", "down", "hang"] } as const;

/** Applies a fault switch request; only the named services change. */
function parseFaults(body: unknown, current: GatewayFaults): GatewayFaults {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new HttpError(400, 'expected {"redis"?, "sql"?}');
  const next = { ...current };
  for (const [service, state] of Object.entries(body as Record<string, unknown>)) {
    const allowed: readonly string[] | undefined = FAULT_STATES[service as keyof GatewayFaults];
    if (!allowed || typeof state !== "string" || !allowed.includes(state)) {
      throw new HttpError(400, `${service} must be one of ${allowed?.join(", ") ?? "(unknown service)"}`);
    }
    (next as Record<string, string>)[service] = state;
  }
  return next;
}

function zeroStats(): GatewayStats {
  return { sqlQueries: 0, sqlBatches: 0, wsTunnels: 0, redisRequests: 0, redisCommands: 0 };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(payload),
  });
  res.end(payload);
}

interface BodyLimit {
  bytes: number;
  /** The refusal, in the words of the service being mirrored. */
  refusal: HttpError;
}

const JSON_BODY_LIMIT: BodyLimit = { bytes: 64 * 1024, refusal: new HttpError(413, "request body too large") };

/**
 * Reads a JSON body, refusing it once it is known to be over the limit (by Content-Length, or by
 * what arrived). The rest of a refused body is read and dropped first, so the refusal is an answer
 * the client reads rather than a connection cut mid-upload.
 */
async function readJsonBody(req: IncomingMessage, limit: BodyLimit = JSON_BODY_LIMIT): Promise<unknown> {
  const refuse = async () => {
    await new Promise<void>((resolve) => {
      req.once("end", resolve).once("close", resolve).resume();
    });
    return limit.refusal;
  };
  if (Number(headerValue(req, "content-length") ?? 0) > limit.bytes) throw await refuse();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit.bytes) throw await refuse();
    chunks.push(buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch (error) {
    throw new HttpError(400, `could not parse the HTTP request body: ${errorMessage(error)}`);
  }
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// ---------------------------------------------------------------------------------------------
// Neon SQL-over-HTTP
// ---------------------------------------------------------------------------------------------

// The driver parses values itself from Postgres text by dataTypeID (Neon-Raw-Text-Output), so
// the gateway must hand them over exactly as Postgres sent them.
const rawTextTypes: pg.CustomTypesConfig = {
  getTypeParser: (() => (value: string) => value) as pg.CustomTypesConfig["getTypeParser"],
};

// pg supports queryMode but @types/pg does not declare it. Neon always uses the extended
// protocol, which rejects several statements in one query; mirroring that keeps local
// behaviour honest.
interface ExtendedQueryConfig extends pg.QueryConfig {
  queryMode: "extended";
  rowMode?: "array";
}

interface SqlQuery {
  query: string;
  params: (string | null)[];
}

const ISOLATION_LEVELS: Record<string, string> = {
  ReadUncommitted: "READ UNCOMMITTED",
  ReadCommitted: "READ COMMITTED",
  RepeatableRead: "REPEATABLE READ",
  Serializable: "SERIALIZABLE",
};

// The fields NeonDbError copies from a 400 reply.
const PG_ERROR_FIELDS = [
  "severity",
  "code",
  "detail",
  "hint",
  "position",
  "internalPosition",
  "internalQuery",
  "where",
  "schema",
  "table",
  "column",
  "dataType",
  "constraint",
  "file",
  "line",
  "routine",
] as const;

/**
 * Turns a connection string into explicit pg settings. Only host, port, credentials, database,
 * application_name and options are honoured: TLS parameters would fail against a local server,
 * and a `host` query parameter or socket path could point pg somewhere other than loopback.
 */
function pgConfigFor(connectionString: string): pg.PoolConfig {
  let url: URL;
  try {
    url = new URL(connectionString);
  } catch {
    throw new HttpError(400, "Neon-Connection-String is not a valid URL");
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new HttpError(400, "Neon-Connection-String must be a postgres:// URL");
  }
  const hostOverride = url.searchParams.get("host") ?? url.searchParams.get("hostaddr");
  if (!isLoopbackHost(url.hostname) || (hostOverride !== null && !isLoopbackHost(hostOverride))) {
    throw new HttpError(403, `refusing to connect to non-loopback host ${url.hostname}`);
  }
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, "$1"),
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1)),
    application_name: url.searchParams.get("application_name") ?? undefined,
    options: url.searchParams.get("options") ?? undefined,
    ssl: false,
    types: rawTextTypes,
    max: 20,
    idleTimeoutMillis: 10_000,
    connectionTimeoutMillis: 5_000,
  };
}

interface PoolEntry {
  pool: pg.Pool;
  config: pg.PoolConfig;
}

/** One pg.Pool per distinct connection string, reused across requests like Neon's own pooling. */
function createPoolRegistry(log: (line: string) => void) {
  const pools = new Map<string, PoolEntry>();
  return {
    get(connectionString: string): PoolEntry {
      let entry = pools.get(connectionString);
      if (!entry) {
        const config = pgConfigFor(connectionString);
        const pool = new pg.Pool(config);
        // An idle client dying (server restart) must not crash the process.
        pool.on("error", (error) => log(`postgres idle client error: ${error.message}`));
        entry = { pool, config };
        pools.set(connectionString, entry);
      }
      return entry;
    },
    async closeAll(): Promise<void> {
      const all = [...pools.values()];
      pools.clear();
      await Promise.all(all.map(({ pool }) => pool.end()));
    },
  };
}

type PoolRegistry = ReturnType<typeof createPoolRegistry>;

function toSqlParam(value: unknown): string | null {
  // The driver already serializes every parameter to text or null; other shapes only come
  // from hand-written requests.
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function toSqlQuery(value: unknown): SqlQuery {
  if (typeof value !== "object" || value === null || typeof (value as SqlQuery).query !== "string") {
    throw new HttpError(400, "expected {query, params}");
  }
  const { query, params } = value as { query: string; params?: unknown };
  return { query, params: Array.isArray(params) ? params.map(toSqlParam) : [] };
}

function beginStatement(req: IncomingMessage): string {
  const parts = ["BEGIN"];
  const isolation = headerValue(req, "neon-batch-isolation-level");
  if (isolation !== undefined) {
    const level = ISOLATION_LEVELS[isolation];
    if (!level) throw new HttpError(400, "invalid isolation level");
    parts.push(`ISOLATION LEVEL ${level}`);
  }
  const readOnly = headerValue(req, "neon-batch-read-only");
  if (readOnly !== undefined) parts.push(readOnly === "true" ? "READ ONLY" : "READ WRITE");
  const deferrable = headerValue(req, "neon-batch-deferrable");
  if (deferrable !== undefined) parts.push(deferrable === "true" ? "DEFERRABLE" : "NOT DEFERRABLE");
  return parts.join(" ");
}

/** The reply Neon gives when the client went away mid-query; nobody is left to read it. */
class ClientGone extends Error {
  constructor() {
    super("Query cancelled, connection was terminated");
  }
}

/**
 * What one HTTP request may still send back: Neon counts the rows it has serialized and stops at
 * the limit with 507 (sql_over_http.rs, query_to_json → ResponseTooLarge), before any COMMIT.
 */
class ResponseBudget {
  private left = NEON_MAX_RESPONSE_BYTES;
  spend(result: unknown): void {
    this.left -= Buffer.byteLength(JSON.stringify(result));
    if (this.left < 0) throw new HttpError(507, `response is too large (max is ${NEON_MAX_RESPONSE_BYTES} bytes)`);
  }
}

async function runQuery(client: pg.PoolClient, query: SqlQuery, arrayMode: boolean, budget: ResponseBudget) {
  const config: ExtendedQueryConfig = {
    text: query.query,
    values: query.params,
    queryMode: "extended",
    ...(arrayMode ? { rowMode: "array" as const } : {}),
  };
  const result = (await client.query(config)) as pg.QueryResult;
  const reply = {
    fields: result.fields,
    rows: result.rows,
    command: result.command,
    rowCount: result.rowCount,
    rowAsArray: arrayMode,
  };
  budget.spend(reply);
  return reply;
}

async function runBatch(client: pg.PoolClient, queries: SqlQuery[], begin: string, arrayMode: boolean, gone: AbortSignal) {
  const budget = new ResponseBudget();
  await client.query(begin);
  try {
    const results = [];
    for (const query of queries) {
      if (gone.aborted) throw new ClientGone();
      results.push(await runQuery(client, query, arrayMode, budget));
    }
    // A client that left before COMMIT gets nothing committed, as on Neon.
    if (gone.aborted) throw new ClientGone();
    await client.query("COMMIT");
    return results;
  } catch (error) {
    // A rollback that fails leaves the connection to the session reset, which then discards it.
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

/**
 * Asks Postgres to cancel what a connection is running: the protocol's CancelRequest on a fresh
 * socket, as Neon's proxy sends it when the HTTP client goes away (sql_over_http.rs, cancel_query).
 */
function cancelBackend(config: pg.PoolConfig, client: pg.PoolClient): Promise<void> {
  const { processID, secretKey } = client as unknown as { processID: number; secretKey: number };
  const request = Buffer.alloc(16);
  request.writeInt32BE(16, 0);
  request.writeInt32BE(80877102, 4);
  request.writeInt32BE(processID, 8);
  request.writeInt32BE(secretKey, 12);
  return new Promise((resolve) => {
    const socket = tcpConnect({ host: config.host!, port: config.port! }, () => socket.end(request));
    socket.on("close", () => resolve());
    socket.on("error", () => resolve());
  });
}

// What Neon runs on a connection before handing it to the next HTTP request
// (libs/proxy/tokio-postgres2/src/client.rs, reset_session_background): no setting, lock, temp
// table, prepared statement or cursor outlives the request that made it.
const RESET_SESSION = `ROLLBACK; CLOSE ALL; SET SESSION AUTHORIZATION DEFAULT; RESET ALL; DEALLOCATE ALL;
  UNLISTEN *; SELECT pg_advisory_unlock_all(); DISCARD TEMP; DISCARD SEQUENCES;`;

/** Errors while connecting, told apart from errors of the statements (Neon maps them differently). */
class ConnectError extends Error {
  constructor(cause: unknown) {
    super(errorMessage(cause), { cause });
  }
}

/**
 * Runs one HTTP request's work on a pooled connection: cancels it in Postgres if the client goes
 * away, and resets the session before the connection serves anyone else. Neon resets in the
 * background after answering; here the answer waits for it (a loopback round trip), so the next
 * request always finds the connection back in the pool.
 */
async function withSession<T>(entry: PoolEntry, gone: AbortSignal, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  let client: pg.PoolClient;
  try {
    client = await entry.pool.connect();
  } catch (error) {
    throw new ConnectError(error);
  }
  const cancel = () => void cancelBackend(entry.config, client);
  gone.addEventListener("abort", cancel, { once: true });
  let broken: Error | undefined;
  try {
    if (gone.aborted) throw new ClientGone();
    return await work(client);
  } catch (error) {
    // After a cancel or a failed rollback the connection's state is unknown: close it, as Neon discards it.
    if (gone.aborted || !(error instanceof pg.DatabaseError || error instanceof HttpError)) broken = error as Error;
    throw error;
  } finally {
    gone.removeEventListener("abort", cancel);
    if (broken) client.release(broken);
    else await client.query(RESET_SESSION).then(() => client.release(), (error: Error) => client.release(error));
  }
}

function pgErrorReply(error: pg.DatabaseError): Record<string, unknown> {
  const reply: Record<string, unknown> = { message: error.message };
  for (const field of PG_ERROR_FIELDS) {
    if (error[field] !== undefined) reply[field] = error[field];
  }
  return reply;
}

/**
 * Neon's answer to a failed connection (sql_over_http.rs, SqlOverHttpError::ConnectCompute, and
 * backend.rs, HttpConnError): a wrong password is the proxy's own 400 with an empty code; a
 * Postgres error while connecting is a 500 carrying its fields, except a missing database (3D000),
 * which is the caller's 400; not reaching Postgres at all is a 500.
 */
function connectErrorReply(error: ConnectError, config: pg.PoolConfig): { status: number; body: Record<string, unknown> } {
  const cause = error.cause;
  if (cause instanceof pg.DatabaseError) {
    if (cause.code === "28P01") {
      return { status: 400, body: { message: `password authentication failed for user '${config.user}'`, code: "" } };
    }
    return { status: cause.code === "3D000" ? 400 : 500, body: pgErrorReply(cause) };
  }
  return { status: 500, body: { message: "Couldn't connect to compute node", code: "" } };
}

async function handleSql(req: IncomingMessage, res: ServerResponse, ctx: GatewayContext): Promise<void> {
  // The client going away before its answer is written (Neon cancels the request's task then).
  const gone = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) gone.abort();
  });
  let entry: PoolEntry | undefined;
  try {
    const connectionString = headerValue(req, "neon-connection-string");
    if (!connectionString) throw new HttpError(400, "invalid header: neon-connection-string");
    entry = ctx.pools.get(connectionString);
    const body = await readJsonBody(req, {
      bytes: NEON_MAX_REQUEST_BYTES,
      refusal: new HttpError(413, `request is too large (max is ${NEON_MAX_REQUEST_BYTES} bytes)`),
    });
    const arrayMode = headerValue(req, "neon-array-mode") === "true";
    const queries = (body as { queries?: unknown } | null)?.queries;
    if (Array.isArray(queries)) {
      const batch = queries.map(toSqlQuery);
      const begin = beginStatement(req);
      ctx.stats.sqlBatches += 1;
      const results = await withSession(entry, gone.signal, (client) => runBatch(client, batch, begin, arrayMode, gone.signal));
      sendJson(res, 200, { results });
    } else {
      const query = toSqlQuery(body);
      ctx.stats.sqlQueries += 1;
      sendJson(res, 200, await withSession(entry, gone.signal, (client) => runQuery(client, query, arrayMode, new ResponseBudget())));
    }
  } catch (error) {
    if (gone.signal.aborted) {
      ctx.log(`sql request abandoned by its client: ${errorMessage(error)}`);
    } else if (error instanceof ConnectError && entry) {
      const reply = connectErrorReply(error, entry.config);
      sendJson(res, reply.status, reply.body);
    } else if (error instanceof pg.DatabaseError) {
      sendJson(res, 400, pgErrorReply(error));
    } else if (error instanceof HttpError) {
      // Neon's own refusals carry an empty code, which the driver copies onto its error.
      sendJson(res, error.status, { message: error.message, code: "" });
    } else {
      sendJson(res, 500, { message: `could not run the query: ${errorMessage(error)}`, code: "" });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// WebSocket → TCP tunnel
// ---------------------------------------------------------------------------------------------

// Above this much unsent WebSocket data, stop reading from Postgres until it drains.
const TUNNEL_HIGH_WATER = 1024 * 1024;

function parseTunnelAddress(address: string | null): { host: string; port: number } | null {
  if (!address) return null;
  const bracketed = /^\[(.+)\]:(\d+)$/.exec(address);
  const separator = address.lastIndexOf(":");
  const host = bracketed ? bracketed[1]! : address.slice(0, separator);
  const port = Number(bracketed ? bracketed[2] : address.slice(separator + 1));
  if (separator < 0 || !isLoopbackHost(host) || !Number.isInteger(port) || port < 1 || port > 65535) {
    return null;
  }
  return { host, port };
}

function rawDataToBuffer(data: RawData): Buffer {
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.isBuffer(data) ? data : Buffer.from(data);
}

// WebSocket close reasons are limited to 123 bytes.
function closeReason(text: string): string {
  return Buffer.from(text).subarray(0, 120).toString("utf8").replace(/\uFFFD+$/, "");
}

function openTunnel(ws: WebSocket, address: string | null, ctx: GatewayContext): void {
  const target = parseTunnelAddress(address);
  if (!target) {
    ws.close(1008, closeReason(`address must be a loopback host:port, got ${address ?? "nothing"}`));
    return;
  }
  ctx.stats.wsTunnels += 1;
  // Writes made before the TCP connection is up are queued by the socket, so a pipelined
  // startup message sent right after the WebSocket opens is not lost.
  const tcp: Socket = tcpConnect({ host: target.host, port: target.port });
  tcp.setNoDelay(true);
  const shutdown = () => {
    tcp.destroy();
    if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.terminate();
  };
  ctx.openTunnels.add(shutdown);

  ws.on("message", (data) => {
    if (!tcp.write(rawDataToBuffer(data))) ws.pause();
  });
  tcp.on("drain", () => ws.resume());
  tcp.on("data", (chunk) => {
    ws.send(chunk, { binary: true }, () => {
      if (ws.bufferedAmount < TUNNEL_HIGH_WATER) tcp.resume();
    });
    if (ws.bufferedAmount >= TUNNEL_HIGH_WATER) tcp.pause();
  });
  tcp.on("error", (error) => {
    ctx.log(`tunnel to ${target.host}:${target.port} failed: ${error.message}`);
    if (ws.readyState === WebSocket.OPEN) ws.close(1011, closeReason(error.message));
  });
  tcp.on("close", () => {
    ctx.openTunnels.delete(shutdown);
    if (ws.readyState === WebSocket.OPEN) ws.close(1000);
  });
  ws.on("error", () => tcp.destroy());
  ws.on("close", () => {
    ctx.openTunnels.delete(shutdown);
    tcp.end();
  });
}

// ---------------------------------------------------------------------------------------------
// Upstash REST
// ---------------------------------------------------------------------------------------------

type RedisArg = string | number;

/** Skips ioredis's per-command reply transformers (HGETALL → object, …): Upstash returns Redis's raw shape. */
class RawCommand extends Command {
  constructor(name: string, args: RedisArg[], keyPrefix: string | undefined) {
    // ioredis puts the prefix on the arguments Redis's command table names as keys (KEYS of EVAL too).
    super(name, args, { replyEncoding: null, keyPrefix });
  }
  override transformReply(result: Buffer | Buffer[]): Buffer | Buffer[] {
    return result;
  }
}

// These change the state of the shared connection (or end it) and would break every other request.
const CONNECTION_STATE_COMMANDS = new Set([
  "subscribe",
  "psubscribe",
  "ssubscribe",
  "unsubscribe",
  "punsubscribe",
  "sunsubscribe",
  "monitor",
  "quit",
  "reset",
  "select",
  "hello",
  "auth",
  "client",
  "multi",
  "exec",
  "discard",
  "watch",
  "unwatch",
]);

function toRedisCommand(value: unknown): [string, ...RedisArg[]] {
  if (!Array.isArray(value) || value.length === 0 || typeof value[0] !== "string") {
    throw new HttpError(400, "ERR a command must be a non-empty JSON array starting with its name");
  }
  const [name, ...args] = value as [string, ...unknown[]];
  if (CONNECTION_STATE_COMMANDS.has(name.toLowerCase())) {
    throw new HttpError(400, `ERR command ${name} is not supported over REST`);
  }
  return withRedisScripts([
    name,
    ...args.map((arg): RedisArg => {
      if (typeof arg === "string" || typeof arg === "number") return arg;
      if (typeof arg === "object" && arg !== null) return JSON.stringify(arg);
      return String(arg);
    }),
  ]);
}

// Upstash's own shebang flag `allow-key-locking` makes a script lock only the keys passed in KEYS,
// so such a script may touch no other key and no command that works on the whole database
// (upstash.com/docs/redis/commands/scripting/eval and /docs/redis/features/key-locking). Redis
// refuses unknown flags, so the gateway takes the flag out of the shebang and puts in its place a
// guard that enforces the rule: `redis.call`/`redis.pcall` are shadowed by versions that ask Redis
// which keys a command names (COMMAND GETKEYS) and refuse any not in KEYS. The guard shares the
// first line of the script body, so Redis's line numbers in errors stay those of the script.
const KEY_LOCKING_GUARD = [
  "local redis = (function(r)",
  "local declared = {}",
  "for _, k in ipairs(KEYS) do declared[k] = true end",
  "local wide = {flushdb = true, flushall = true, keys = true, scan = true, randomkey = true, dbsize = true, swapdb = true}",
  "local function refusal(name, ...)",
  "local command = string.lower(tostring(name))",
  'if wide[command] then return {err = "ERR " .. command .. " works on the whole database, which an allow-key-locking script may not use"} end',
  'local ok, keys = pcall(r.call, "COMMAND", "GETKEYS", name, ...)',
  "if ok then for _, key in ipairs(keys) do",
  `if not declared[key] then return {err = "ERR script touched key '" .. key .. "', which was not passed in KEYS (allow-key-locking)"} end`,
  "end end",
  "end",
  "return setmetatable({",
  "call = function(...) local e = refusal(...) if e then error(e) end return r.call(...) end,",
  "pcall = function(...) return refusal(...) or r.pcall(...) end,",
  "}, {__index = r})",
  "end)(redis);",
].join(" ");

const KEY_LOCKING_FLAG = "allow-key-locking";

/** The script as Redis will take it, or null when it does not ask for key locking. */
function withKeyLockingGuard(script: string): string | null {
  const newline = script.indexOf("\n");
  const shebang = newline < 0 ? script : script.slice(0, newline);
  if (!shebang.startsWith("#!lua")) return null;
  let asked = false;
  const words = shebang
    .slice("#!lua".length)
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((word) => {
      if (!word.startsWith("flags=")) return [word];
      const flags = word.slice("flags=".length).split(",").filter(Boolean);
      const kept = flags.filter((flag) => flag !== KEY_LOCKING_FLAG);
      asked ||= kept.length < flags.length;
      return kept.length ? [`flags=${kept.join(",")}`] : [];
    });
  if (!asked) return null;
  const body = newline < 0 ? "" : script.slice(newline + 1);
  return `${["#!lua", ...words].join(" ")}\n${KEY_LOCKING_GUARD} ${body}`;
}

// EVALSHA calls made with the digest of the script as the client wrote it are pointed at the stored one.
const scriptDigests = new Map<string, string>();

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

function withRedisScripts(command: [string, ...RedisArg[]]): [string, ...RedisArg[]] {
  const [name, ...args] = command;
  const lower = name.toLowerCase();
  const scriptAt = lower === "eval" || lower === "eval_ro" ? 0 : lower === "script" && String(args[0]).toLowerCase() === "load" ? 1 : -1;
  const original = scriptAt >= 0 ? args[scriptAt] : undefined;
  const stored = typeof original === "string" ? withKeyLockingGuard(original) : null;
  if (typeof original === "string" && stored !== null) {
    scriptDigests.set(sha1(original), sha1(stored));
    args[scriptAt] = stored;
    return [name, ...args];
  }
  if ((lower === "evalsha" || lower === "evalsha_ro") && typeof args[0] === "string") {
    args[0] = scriptDigests.get(args[0].toLowerCase()) ?? args[0];
  }
  return [name, ...args];
}

function toRedisCommands(value: unknown): [string, ...RedisArg[]][] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new HttpError(400, "ERR expected a non-empty JSON array of commands");
  }
  return value.map(toRedisCommand);
}

/** The key prefix each gateway's Redis connection stores under (GatewayOptions.redisKeyPrefix). */
const keyPrefixes = new WeakMap<Redis, string>();

function sendRaw(redis: Redis, [name, ...args]: [string, ...RedisArg[]]): Promise<unknown> {
  const command = new RawCommand(name, args, keyPrefixes.get(redis));
  void redis.sendCommand(command);
  return command.promise;
}

function isReplyError(error: unknown): error is Error {
  return error instanceof Error && error.name === "ReplyError";
}

/** Upstash encodes every string (bulk or status) as base64 when asked; integers and nil pass through. */
function encodeReply(value: unknown, base64: boolean): unknown {
  if (Buffer.isBuffer(value)) return base64 ? value.toString("base64") : value.toString("utf8");
  if (typeof value === "string") return base64 ? Buffer.from(value).toString("base64") : value;
  if (value instanceof Error) return encodeReply(value.message, base64);
  if (Array.isArray(value)) return value.map((item) => encodeReply(item, base64));
  return value ?? null;
}

function itemReply(outcome: PromiseSettledResult<unknown>, base64: boolean) {
  if (outcome.status === "rejected") return { error: errorMessage(outcome.reason) };
  return { result: encodeReply(outcome.value, base64) };
}

/** Anything other than a Redis reply error means the connection failed: the whole request is a 503. */
function assertNoConnectionFailure(outcomes: PromiseSettledResult<unknown>[]): void {
  for (const outcome of outcomes) {
    if (outcome.status === "rejected" && !isReplyError(outcome.reason)) {
      throw new HttpError(503, `Redis unavailable: ${errorMessage(outcome.reason)}`);
    }
  }
}

async function runSingle(redis: Redis, command: [string, ...RedisArg[]], base64: boolean) {
  const [outcome] = await Promise.allSettled([sendRaw(redis, command)]);
  assertNoConnectionFailure([outcome!]);
  const reply = itemReply(outcome!, base64);
  return { status: "error" in reply ? 400 : 200, body: reply };
}

async function runPipeline(redis: Redis, commands: [string, ...RedisArg[]][], base64: boolean) {
  // Sent in one synchronous loop, so they go out back to back on the connection.
  const outcomes = await Promise.allSettled(commands.map((command) => sendRaw(redis, command)));
  assertNoConnectionFailure(outcomes);
  return { status: 200, body: outcomes.map((outcome) => itemReply(outcome, base64)) };
}

async function runMultiExec(redis: Redis, commands: [string, ...RedisArg[]][], base64: boolean) {
  // MULTI … EXEC are written synchronously, so no other request's command can land inside the
  // transaction on the shared connection.
  const multi = sendRaw(redis, ["multi"]);
  const queued = commands.map((command) => sendRaw(redis, command));
  const exec = sendRaw(redis, ["exec"]);
  const outcomes = await Promise.allSettled([multi, ...queued, exec]);
  assertNoConnectionFailure(outcomes);
  const execOutcome = outcomes[outcomes.length - 1]!;
  if (execOutcome.status === "rejected") {
    // EXECABORT: report the command that made Redis discard the transaction.
    const cause = outcomes.find((outcome) => outcome.status === "rejected")!;
    return { status: 400, body: { error: errorMessage((cause as PromiseRejectedResult).reason) } };
  }
  const results = Array.isArray(execOutcome.value) ? (execOutcome.value as unknown[]) : [];
  return {
    status: 200,
    body: results.map((item) =>
      item instanceof Error ? { error: item.message } : { result: encodeReply(item, base64) },
    ),
  };
}

function hasValidBearer(req: IncomingMessage, token: string): boolean {
  const expected = Buffer.from(`Bearer ${token}`);
  const given = Buffer.from(headerValue(req, "authorization") ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

type UpstashRoute = "/" | "/pipeline" | "/multi-exec";

async function handleUpstash(
  route: UpstashRoute,
  req: IncomingMessage,
  res: ServerResponse,
  ctx: GatewayContext,
): Promise<void> {
  try {
    if (!hasValidBearer(req, ctx.upstashToken)) throw new HttpError(401, "Unauthorized");
    const body = await readJsonBody(req, {
      bytes: UPSTASH_MAX_REQUEST_BYTES,
      refusal: new HttpError(400, "ERR max request size exceeded"),
    });
    const base64 = headerValue(req, "upstash-encoding")?.toLowerCase() === "base64";
    const commands = route === "/" ? [toRedisCommand(body)] : toRedisCommands(body);
    ctx.stats.redisRequests += 1;
    ctx.stats.redisCommands += commands.length;
    const redis = ctx.redis;
    if (!redis) throw new HttpError(503, "Redis is not configured");
    if (redis.status !== "ready") throw new HttpError(503, `Redis unavailable (${redis.status})`);
    const reply =
      route === "/"
        ? await runSingle(redis, commands[0]!, base64)
        : route === "/pipeline"
          ? await runPipeline(redis, commands, base64)
          : await runMultiExec(redis, commands, base64);
    sendJson(res, reply.status, reply.body);
  } catch (error) {
    const status = error instanceof HttpError ? error.status : 500;
    sendJson(res, status, { error: errorMessage(error) });
  }
}

function assertLoopbackRedisUrl(redisUrl: string): void {
  const url = new URL(redisUrl);
  if (url.protocol !== "redis:" || !isLoopbackHost(url.hostname)) {
    throw new Error(`refusing non-loopback Redis URL ${url.protocol}//${url.host}`);
  }
}

/** Fails fast while Redis is down (no offline queue) and keeps reconnecting in the background. */
function connectRedis(redisUrl: string, log: (line: string) => void): Redis {
  assertLoopbackRedisUrl(redisUrl);
  const redis = new Redis(redisUrl, {
    protocol: 2, // Upstash replies with RESP2 shapes (flat HGETALL, string scores)
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 1_000,
    commandTimeout: 5_000,
    retryStrategy: (attempt) => Math.min(attempt * 100, 1_000),
  });
  // Log state changes only: reconnect attempts repeat every second while Redis is down.
  let reportedDown = false;
  const reportDown = (reason: string) => {
    if (!reportedDown) log(`redis unavailable: ${reason}`);
    reportedDown = true;
  };
  redis.on("ready", () => {
    reportedDown = false;
    log(`redis ready at ${redisUrl}`);
  });
  redis.on("error", (error: Error) => reportDown(error.message));
  redis.on("reconnecting", () => reportDown("connection lost, reconnecting"));
  return redis;
}

/** Deletes what a prefixed gateway stored; best effort, as Redis may be gone by then. */
async function dropPrefixedKeys(ctx: GatewayContext): Promise<void> {
  const { redis, redisKeyPrefix } = ctx;
  if (!redis || !redisKeyPrefix || redis.status !== "ready") return;
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${redisKeyPrefix.replace(/[*?[\]\\]/g, "\\$&")}*`, "COUNT", 1000);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== "0");
  } catch {
    // The keys expire or stay behind; nothing reads them again.
  }
}

async function pingRedis(redis: Redis | null): Promise<boolean> {
  if (!redis) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), 500);
  });
  const ping = redis.ping().then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// ---------------------------------------------------------------------------------------------
// Server
// ---------------------------------------------------------------------------------------------

/** Enough for a bench's sequential sample; a long dev session keeps no more than this. */
const MAX_TRIPS_KEPT = 10_000;

interface GatewayContext {
  stats: GatewayStats;
  trips: GatewayTrip[];
  latencyMs: number;
  faults: GatewayFaults;
  pools: PoolRegistry;
  redis: Redis | null;
  redisKeyPrefix: string | undefined;
  upstashToken: string;
  openTunnels: Set<() => void>;
  log: (line: string) => void;
}

/** Which service a request is a round trip to, timestamped for the critical path. */
function tripKind(req: IncomingMessage): GatewayTrip["kind"] | null {
  if (req.method !== "POST") return null;
  const path = (req.url ?? "/").split("?")[0];
  if (path === "/sql") return "sql";
  return path === "/" || path === "/pipeline" || path === "/multi-exec" ? "redis" : null;
}

async function route(req: IncomingMessage, res: ServerResponse, ctx: GatewayContext): Promise<void> {
  const path = new URL(req.url ?? "/", "http://gateway").pathname;
  const method = req.method ?? "GET";
  if (method === "POST" && path === "/sql") {
    // Neon's proxy answers 5xx when it cannot reach the compute; a hung compute answers nothing.
    if (ctx.faults.sql === "down") return sendJson(res, 503, { message: "database unavailable: connection refused" });
    if (ctx.faults.sql === "hang") return;
    return handleSql(req, res, ctx);
  }
  if (method === "POST" && (path === "/" || path === "/pipeline" || path === "/multi-exec")) {
    // What Upstash's edge answers when the database behind it cannot be reached.
    if (ctx.faults.redis === "down") return sendJson(res, 503, { error: "Service Unavailable: Redis is not reachable" });
    return handleUpstash(path, req, res, ctx);
  }
  if (method === "POST" && path === "/_gateway/faults") {
    try {
      ctx.faults = parseFaults(await readJsonBody(req), ctx.faults);
    } catch (error) {
      return sendJson(res, error instanceof HttpError ? error.status : 500, { message: errorMessage(error) });
    }
    ctx.log(`faults: redis ${ctx.faults.redis}, sql ${ctx.faults.sql}`);
    return sendJson(res, 200, ctx.faults);
  }
  if (method === "GET" && path === "/_gateway/stats") return sendJson(res, 200, ctx.stats);
  if (method === "POST" && path === "/_gateway/reset") {
    Object.assign(ctx.stats, zeroStats());
    return sendJson(res, 200, ctx.stats);
  }
  sendJson(res, 404, { message: `no route for ${method} ${path}`, error: "not found" });
}

export async function startGateway(opts: GatewayOptions): Promise<Gateway> {
  const host = opts.host ?? "127.0.0.1";
  const log = opts.log ?? (() => {});
  const ctx: GatewayContext = {
    stats: zeroStats(),
    trips: [],
    latencyMs: 0,
    faults: { redis: "up", sql: "up" },
    pools: createPoolRegistry(log),
    redis: opts.redisUrl ? connectRedis(opts.redisUrl, log) : null,
    redisKeyPrefix: opts.redisKeyPrefix,
    upstashToken: opts.upstashToken,
    openTunnels: new Set(),
    log,
  };
  if (ctx.redis && opts.redisKeyPrefix) keyPrefixes.set(ctx.redis, opts.redisKeyPrefix);

  const server = createServer((req, res) => {
    const kind = tripKind(req);
    if (kind) {
      const arrived = performance.now();
      res.once("close", () => {
        if (ctx.trips.length >= MAX_TRIPS_KEPT) ctx.trips.shift();
        ctx.trips.push({ kind, arrived, answered: performance.now() });
      });
    }
    const held = kind && ctx.latencyMs > 0 ? new Promise((resolve) => setTimeout(resolve, ctx.latencyMs)) : null;
    (held ? held.then(() => route(req, res, ctx)) : route(req, res, ctx)).catch((error: unknown) => {
      log(`request ${req.method} ${req.url} failed: ${errorMessage(error)}`);
      if (!res.headersSent) sendJson(res, 500, { message: "gateway error", error: "gateway error" });
    });
  });

  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: MAX_TUNNEL_MESSAGE_BYTES });
  server.on("upgrade", (req, socket, head) => {
    const url = new URL(req.url ?? "/", "http://gateway");
    if (url.pathname !== "/v1" || ctx.faults.sql !== "up") {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => openTunnel(ws, url.searchParams.get("address"), ctx));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : opts.port;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  log(`gateway listening at ${url}`);

  return {
    url,
    port,
    redisAvailable: () => pingRedis(ctx.redis),
    stats: () => ({ ...ctx.stats }),
    trips: () => [...ctx.trips],
    setLatency: (ms) => {
      ctx.latencyMs = ms;
    },
    resetStats: () => {
      Object.assign(ctx.stats, zeroStats());
      ctx.trips = [];
    },
    async close() {
      for (const shutdown of [...ctx.openTunnels]) shutdown();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      wss.close();
      await Promise.all([closed, ctx.pools.closeAll(), dropPrefixedKeys(ctx)]);
      ctx.redis?.disconnect();
    },
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "8790" },
      host: { type: "string", default: "127.0.0.1" },
      redis: { type: "string" },
      token: { type: "string", default: "local" },
    },
  });
  const gateway = await startGateway({
    port: Number(values.port),
    host: values.host,
    redisUrl: values.redis ?? null,
    upstashToken: values.token,
    log: (line) => console.log(line),
  });
  const stop = () => void gateway.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
