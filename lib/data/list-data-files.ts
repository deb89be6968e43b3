import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { isoTimeSchema } from '@/lib/validation/iso-time';

export const fileSummarySchema = z.object({
  filename: z.string().describe('The path inside the collection (it may contain /).'),
  size: z.number().int().describe('Bytes.'),
  contentType: z.string(),
  updatedAt: isoTimeSchema,
}).meta({ id: 'DataFile' });

export type FileSummary = z.infer<typeof fileSummarySchema>;

/** A collection's files (without their contents), by path. */
export async function listDataFiles(db: Db, collectionId: string): Promise<FileSummary[]> {
  const files = await db.dataFile.findMany({
    where: { collectionId },
    orderBy: { path: 'asc' },
    select: { path: true, size: true, contentType: true, updatedAt: true },
  });
  return files.map((file) => ({ filename: file.path, size: file.size, contentType: file.contentType, updatedAt: file.updatedAt.toISOString() }));
}
