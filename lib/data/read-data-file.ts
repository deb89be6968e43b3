import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';

export async function readDataFile(db: Db, collectionId: string, path: string) {
  const file = await db.dataFile.findUnique({
    where: { collectionId_path: { collectionId, path } },
    select: { content: true, contentType: true, size: true },
  });
  if (!file) throw new AppError('NOT_FOUND', `No file ${path}`);
  return file;
}
