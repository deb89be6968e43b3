import type { Prisma } from '@/lib/generated/prisma/client';
import { decodeTimeCursor, encodeTimeCursor } from '@/lib/pagination/page-cursor';

// How run lists page (the Runs tab, a connection's Recent messages): newest first, ties
// broken by id, each page after the cursor of the one before.

export const NEWEST_FIRST = [{ createdAt: 'desc' }, { id: 'desc' }] satisfies Prisma.AlgorithmRunOrderByWithRelationInput[];

/**
 * The runs after `cursor` in NEWEST_FIRST order. `createdAt <= at` bounds the index scan;
 * the OR only sorts out the runs created in the cursor's own millisecond.
 */
export function runsAfterCursor(cursor: string | null | undefined): Prisma.AlgorithmRunWhereInput {
  if (!cursor) return {};
  const { at, id } = decodeTimeCursor(cursor);
  return { createdAt: { lte: at }, OR: [{ createdAt: { lt: at } }, { id: { lt: id } }] };
}

export const runCursorOf = (run: { createdAt: Date; id: string }) => encodeTimeCursor(run);
