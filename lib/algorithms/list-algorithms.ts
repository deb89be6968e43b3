import type { Db } from '@/lib/db/client';

/** The user's algorithms with their latest version, newest first. */
export function listAlgorithms(db: Db, ownerId: string) {
  return db.algorithm.findMany({
    where: { ownerId },
    orderBy: { createdAt: 'desc' },
    include: {
      versions: { orderBy: { createdAt: 'desc' }, take: 1, select: { version: true } },
      _count: { select: { eventFlows: true } },
    },
  });
}
