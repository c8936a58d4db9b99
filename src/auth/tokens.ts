import { SignJWT, errors, jwtVerify } from 'jose';

/** What a verified token says: who the bearer is. */
export interface TokenClaims {
  readonly userId: string;
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

/** Verifies signature, issuer, audience and expiry; throws `InvalidTokenError` with a reason a client may see. */
export async function verifyToken(secret: string, token: string, now: Date = new Date()): Promise<TokenClaims> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: AUDIENCE,
      clockTolerance: CLOCK_TOLERANCE_S,
      currentDate: now,
      requiredClaims: ['sub', 'exp'],
    });
    return { userId: payload.sub! };
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
