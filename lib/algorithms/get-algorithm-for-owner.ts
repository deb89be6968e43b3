import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';

/**
 * The algorithm owner/name with its versions (newest first), if `userId` owns it.
 * Anyone else gets NOT_FOUND, as if it did not exist.
 */
export async function getAlgorithmForOwner(db: Db, userId: string, owner: string, name: string) {
  const algorithm = await db.algorithm.findFirst({
    where: { ownerId: userId, name, owner: { username: owner } },
    include: {
      owner: { select: { username: true } },
      versions: { orderBy: { createdAt: 'desc' } },
    },
  });
  if (!algorithm) throw new AppError('NOT_FOUND', `No algorithm ${owner}/${name}`);
  return algorithm;
}

export type OwnedAlgorithm = Awaited<ReturnType<typeof getAlgorithmForOwner>>;
