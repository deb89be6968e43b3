import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';

export async function deleteDataFile(db: Db, collectionId: string, path: string): Promise<void> {
  const { count } = await db.dataFile.deleteMany({ where: { collectionId, path } });
  if (count === 0) throw new AppError('NOT_FOUND', `No file ${path}`);
}
