import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { getPlatformSettings } from '@/lib/settings/get-platform-settings';
import { isoTimeSchema } from '@/lib/validation/iso-time';
import { createCollectionInput } from './collection-input';

export const createdCollectionSchema = z.object({ id: z.string(), name: z.string(), createdAt: isoTimeSchema });

export type CreatedCollection = z.infer<typeof createdCollectionSchema>;

/**
 * A new hosted data collection of `ownerId`, within the per-user collection limit. The
 * owner's creations take turns on a lock of their own, so two cannot both take the last place.
 */
export async function createCollection(db: Db, ownerId: string, input: unknown): Promise<CreatedCollection> {
  const { name } = createCollectionInput.parse(input);
  try {
    const collection = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`collection-limit:${ownerId}`}, 0))`;
      const [{ userCollectionLimit }, count] = await Promise.all([getPlatformSettings(tx), tx.dataCollection.count({ where: { ownerId } })]);
      if (count >= userCollectionLimit) {
        throw new AppError(
          'FORBIDDEN',
          `You already have ${count.toLocaleString('en')} collections, the most one user may have. Delete one you no longer use, or ask an admin to raise the limit.`,
        );
      }
      return tx.dataCollection.create({ data: { ownerId, name }, select: { id: true, name: true, createdAt: true } });
    });
    return { ...collection, createdAt: collection.createdAt.toISOString() };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new AppError('CONFLICT', 'You already have a collection with that name', { name: 'You already have a collection with that name' });
    }
    throw error;
  }
}
