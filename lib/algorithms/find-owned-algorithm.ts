import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';

/** The caller's algorithm `owner/name`; "not found" when it is someone else's. */
export async function findOwnedAlgorithm(db: Db, callerId: string, owner: string, name: string) {
  const algorithm = await db.algorithm.findFirst({
    where: { name, ownerId: callerId, owner: { username: owner } },
    select: { id: true, name: true },
  });
  if (!algorithm) throw new AppError('NOT_FOUND', `No algorithm ${owner}/${name}`);
  return algorithm;
}
