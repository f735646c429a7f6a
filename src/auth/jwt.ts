import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey, type JWTVerifyOptions } from "jose";
import type { AppConfig } from "../env";
import { ApiError } from "../http/problem";

/** Asymmetric algorithms an identity provider's JWKS may use; HS* is never accepted with a JWKS. */
const JWKS_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "ES256", "ES384", "EdDSA"];
const CLOCK_TOLERANCE_SECONDS = 5;

const keySets = new Map<string, JWTVerifyGetKey>();

function jwks(url: string): JWTVerifyGetKey {
  let keys = keySets.get(url);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(url), { cacheMaxAge: 10 * 60_000, timeoutDuration: 3_000 });
    keySets.set(url, keys);
  }
  return keys;
}

export function unauthenticated(detail: string): ApiError {
  return new ApiError("unauthenticated", detail, {
    headers: { "www-authenticate": 'Bearer realm="skyslot", error="invalid_token"' },
  });
}

/** Reads the bearer token from an Authorization header, or refuses the request. */
export function bearerToken(header: string | undefined): string {
  const match = /^Bearer[ ]+([A-Za-z0-9_.~+/-]+=*)$/i.exec(header?.trim() ?? "");
  if (!match?.[1]) throw unauthenticated("Send a bearer token in the Authorization header.");
  return match[1];
}

/**
 * Verifies a token's signature, expiry, issuer, audience and lifetime and returns its subject.
 * With a JWKS only asymmetric algorithms pass (no HS/RS confusion); with a shared secret only
 * HS256. `alg: none` never passes.
 */
export async function verifiedSubject(config: AppConfig, token: string): Promise<string> {
  const now = Date.now();
  const seen = verified.get(token);
  if (seen && seen.config === config && now < seen.until) return seen.subject;
  const subject = await verifiedNow(config, token);
  if (verified.size >= MAX_VERIFIED) verified.clear();
  // No longer than the token's own expiry (with the same tolerance the check allows).
  const exp = decodedExpiry(token);
  verified.set(token, { subject, config, until: Math.min(now + VERIFIED_FOR_MS, exp * 1000 + CLOCK_TOLERANCE_SECONDS * 1000) });
  return subject;
}

/**
 * Tokens this isolate verified lately. A token is immutable and its checks depend only on it,
 * the configuration and the clock, so a verified one is taken again, up to its expiry, without
 * the signature's crypto, a good part of a cache hit's own work. Kept briefly, so a key
 * withdrawn from the key set stops being honoured about as soon as the key set is read again.
 */
const verified = new Map<string, { subject: string; config: AppConfig; until: number }>();
const MAX_VERIFIED = 10_000;
const VERIFIED_FOR_MS = 60_000;

/** The `exp` claim of a token whose signature has just been checked. */
function decodedExpiry(token: string): number {
  return Number(decodeJwt(token).exp);
}

async function verifiedNow(config: AppConfig, token: string): Promise<string> {
  const checks: JWTVerifyOptions = {
    ...(config.JWT_ISSUER ? { issuer: config.JWT_ISSUER } : {}),
    ...(config.JWT_AUDIENCE ? { audience: config.JWT_AUDIENCE } : {}),
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
    requiredClaims: ["sub", "exp"],
  };
  let payload: JWTPayload;
  try {
    payload = await verify(config, token, checks);
  } catch (error) {
    throw unauthenticated(
      (config.ENVIRONMENT === "development" && (await issuerOrAudienceOnly(config, token, checks, error))) ||
        "The token is invalid or expired.",
    );
  }
  if (typeof payload.sub !== "string" || payload.sub.length === 0 || payload.sub.length > 255) {
    throw unauthenticated("The token has no usable subject.");
  }
  // A stolen long-lived token is a standing key: refuse lifetimes past the configured maximum
  // (and an `iat` in the future, which would shift the lifetime out there).
  const now = Math.floor(Date.now() / 1000);
  if (payload.iat !== undefined && payload.iat > now + CLOCK_TOLERANCE_SECONDS) {
    throw unauthenticated("The token claims to be issued in the future (iat).");
  }
  const lifetime = payload.exp! - (payload.iat ?? now);
  if (lifetime > config.JWT_MAX_LIFETIME_SECONDS) {
    throw unauthenticated(`The token lives longer than ${config.JWT_MAX_LIFETIME_SECONDS} s (exp − iat); ask for a shorter-lived one.`);
  }
  return payload.sub;
}

async function verify(config: AppConfig, token: string, checks: JWTVerifyOptions): Promise<JWTPayload> {
  if (config.JWKS_URL) {
    return (await jwtVerify(token, jwks(config.JWKS_URL), { ...checks, algorithms: JWKS_ALGORITHMS })).payload;
  }
  const secret = new TextEncoder().encode(config.JWT_SECRET);
  return (await jwtVerify(token, secret, { ...checks, algorithms: ["HS256"] })).payload;
}

/**
 * Development help for people minting their own tokens: when the token is good except for its
 * issuer or audience, say which, and what this environment expects. Production stays terse.
 */
async function issuerOrAudienceOnly(config: AppConfig, token: string, checks: JWTVerifyOptions, error: unknown): Promise<string | null> {
  if (!(error instanceof errors.JWTClaimValidationFailed) || (error.claim !== "iss" && error.claim !== "aud")) return null;
  const { issuer: _issuer, audience: _audience, ...rest } = checks;
  let payload: JWTPayload;
  try {
    payload = await verify(config, token, rest);
  } catch {
    return null;
  }
  const wrong: string[] = [];
  if (config.JWT_ISSUER && payload.iss !== config.JWT_ISSUER) wrong.push(`issuer ${JSON.stringify(payload.iss ?? null)} (JWT_ISSUER is ${JSON.stringify(config.JWT_ISSUER)})`);
  const audiences = typeof payload.aud === "string" ? [payload.aud] : (payload.aud ?? []);
  if (config.JWT_AUDIENCE && !audiences.includes(config.JWT_AUDIENCE)) {
    wrong.push(`audience ${JSON.stringify(payload.aud ?? null)} (JWT_AUDIENCE is ${JSON.stringify(config.JWT_AUDIENCE)})`);
  }
  return wrong.length > 0 ? `The token is signed correctly but has the wrong ${wrong.join(" and the wrong ")}.` : null;
}
