import { env } from "cloudflare:workers";
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, UnsecuredJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { verifiedSubject } from "../../src/auth/jwt";
import { loadConfig } from "../../src/env";
import { ApiError } from "../../src/http/problem";
import { call, expectProblem, signToken } from "../support/api";
import { makeUser, type TestUser } from "../support/users";

let student: TestUser;

beforeAll(async () => {
  student = await makeUser("STUDENT");
});

const me = (token: string) => call("/v1/users/me", { token });

describe("JWT authentication", () => {
  it("accepts a valid token and returns its user", async () => {
    const res = await me(student.token);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(student.user.id);
    expect(res.body.role).toBe("STUDENT");
  });

  it("refuses a request without a token", async () => {
    const res = await call("/v1/users/me");
    expectProblem(res, 401, "unauthenticated");
    expect(res.headers.get("www-authenticate")).toContain("Bearer");
  });

  it("refuses a malformed Authorization header", async () => {
    for (const header of ["Basic dXNlcjpwYXNz", "Bearer", "Bearer a b", `Token ${student.token}`]) {
      expectProblem(await call("/v1/users/me", { headers: { authorization: header } }), 401, "unauthenticated");
    }
  });

  it("refuses an expired token", async () => {
    const expired = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(student.user.auth_subject)
      .setIssuer(env.JWT_ISSUER)
      .setAudience(env.JWT_AUDIENCE)
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(new TextEncoder().encode(env.JWT_SECRET));
    expectProblem(await me(expired), 401, "unauthenticated");
  });

  it("refuses a token without an expiry", async () => {
    const endless = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(student.user.auth_subject)
      .setIssuer(env.JWT_ISSUER)
      .setAudience(env.JWT_AUDIENCE)
      .sign(new TextEncoder().encode(env.JWT_SECRET));
    expectProblem(await me(endless), 401, "unauthenticated");
  });

  it("refuses a tampered token", async () => {
    const [header, payload, signature] = student.token.split(".");
    const claims = JSON.parse(atob(payload!.replaceAll("-", "+").replaceAll("_", "/")));
    claims.sub = "test|someone-else";
    const forged = btoa(JSON.stringify(claims)).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
    expectProblem(await me(`${header}.${forged}.${signature}`), 401, "unauthenticated");
    const flipped = signature!.slice(0, -2) + (signature!.endsWith("AA") ? "BB" : "AA");
    expectProblem(await me(`${header}.${payload}.${flipped}`), 401, "unauthenticated");
  });

  it("refuses alg none", async () => {
    const unsigned = new UnsecuredJWT({})
      .setSubject(student.user.auth_subject)
      .setIssuer(env.JWT_ISSUER)
      .setAudience(env.JWT_AUDIENCE)
      .setExpirationTime("1h")
      .encode();
    expectProblem(await me(unsigned), 401, "unauthenticated");
  });

  it("refuses a token signed with another secret", async () => {
    const other = await signToken(student.user.auth_subject, { secret: "another-secret-that-is-long-enough-000000" });
    expectProblem(await me(other), 401, "unauthenticated");
  });

  it("refuses the wrong issuer or audience", async () => {
    expectProblem(await me(await signToken(student.user.auth_subject, { issuer: "https://evil.example" })), 401, "unauthenticated");
    expectProblem(await me(await signToken(student.user.auth_subject, { audience: "another-api" })), 401, "unauthenticated");
  });

  it("refuses a token living longer than JWT_MAX_LIFETIME_SECONDS (24 h by default), with or without iat", async () => {
    const now = Math.floor(Date.now() / 1000);
    const sign = (claims: { iat?: number; exp: number }) => {
      const jwt = new SignJWT({}).setProtectedHeader({ alg: "HS256" }).setSubject(student.user.auth_subject)
        .setIssuer(env.JWT_ISSUER).setAudience(env.JWT_AUDIENCE).setExpirationTime(claims.exp);
      if (claims.iat !== undefined) jwt.setIssuedAt(claims.iat);
      return jwt.sign(new TextEncoder().encode(env.JWT_SECRET));
    };
    const century = await sign({ iat: now, exp: now + 100 * 365 * 86_400 });
    const problem = expectProblem(await me(century), 401, "unauthenticated");
    expect(problem.detail).toContain("86400");
    expectProblem(await me(await sign({ exp: now + 86_400 + 600 })), 401, "unauthenticated");
    // Issued two days ago, expiring in an hour: a 49-hour token, still too long.
    expectProblem(await me(await sign({ iat: now - 2 * 86_400, exp: now + 3_600 })), 401, "unauthenticated");
    // An iat far ahead would make a short "lifetime" that ends decades from now.
    expectProblem(await me(await sign({ iat: now + 10 * 365 * 86_400, exp: now + 10 * 365 * 86_400 + 3_600 })), 401, "unauthenticated");
    expect((await me(await sign({ iat: now, exp: now + 86_400 }))).status).toBe(200);
    expect((await me(await sign({ exp: now + 3_600 }))).status).toBe(200);
    // The maximum is configurable.
    const strict = { ...env, JWT_MAX_LIFETIME_SECONDS: "600" };
    const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} } as never;
    const hour = await sign({ iat: now, exp: now + 3_600 });
    expect((await createApp().request("/v1/users/me", { headers: { authorization: `Bearer ${hour}` } }, strict, ctx)).status).toBe(401);
  });

  it("says in development that only the issuer or audience is wrong, and stays terse elsewhere", async () => {
    const wrongIssuer = await signToken(student.user.auth_subject, { issuer: "https://evil.example" });
    const wrongAudience = await signToken(student.user.auth_subject, { audience: "another-api" });
    const dev = expectProblem(await me(wrongIssuer), 401, "unauthenticated");
    expect(dev.detail).toContain("issuer");
    expect(dev.detail).toContain(env.JWT_ISSUER);
    expect(expectProblem(await me(wrongAudience), 401, "unauthenticated").detail).toContain("audience");
    // A bad signature is not helped along, even in development.
    const forged = await signToken(student.user.auth_subject, { issuer: "https://evil.example", secret: "z".repeat(40) });
    expect(expectProblem(await me(forged), 401, "unauthenticated").detail).toBe("The token is invalid or expired.");
    const production = { ...loadConfig(env), ENVIRONMENT: "production" as const };
    for (const token of [wrongIssuer, wrongAudience]) {
      const refusal = await verifiedSubject(production, token).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(ApiError);
      expect((refusal as ApiError).detail).toBe("The token is invalid or expired.");
    }
  });

  it("refuses a valid token for an unknown subject", async () => {
    expectProblem(await me(await signToken("test|nobody-has-this-subject")), 401, "unauthenticated");
  });

  it("takes the role from the database, never from the token", async () => {
    const claimsAdmin = await signToken(student.user.auth_subject, { claims: { role: "ADMIN" } });
    const res = await call("/v1/users", {
      method: "POST",
      token: claimsAdmin,
      body: { auth_subject: "x|y", email: "x@example.test", first_name: "X", last_name: "Y", role: "ADMIN" },
    });
    expectProblem(res, 403, "forbidden");
  });
});

describe("JWKS verification (staging and production)", () => {
  async function jwksApp() {
    const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: "k1", alg: "RS256", use: "sig" };
    const jwksUrl = "https://idp.skyslot.test/.well-known/jwks.json";
    const realFetch = globalThis.fetch;
    // The identity provider is the only thing outside this process; serve its key set here.
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url === jwksUrl) return Response.json({ keys: [jwk] });
      return realFetch(input, init);
    }) as typeof fetch;
    const bindings = {
      ...env,
      ENVIRONMENT: "production",
      JWT_SECRET: undefined,
      LOCAL_GATEWAY_URL: undefined,
      JWKS_URL: jwksUrl,
      JWT_ISSUER: "https://idp.skyslot.test/",
      JWT_AUDIENCE: "skyslot-api",
    };
    return { privateKey, publicKey, bindings, restore: () => (globalThis.fetch = realFetch) };
  }

  it("accepts RS256 from the key set and refuses HS256 signed with the public key", async () => {
    const { privateKey, publicKey, bindings, restore } = await jwksApp();
    try {
      const app = createApp();
      // Production config refuses the local gateway, so only the auth outcome is checked here:
      // 401 means the token was refused, anything else means it was accepted.
      const good = await new SignJWT({})
        .setProtectedHeader({ alg: "RS256", kid: "k1" })
        .setSubject(student.user.auth_subject)
        .setIssuer(bindings.JWT_ISSUER)
        .setAudience(bindings.JWT_AUDIENCE)
        .setExpirationTime("5m")
        .sign(privateKey);
      const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} } as never;
      const accepted = await app.request("/v1/users/me", { headers: { authorization: `Bearer ${good}` } }, bindings, ctx);
      expect(accepted.status).not.toBe(401);

      const confused = await new SignJWT({})
        .setProtectedHeader({ alg: "HS256", kid: "k1" })
        .setSubject(student.user.auth_subject)
        .setIssuer(bindings.JWT_ISSUER)
        .setAudience(bindings.JWT_AUDIENCE)
        .setExpirationTime("5m")
        // The classic confusion attack: the public key, which anyone can fetch, used as an HMAC secret.
        .sign(new TextEncoder().encode(await exportSPKI(publicKey)));
      const refused = await app.request("/v1/users/me", { headers: { authorization: `Bearer ${confused}` } }, bindings, ctx);
      expect(refused.status).toBe(401);
    } finally {
      restore();
    }
  });
});

describe("tokens verified lately", () => {
  it("are taken again only under the configuration that verified them", async () => {
    const token = student.token;
    expect(await verifiedSubject(loadConfig(env), token)).toBe(student.user.auth_subject);
    const rotated = loadConfig({ ...env, JWT_SECRET: "a-rotated-secret-that-is-long-enough-0000000" });
    await expect(verifiedSubject(rotated, token)).rejects.toBeInstanceOf(ApiError);
    const stricter = loadConfig({ ...env, JWT_MAX_LIFETIME_SECONDS: "60" });
    await expect(verifiedSubject(stricter, token)).rejects.toBeInstanceOf(ApiError);
  });
});
