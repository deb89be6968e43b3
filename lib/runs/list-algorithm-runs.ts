import type { Db } from '@/lib/db/client';
import { runSummarySelect, toRunSummary, type RunSummary } from './run-summary';

export const RUN_LIST_LIMIT = 100;

/** An algorithm's latest runs, newest first. */
export async function listAlgorithmRuns(db: Db, algorithmId: string): Promise<RunSummary[]> {
  const rows = await db.algorithmRun.findMany({
    where: { algorithmId },
    orderBy: { createdAt: 'desc' },
    take: RUN_LIST_LIMIT,
    select: runSummarySelect,
  });
  return rows.map(toRunSummary);
}
