// Development tokens: HS256 JWTs the Worker accepts when it is configured with JWT_SECRET.
import { SignJWT } from "jose";

export const DEV_JWT_ISSUER = "skyslot-dev";
export const DEV_JWT_AUDIENCE = "skyslot-api";
// The API refuses tokens living longer than JWT_MAX_LIFETIME_SECONDS (default 24 h).
export const DEV_TOKEN_LIFETIME = "24h";

export interface DevTokenOptions {
  secret: string;
  /** Matched against users.auth_subject; the role always comes from the database. */
  subject: string;
  issuer?: string;
  audience?: string;
  /** A jose time span ("24h", "2h") or seconds. */
  expiresIn?: string | number;
}

export async function signDevToken(opts: DevTokenOptions): Promise<string> {
  if (!opts.secret) throw new Error("a JWT secret is required to sign a token");
  if (!opts.subject) throw new Error("a subject is required to sign a token");
  const expiresIn = opts.expiresIn ?? DEV_TOKEN_LIFETIME;
  return new SignJWT({})
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(opts.subject)
    .setIssuer(opts.issuer ?? DEV_JWT_ISSUER)
    .setAudience(opts.audience ?? DEV_JWT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(typeof expiresIn === "number" ? Math.floor(Date.now() / 1000) + expiresIn : expiresIn)
    .sign(new TextEncoder().encode(opts.secret));
}
