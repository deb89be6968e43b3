import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';

export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** Writes (or replaces) a file in a collection. */
export async function putDataFile(db: Db, collectionId: string, path: string, content: Buffer, contentType: string | null) {
  if (content.length > MAX_FILE_BYTES) throw new AppError('BAD_REQUEST', `A file may hold at most ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  const data = { content: new Uint8Array(content), size: content.length, contentType: contentType || 'application/octet-stream' };
  await db.dataFile.upsert({
    where: { collectionId_path: { collectionId, path } },
    create: { collectionId, path, ...data },
    update: data,
  });
}
