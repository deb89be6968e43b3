import type { SessionUser } from '@/lib/auth/session';
import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { getAlgorithmForOwner } from './get-algorithm-for-owner';

/** The algorithm owner/name for its owner, or for an admin (who reads every connection page); NOT_FOUND otherwise. */
export async function getAlgorithmForReader(db: Db, user: Pick<SessionUser, 'id' | 'isAdmin'>, owner: string, name: string) {
  if (!user.isAdmin) return getAlgorithmForOwner(db, user.id, owner, name);
  const algorithm = await db.algorithm.findFirst({
    where: { name, owner: { username: owner } },
    include: { owner: { select: { username: true } }, versions: { orderBy: { createdAt: 'desc' } } },
  });
  if (!algorithm) throw new AppError('NOT_FOUND', `No algorithm ${owner}/${name}`);
  return algorithm;
}
