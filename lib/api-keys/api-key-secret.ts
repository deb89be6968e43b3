import { createHash, randomBytes } from 'node:crypto';

// Keys look like `ef_<43 url-safe chars>`; the database keeps only their SHA-256.
export const API_KEY_PREFIX = 'ef_';

export function generateApiKey(): string {
  return API_KEY_PREFIX + randomBytes(32).toString('base64url');
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
