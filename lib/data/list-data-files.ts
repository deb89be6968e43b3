import type { Db } from '@/lib/db/client';

export interface FileSummary {
  filename: string;
  size: number;
  contentType: string;
  updatedAt: string;
}

/** A collection's files (without their contents), by path. */
export async function listDataFiles(db: Db, collectionId: string): Promise<FileSummary[]> {
  const files = await db.dataFile.findMany({
    where: { collectionId },
    orderBy: { path: 'asc' },
    select: { path: true, size: true, contentType: true, updatedAt: true },
  });
  return files.map((file) => ({ filename: file.path, size: file.size, contentType: file.contentType, updatedAt: file.updatedAt.toISOString() }));
}
