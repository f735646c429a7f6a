import { env, exports } from "cloudflare:workers";
import { SignJWT } from "jose";
import { assertAsDocumented } from "./documented";

export interface CallOptions {
  method?: string;
  token?: string;
  body?: unknown;
  /** Sent as-is instead of JSON-encoding `body`. */
  rawBody?: BodyInit;
  headers?: Record<string, string>;
}

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** Calls the Worker the way a client would: through its fetch handler, with real bindings. */
export async function call<T = any>(path: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
  const headers = new Headers(options.headers);
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  let body: BodyInit | undefined = options.rawBody;
  if (body === undefined && options.body !== undefined) {
    body = JSON.stringify(options.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const response = await exports.default.fetch(
    new Request(`https://skyslot.test${path}`, { method: options.method ?? "GET", headers, body }),
  );
  const text = await response.text();
  let parsed: unknown = text;
  if ((response.headers.get("content-type") ?? "").includes("json") && text.length > 0) parsed = JSON.parse(text);
  if (response.ok && typeof parsed === "object") assertAsDocumented(options.method ?? "GET", response.url || `https://skyslot.test${path}`, response.status, parsed);
  return { status: response.status, headers: response.headers, body: parsed as T, text };
}

/** A token as the dev stack signs them (HS256 with JWT_SECRET, dev issuer and audience). */
export function signToken(
  subject: string,
  options: { secret?: string; issuer?: string; audience?: string; expiresIn?: string | number; claims?: Record<string, unknown> } = {},
): Promise<string> {
  const jwt = new SignJWT({ ...options.claims })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(subject)
    .setIssuedAt()
    .setIssuer(options.issuer ?? env.JWT_ISSUER)
    .setAudience(options.audience ?? env.JWT_AUDIENCE)
    .setExpirationTime(options.expiresIn ?? "1h");
  return jwt.sign(new TextEncoder().encode(options.secret ?? env.JWT_SECRET));
}

/** Asserts the contract's problem details shape and returns the body. */
export function expectProblem(response: ApiResponse, status: number, code: string) {
  const problem = response.body as Record<string, unknown>;
  if (response.status !== status || problem?.code !== code) {
    throw new Error(`expected ${status} ${code}, got ${response.status}: ${response.text.slice(0, 500)}`);
  }
  if (!(response.headers.get("content-type") ?? "").startsWith("application/problem+json")) {
    throw new Error(`expected application/problem+json, got ${response.headers.get("content-type")}`);
  }
  for (const field of ["type", "title", "status", "detail", "code", "request_id"]) {
    if (!(field in problem)) throw new Error(`problem details lack ${field}: ${response.text}`);
  }
  return problem;
}
