// The demo's stand-in credentials: an HS256 secret for the JWTs the Message Center stand-in hands
// out (the role Lime Connect plays in production) and an API key for `x-api-key` clients (the role
// DCI plays). Loopback-only development values, never used outside the local API server.
import { join } from 'node:path';
import type * as Jose from 'jose';

// jose ships ES modules only. Jest, which loads this file for the API server's and the REST
// adapter's specs, cannot load those through its own module system (and hands out its own
// `node:module`); Node's real loader can (require(esm), Node >= 20.19), in jest as under tsx.
const nodeModule = process.getBuiltinModule('node:module');
const jose: typeof Jose = nodeModule.createRequire(join(process.cwd(), 'package.json'))('jose');

export const DEV_JWT_SECRET = 'limepkg-conversations-dev-secret-loopback-only-0123456789';
export const DEV_JWT_ISSUER = 'lime-connect-dev';
export const DEV_JWT_AUDIENCE = 'limepkg-conversations';
export const DEV_API_KEY = 'limepkg-conversations-dev-api-key';
/** How long a dev token lives. */
export const DEV_TOKEN_TTL_SECONDS = 300;

const secretKey = new TextEncoder().encode(DEV_JWT_SECRET);

export interface MintOptions {
  /** Hand out a token that expired a minute ago (to show the 401 → new token → retry path). */
  expired?: boolean;
  /** Who the token is for, e.g. the operator's email. */
  subject?: string;
  /** Sign with another secret: a token the server must refuse. */
  secret?: string;
}

/** Signs a token as the Message Center stand-in would hand it to the Portal. */
export async function mintDevToken(options: MintOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const issuedAt = options.expired ? now - DEV_TOKEN_TTL_SECONDS - 60 : now;
  return new jose.SignJWT({ scope: 'portal' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(DEV_JWT_ISSUER)
    .setAudience(DEV_JWT_AUDIENCE)
    .setSubject(options.subject ?? 'operator@example.com')
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + DEV_TOKEN_TTL_SECONDS)
    .sign(options.secret ? new TextEncoder().encode(options.secret) : secretKey);
}

export type TokenCheck =
  { ok: true; subject: string } | { ok: false; reason: 'expired' | 'invalid' };

/** Verifies a bearer token: signature (HS256 only), issuer, audience and expiry. */
export async function verifyDevToken(token: string): Promise<TokenCheck> {
  try {
    const { payload } = await jose.jwtVerify(token, secretKey, {
      algorithms: ['HS256'],
      issuer: DEV_JWT_ISSUER,
      audience: DEV_JWT_AUDIENCE,
    });
    return { ok: true, subject: typeof payload.sub === 'string' ? payload.sub : '' };
  } catch (error) {
    return { ok: false, reason: error instanceof jose.errors.JWTExpired ? 'expired' : 'invalid' };
  }
}
