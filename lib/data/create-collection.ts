import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { isoTimeSchema } from '@/lib/validation/iso-time';
import { collectionNameSchema } from './data-names';

export const createCollectionInput = z.object({ name: z.string({ error: 'Give the collection a name' }).trim().pipe(collectionNameSchema) });

export const createdCollectionSchema = z.object({ id: z.string(), name: z.string(), createdAt: isoTimeSchema });

export type CreatedCollection = z.infer<typeof createdCollectionSchema>;

export async function createCollection(db: Db, ownerId: string, input: unknown): Promise<CreatedCollection> {
  const { name } = createCollectionInput.parse(input);
  try {
    const collection = await db.dataCollection.create({ data: { ownerId, name }, select: { id: true, name: true, createdAt: true } });
    return { ...collection, createdAt: collection.createdAt.toISOString() };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new AppError('CONFLICT', 'You already have a collection with that name', { name: 'You already have a collection with that name' });
    }
    throw error;
  }
}
