import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { countUpTo, pageInfoSchema, sliceKeysetPage } from '@/lib/pagination/list-page';
import { decodeNameCursor, encodeNameCursor } from '@/lib/pagination/page-cursor';
import { fileSummarySchema } from './list-data-files';

export const FILE_PAGE_SIZE = 20;
/** How much of each text file a page shows; the rest is a download away. */
export const PREVIEW_BYTES = 16 * 1024;

const filePreviewSchema = fileSummarySchema.extend({
  text: z.string().nullable().describe("The file's text (its first 16 KiB), or null for binary content."),
  truncated: z.boolean(),
});

export const filePreviewPageSchema = pageInfoSchema.extend({ files: z.array(filePreviewSchema) });

export type FilePreview = z.infer<typeof filePreviewSchema>;
export type FilePreviewPage = z.infer<typeof filePreviewPageSchema>;

/**
 * A page of a collection's files in name order, with the start of each text file and the
 * total; `prefix` narrows them to names that start with it.
 */
export async function listFilePreviews(db: Db, collectionId: string, { prefix, cursor }: { prefix?: string; cursor?: string | null } = {}): Promise<FilePreviewPage> {
  const where: Prisma.DataFileWhereInput = { collectionId, ...(prefix ? { path: { startsWith: prefix } } : {}) };
  const [rows, total] = await Promise.all([
    db.dataFile.findMany({
      where: cursor ? { AND: [where, { path: { gt: decodeNameCursor(cursor) } }] } : where,
      orderBy: { path: 'asc' },
      take: FILE_PAGE_SIZE + 1,
      select: { path: true, size: true, contentType: true, updatedAt: true },
    }),
    countUpTo((take) => db.dataFile.count({ where, take, orderBy: { path: 'asc' } })),
  ]);
  const page = sliceKeysetPage(rows, FILE_PAGE_SIZE, (file) => encodeNameCursor(file.path));
  const heads = await db.$queryRaw<Array<{ path: string; head: Uint8Array }>>`
    SELECT "path", substring("content" from 1 for ${PREVIEW_BYTES}::int) AS "head"
    FROM "DataFile" WHERE "collectionId" = ${collectionId} AND "path" = ANY(${page.rows.map((file) => file.path)}::text[])`;
  const headOf = new Map(heads.map((row) => [row.path, row.head]));
  const files = page.rows.map((file) => {
    const head = headOf.get(file.path) ?? new Uint8Array();
    const truncated = file.size > head.length;
    return { filename: file.path, size: file.size, contentType: file.contentType, updatedAt: file.updatedAt.toISOString(), text: decodeText(head, truncated), truncated };
  });
  return { files, ...total, nextCursor: page.nextCursor };
}

/** UTF-8 text without NUL bytes, else null. A cut may split a character: drop its bytes. */
function decodeText(bytes: Uint8Array, truncated: boolean): string | null {
  if (bytes.includes(0)) return null;
  for (let cut = 0; cut <= (truncated ? 3 : 0); cut++) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, bytes.length - cut));
    } catch {
      // Not valid UTF-8 at this length.
    }
  }
  return null;
}
