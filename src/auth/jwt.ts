import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from "jose";
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
 * Verifies a token's signature, expiry, issuer and audience and returns its subject.
 * With a JWKS only asymmetric algorithms pass (no HS/RS confusion); with a shared secret only
 * HS256. `alg: none` never passes.
 */
export async function verifiedSubject(config: AppConfig, token: string): Promise<string> {
  const checks = {
    ...(config.JWT_ISSUER ? { issuer: config.JWT_ISSUER } : {}),
    ...(config.JWT_AUDIENCE ? { audience: config.JWT_AUDIENCE } : {}),
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
    requiredClaims: ["sub", "exp"],
  };
  let payload: JWTPayload;
  try {
    if (config.JWKS_URL) {
      ({ payload } = await jwtVerify(token, jwks(config.JWKS_URL), { ...checks, algorithms: JWKS_ALGORITHMS }));
    } else {
      const secret = new TextEncoder().encode(config.JWT_SECRET);
      ({ payload } = await jwtVerify(token, secret, { ...checks, algorithms: ["HS256"] }));
    }
  } catch {
    throw unauthenticated("The token is invalid or expired.");
  }
  if (typeof payload.sub !== "string" || payload.sub.length === 0 || payload.sub.length > 255) {
    throw unauthenticated("The token has no usable subject.");
  }
  return payload.sub;
}
