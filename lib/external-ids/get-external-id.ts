import type { Db } from '@/lib/db/client';

/** The user's platform-generated external ID (every user has one: a column default, backfilled). */
export async function getExternalId(db: Db, userId: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { externalId: true } });
  return user.externalId;
}
