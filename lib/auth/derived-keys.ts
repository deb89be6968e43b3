import { hkdfSync } from 'node:crypto';

// One secret to configure (BETTER_AUTH_SECRET), a separate key per use: sessions, the
// data tokens algorithms get, and the worker's token for the algorithm API. A key that
// leaks (the worker calls tenants' URLs) cannot forge the others, and the worker is
// given only its own two, never the secret (scripts/start.ts).

export type KeyPurpose = 'sessions' | 'data-tokens' | 'worker-token';

const SALT = 'event-flows';

// Derived once per secret and purpose: the flow entry and the data API check a key on every request.
const derived = new Map<string, string>();

/** HKDF-SHA256 of the secret for one purpose: 32 bytes, base64url. */
export function deriveKey(secret: string, purpose: KeyPurpose): string {
  const cacheKey = `${purpose}\0${secret}`;
  let key = derived.get(cacheKey);
  if (key === undefined) {
    key = Buffer.from(hkdfSync('sha256', secret, SALT, `event-flows ${purpose} v1`, 32)).toString('base64url');
    derived.set(cacheKey, key);
  }
  return key;
}
