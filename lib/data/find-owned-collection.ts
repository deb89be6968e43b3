import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';

/** The caller's collection `owner/name`; "not found" when it is someone else's. */
export async function findOwnedCollection(db: Db, callerId: string, owner: string, name: string) {
  const collection = await db.dataCollection.findFirst({
    where: { name, ownerId: callerId, owner: { username: owner } },
    select: { id: true, name: true, createdAt: true },
  });
  if (!collection) throw new AppError('NOT_FOUND', `No collection ${owner}/${name}`);
  return collection;
}
