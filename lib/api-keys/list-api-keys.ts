import type { Db } from '@/lib/db/client';
import type { ApiKeyView } from './api-key-view';

/** The user's keys that are not revoked, newest first. */
export async function listApiKeys(db: Db, userId: string): Promise<ApiKeyView[]> {
  const keys = await db.apiKey.findMany({
    where: { userId, revokedAt: null },
    orderBy: { createdAt: 'desc' },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true },
  });
  return keys.map((key) => ({ ...key, createdAt: key.createdAt.toISOString(), lastUsedAt: key.lastUsedAt?.toISOString() ?? null }));
}
