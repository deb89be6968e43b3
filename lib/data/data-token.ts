import { createHmac, timingSafeEqual } from 'node:crypto';

// The short-lived token an algorithm receives with each run (Authorization: Bearer …).
// It lets the algorithm's code read and write its owner's data collections, and nothing
// else, until it expires. Signed with the data-token key (derived from the auth secret,
// lib/auth/derived-keys.ts), which the web app and the worker share; the prefix tells it
// apart from a personal API key on the same header.

export const DATA_TOKEN_PREFIX = 'efdata_';

function signature(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`event-flows data token v1.${payload}`).digest('base64url');
}

/** A token for the owner's collections, valid until `expiresAt`. */
export function createDataToken(secret: string, ownerId: string, expiresAt: Date): string {
  const payload = Buffer.from(JSON.stringify({ sub: ownerId, exp: Math.floor(expiresAt.getTime() / 1000) })).toString('base64url');
  return `${DATA_TOKEN_PREFIX}${payload}.${signature(secret, payload)}`;
}

/** The owner's user id when the token is genuine and unexpired; otherwise null. */
export function verifyDataToken(secret: string, token: string, now = new Date()): string | null {
  if (!token.startsWith(DATA_TOKEN_PREFIX)) return null;
  const [payload, given] = token.slice(DATA_TOKEN_PREFIX.length).split('.');
  if (!payload || !given) return null;
  const expected = Buffer.from(signature(secret, payload));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { sub?: unknown; exp?: unknown };
    if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number') return null;
    return claims.exp * 1000 > now.getTime() ? claims.sub : null;
  } catch {
    return null;
  }
}
