import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { describeBytes } from '@/lib/http/read-limited-body';
import { getPlatformSettings } from '@/lib/settings/get-platform-settings';
import { MAX_FILE_BYTES } from './file-size-limit';

// What a file takes of its owner's quota besides its content, its path and its content
// type: roughly what PostgreSQL keeps for its row (ids, timestamps, the path again in its
// index). Without it, thousands of empty files would fill the database for free.
const FILE_ROW_BYTES = 512;

/**
 * Writes (or replaces) a file in a collection, within its owner's storage quota, which
 * counts every file's content, path, content type and row. The owner's uploads take turns
 * on a lock of their own, so two cannot both fit the last room.
 */
export async function putDataFile(db: Db, collectionId: string, path: string, content: Buffer, contentType: string | null) {
  if (content.length > MAX_FILE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `A file may hold at most ${describeBytes(MAX_FILE_BYTES)}`);
  const quotaBytes = (await getPlatformSettings(db)).userDataQuotaMb * 1024 * 1024;
  const data = { content: new Uint8Array(content), size: content.length, contentType: contentType || 'application/octet-stream' };
  const stored = data.size + Buffer.byteLength(path) + Buffer.byteLength(data.contentType) + FILE_ROW_BYTES;
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`
      SELECT pg_advisory_xact_lock(hashtextextended('data-quota:' || "ownerId", 0)) FROM "DataCollection" WHERE "id" = ${collectionId}`;
    // Everything the owner stores, but the file this one replaces.
    const [row] = await tx.$queryRaw<Array<{ used: number }>>`
      SELECT coalesce(sum(f."size" + octet_length(f."path") + octet_length(f."contentType") + ${FILE_ROW_BYTES}::int), 0)::float8 AS used
      FROM "DataFile" f JOIN "DataCollection" c ON c."id" = f."collectionId"
      WHERE c."ownerId" = (SELECT "ownerId" FROM "DataCollection" WHERE "id" = ${collectionId})
        AND NOT (f."collectionId" = ${collectionId} AND f."path" = ${path})`;
    const used = row?.used ?? 0;
    if (used + stored > quotaBytes) {
      throw new AppError(
        'FORBIDDEN',
        `This file would take your hosted data to ${describeBytes(used + stored)}, over your quota of ${describeBytes(quotaBytes)}. Delete files you no longer need, or ask an admin for a larger quota.`,
      );
    }
    await tx.dataFile.upsert({
      where: { collectionId_path: { collectionId, path } },
      create: { collectionId, path, ...data },
      update: data,
    });
  });
}
