import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { describeBytes } from '@/lib/http/read-limited-body';
import { getPlatformSettings } from '@/lib/settings/get-platform-settings';
import { MAX_FILE_BYTES } from './file-size-limit';

/**
 * Writes (or replaces) a file in a collection, within its owner's storage quota. The
 * owner's uploads take turns on a lock of their own, so two cannot both fit the last room.
 */
export async function putDataFile(db: Db, collectionId: string, path: string, content: Buffer, contentType: string | null) {
  if (content.length > MAX_FILE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `A file may hold at most ${describeBytes(MAX_FILE_BYTES)}`);
  const quotaBytes = (await getPlatformSettings(db)).userDataQuotaMb * 1024 * 1024;
  const data = { content: new Uint8Array(content), size: content.length, contentType: contentType || 'application/octet-stream' };
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`
      SELECT pg_advisory_xact_lock(hashtextextended('data-quota:' || "ownerId", 0)) FROM "DataCollection" WHERE "id" = ${collectionId}`;
    // Everything the owner stores, but the file this one replaces.
    const [row] = await tx.$queryRaw<Array<{ used: number }>>`
      SELECT coalesce(sum(f."size"), 0)::float8 AS used
      FROM "DataFile" f JOIN "DataCollection" c ON c."id" = f."collectionId"
      WHERE c."ownerId" = (SELECT "ownerId" FROM "DataCollection" WHERE "id" = ${collectionId})
        AND NOT (f."collectionId" = ${collectionId} AND f."path" = ${path})`;
    const used = row?.used ?? 0;
    if (used + content.length > quotaBytes) {
      throw new AppError(
        'FORBIDDEN',
        `This file would take your hosted data to ${describeBytes(used + content.length)}, over your quota of ${describeBytes(quotaBytes)}. Delete files you no longer need, or ask an admin for a larger quota.`,
      );
    }
    await tx.dataFile.upsert({
      where: { collectionId_path: { collectionId, path } },
      create: { collectionId, path, ...data },
      update: data,
    });
  });
}
