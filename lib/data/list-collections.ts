import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { isoTimeSchema } from '@/lib/validation/iso-time';

export const collectionSummarySchema = z.object({
  name: z.string(),
  fileCount: z.number().int(),
  totalSize: z.number().int().describe('Bytes.'),
  createdAt: isoTimeSchema,
}).meta({ id: 'Collection' });

export type CollectionSummary = z.infer<typeof collectionSummarySchema>;

/** The user's collections with how many files they hold and how many bytes, by name. */
export async function listCollections(db: Db, ownerId: string): Promise<CollectionSummary[]> {
  const [collections, sizes] = await Promise.all([
    db.dataCollection.findMany({ where: { ownerId }, orderBy: { name: 'asc' }, include: { _count: { select: { files: true } } } }),
    db.dataFile.groupBy({ by: ['collectionId'], where: { collection: { ownerId } }, _sum: { size: true } }),
  ]);
  const sizeOf = new Map(sizes.map((row) => [row.collectionId, row._sum.size ?? 0]));
  return collections.map((collection) => ({
    name: collection.name,
    fileCount: collection._count.files,
    totalSize: sizeOf.get(collection.id) ?? 0,
    createdAt: collection.createdAt.toISOString(),
  }));
}
