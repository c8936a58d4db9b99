import {
  SignJWT,
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
} from 'jose';

/** What a verified token says: who the bearer is (our user id, or an identity provider's subject and e-mail). */
export interface TokenClaims {
  readonly subject: string;
  readonly email: string | null;
}

/** Checks bearer tokens. */
export interface TokenVerifier {
  verify(token: string, now: Date): Promise<TokenClaims>;
}

export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

const ISSUER = 'crm';
const AUDIENCE = 'crm-api';
/** Tolerated difference between our clock and the issuer's, in seconds. */
const CLOCK_TOLERANCE_S = 30;

function keyOf(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

const DURATION = /^(\d+)\s*(s|m|h|d)$/u;
const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** A lifetime such as "30d", "12h", "15m" or "900s", in seconds. */
export function parseDuration(text: string): number {
  const match = DURATION.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not a duration such as 30d, 12h, 15m or 900s`);
  return Number(match[1]) * UNIT_SECONDS[match[2] as keyof typeof UNIT_SECONDS];
}

/** Signs an HS256 bearer token for a user, valid for `expiresIn` ("30d", "12h", "900s") from `now`. */
export async function issueToken(secret: string, userId: string, expiresIn = '30d', now: Date = new Date()): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + parseDuration(expiresIn))
    .sign(keyOf(secret));
}

/** Verifies an HS256 token of ours: signature, issuer, audience and expiry (with 30 s of clock skew). */
export async function verifyToken(secret: string, token: string, now: Date = new Date()): Promise<TokenClaims> {
  return checked(() =>
    jwtVerify(token, keyOf(secret), {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: AUDIENCE,
      clockTolerance: CLOCK_TOLERANCE_S,
      currentDate: now,
      requiredClaims: ['sub', 'exp'],
    }),
  );
}

/** Where an identity provider's public keys are, and what its tokens must say. */
export interface KeySetOptions {
  /** A JWKS document (e.g. read from JWT_JWKS_FILE) or the URL it is served at (JWT_JWKS_URL). */
  readonly keys: JSONWebKeySet | URL;
  readonly issuer?: string;
  readonly audience?: string;
}

/**
 * Verifies tokens: HS256 ones with our secret, RS256/ES256 ones against a public key set. Each token is
 * checked only against the kind of key its header names, so a public key can never be used as an HMAC secret.
 */
export function tokenVerifier(secret: string | null, keySet: KeySetOptions | null): TokenVerifier {
  const publicKeys = keySet ? (keySet.keys instanceof URL ? createRemoteJWKSet(keySet.keys) : createLocalJWKSet(keySet.keys)) : null;
  return {
    async verify(token, now) {
      let algorithm: string | undefined;
      try {
        algorithm = decodeProtectedHeader(token).alg;
      } catch {
        throw new InvalidTokenError('The token is not valid');
      }
      if (algorithm === 'HS256' && secret) return verifyToken(secret, token, now);
      if ((algorithm === 'RS256' || algorithm === 'ES256') && publicKeys) {
        return checked(() =>
          jwtVerify(token, publicKeys, {
            algorithms: ['RS256', 'ES256'],
            ...(keySet?.issuer ? { issuer: keySet.issuer } : {}),
            ...(keySet?.audience ? { audience: keySet.audience } : {}),
            clockTolerance: CLOCK_TOLERANCE_S,
            currentDate: now,
            requiredClaims: ['sub', 'exp'],
          }),
        );
      }
      throw new InvalidTokenError('The token is not valid');
    },
  };
}

async function checked(verify: () => Promise<{ readonly payload: JWTPayload }>): Promise<TokenClaims> {
  try {
    const { payload } = await verify();
    return { subject: payload.sub!, email: typeof payload.email === 'string' ? payload.email : null };
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new InvalidTokenError('The token has expired');
    throw new InvalidTokenError('The token is not valid');
  }
}

/** The token in an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = header ? /^Bearer\s+(\S+)\s*$/iu.exec(header) : null;
  return match ? match[1]! : null;
}
