import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { hashApiKey } from './api-key-secret';

const LAST_USED_PRECISION_MS = 60_000;

/** Resolves `Authorization: Simple <key>` or `Bearer <key>` to the key's owner. */
export async function authenticateApiKey(db: Db, authorization: string | null) {
  const match = /^(?:Simple|Bearer)\s+(\S+)$/i.exec(authorization ?? '');
  if (!match?.[1]) throw new AppError('UNAUTHENTICATED', 'Send an API key: Authorization: Simple <key>');
  const key = await db.apiKey.findUnique({
    where: { keyHash: hashApiKey(match[1]) },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, username: true } } },
  });
  if (!key || key.revokedAt) throw new AppError('UNAUTHENTICATED', 'Invalid API key');
  // At most one write a minute per key: a write per call would add a round trip to every
  // algorithm API call for a "last used" that needs no finer precision.
  if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date() } });
  }
  return key.user;
}
