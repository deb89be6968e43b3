import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { countUpTo, pageInfoSchema, sliceKeysetPage } from '@/lib/pagination/list-page';
import { NEWEST_FIRST, runCursorOf, runsAfterCursor } from '@/lib/runs/newest-first';
import { runStatusSchema } from '@/lib/runs/run-summary';
import { isoTimeSchema } from '@/lib/validation/iso-time';

export const FLOW_MESSAGE_PAGE_SIZE = 50;

/** One received message of a flow, as its run recorded it. */
export const flowMessageRowSchema = z.object({
  messageId: z.string(),
  receivedAt: isoTimeSchema.describe('When the platform accepted the message (its run was queued).'),
  outcome: runStatusSchema,
  runId: z.string(),
  attempts: z.number().int(),
  durationMs: z.number().int().nullable(),
  finishedAt: isoTimeSchema.nullable(),
}).meta({ id: 'FlowMessage' });

export type FlowMessageRow = z.infer<typeof flowMessageRowSchema>;

export const flowMessagePageSchema = pageInfoSchema.extend({ messages: z.array(flowMessageRowSchema) });

export type FlowMessagePage = z.infer<typeof flowMessagePageSchema>;

/**
 * A page of the flow's messages, newest first, with their total; `messageId` narrows them
 * to ids that start with it. Filtered messages have no run and are only counted (the charts
 * and counters).
 */
export async function listFlowMessages(db: Db, flowId: string, { messageId, cursor }: { messageId?: string; cursor?: string | null } = {}): Promise<FlowMessagePage> {
  const search = messageId?.trim();
  const where: Prisma.AlgorithmRunWhereInput = { eventFlowId: flowId, sqsMessageId: search ? { startsWith: search } : { not: null } };
  const [rows, total] = await Promise.all([
    db.algorithmRun.findMany({
      where: { ...where, ...runsAfterCursor(cursor) },
      orderBy: NEWEST_FIRST,
      take: FLOW_MESSAGE_PAGE_SIZE + 1,
      select: { id: true, sqsMessageId: true, createdAt: true, status: true, attempt: true, durationMs: true, finishedAt: true },
    }),
    countUpTo((take) => db.algorithmRun.count({ where, take, orderBy: NEWEST_FIRST })),
  ]);
  const page = sliceKeysetPage(rows, FLOW_MESSAGE_PAGE_SIZE, runCursorOf);
  return {
    messages: page.rows.map((run) => ({
      messageId: run.sqsMessageId!,
      receivedAt: run.createdAt.toISOString(),
      outcome: run.status,
      runId: run.id,
      attempts: run.attempt,
      durationMs: run.durationMs,
      finishedAt: run.finishedAt?.toISOString() ?? null,
    })),
    ...total,
    nextCursor: page.nextCursor,
  };
}
