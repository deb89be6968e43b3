import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import type { Prisma, RunStatus } from '@/lib/generated/prisma/client';
import { countUpTo, pageInfoSchema, sliceKeysetPage } from '@/lib/pagination/list-page';
import { getPlatformSettings } from '@/lib/settings/get-platform-settings';
import { NEWEST_FIRST, runCursorOf, runsAfterCursor } from './newest-first';
import { runSummarySchema, runSummarySelect, toRunSummary } from './run-summary';

export const RUN_PAGE_SIZE = 50;

export interface RunListFilter {
  /** SQS message ids that start with it. */
  messageId?: string;
  status?: RunStatus | null;
}

export const runPageSchema = pageInfoSchema.extend({ runs: z.array(runSummarySchema) });

export type RunPage = z.infer<typeof runPageSchema>;

/** A page of an algorithm's runs, newest first, narrowed by SQS message id prefix and status, with their total. */
export async function listAlgorithmRuns(db: Db, algorithmId: string, filter: RunListFilter = {}, cursor?: string | null): Promise<RunPage> {
  const search = filter.messageId?.trim();
  const where: Prisma.AlgorithmRunWhereInput = {
    algorithmId,
    ...(search ? { sqsMessageId: { startsWith: search } } : {}),
    ...(filter.status ? { status: filter.status } : {}),
  };
  const [rows, total, { runRetentionHours }] = await Promise.all([
    db.algorithmRun.findMany({ where: { ...where, ...runsAfterCursor(cursor) }, orderBy: NEWEST_FIRST, take: RUN_PAGE_SIZE + 1, select: runSummarySelect }),
    countUpTo((take) => db.algorithmRun.count({ where, take, orderBy: NEWEST_FIRST })),
    getPlatformSettings(db),
  ]);
  const page = sliceKeysetPage(rows, RUN_PAGE_SIZE, runCursorOf);
  return { runs: page.rows.map((row) => toRunSummary(row, runRetentionHours)), ...total, nextCursor: page.nextCursor };
}
