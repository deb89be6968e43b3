import type { Db } from '@/lib/db/client';
import { runSummarySelect, toRunSummary, type RunSummary } from './run-summary';

export const RUN_LIST_LIMIT = 100;

/** An algorithm's latest runs, newest first; `messageId` narrows them to SQS message ids that start with it. */
export async function listAlgorithmRuns(db: Db, algorithmId: string, messageId?: string): Promise<RunSummary[]> {
  const search = messageId?.trim();
  const rows = await db.algorithmRun.findMany({
    where: { algorithmId, ...(search ? { sqsMessageId: { startsWith: search } } : {}) },
    orderBy: { createdAt: 'desc' },
    take: RUN_LIST_LIMIT,
    select: runSummarySelect,
  });
  return rows.map(toRunSummary);
}
