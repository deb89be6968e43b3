import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { createCollectionInput } from './collection-input';

export async function createCollection(db: Db, ownerId: string, input: unknown) {
  const { name } = createCollectionInput.parse(input);
  try {
    return await db.dataCollection.create({ data: { ownerId, name }, select: { id: true, name: true, createdAt: true } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new AppError('CONFLICT', 'You already have a collection with that name', { name: 'You already have a collection with that name' });
    }
    throw error;
  }
}
