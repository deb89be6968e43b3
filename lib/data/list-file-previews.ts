import type { Db } from '@/lib/db/client';
import { listDataFiles, type FileSummary } from './list-data-files';

export const PREVIEW_BYTES = 64 * 1024;

export interface FilePreview extends FileSummary {
  /** The file's text (its first PREVIEW_BYTES), or null for binary content. */
  text: string | null;
  truncated: boolean;
}

/** A collection's files with the start of each text file, for the collection page. */
export async function listFilePreviews(db: Db, collectionId: string): Promise<FilePreview[]> {
  const [files, heads] = await Promise.all([
    listDataFiles(db, collectionId),
    db.$queryRaw<Array<{ path: string; head: Uint8Array }>>`
      SELECT "path", substring("content" from 1 for ${PREVIEW_BYTES}::int) AS "head" FROM "DataFile" WHERE "collectionId" = ${collectionId}`,
  ]);
  const headOf = new Map(heads.map((row) => [row.path, row.head]));
  return files.map((file) => {
    const head = headOf.get(file.filename) ?? new Uint8Array();
    const truncated = file.size > head.length;
    return { ...file, text: decodeText(head, truncated), truncated };
  });
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
