import type { Db } from '@/lib/db/client';
import type { RunStatus } from '@/lib/generated/prisma/client';
import { getPlatformSettings } from '@/lib/settings/get-platform-settings';
import { runSummarySelect, toRunSummary, type RunSummary } from './run-summary';

export const RUN_LIST_LIMIT = 100;

export interface RunListFilter {
  /** SQS message ids that start with it. */
  messageId?: string;
  status?: RunStatus | null;
}

/** An algorithm's latest runs, newest first, narrowed by SQS message id prefix and status. */
export async function listAlgorithmRuns(db: Db, algorithmId: string, filter: RunListFilter = {}): Promise<RunSummary[]> {
  const search = filter.messageId?.trim();
  const { runRetentionHours } = await getPlatformSettings(db);
  const rows = await db.algorithmRun.findMany({
    where: { algorithmId, ...(search ? { sqsMessageId: { startsWith: search } } : {}), ...(filter.status ? { status: filter.status } : {}) },
    orderBy: { createdAt: 'desc' },
    take: RUN_LIST_LIMIT,
    select: runSummarySelect,
  });
  return rows.map((row) => toRunSummary(row, runRetentionHours));
}
