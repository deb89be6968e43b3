import type { Db } from '@/lib/db/client';

export function listApiKeys(db: Db, userId: string) {
  return db.apiKey.findMany({
    where: { userId, revokedAt: null },
    orderBy: { createdAt: 'desc' },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true },
  });
}
