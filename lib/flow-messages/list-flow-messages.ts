import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { runStatusSchema } from '@/lib/runs/run-summary';
import { isoTimeSchema } from '@/lib/validation/iso-time';

export const FLOW_MESSAGE_LIST_LIMIT = 50;

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

/**
 * The flow's latest messages, newest first; `messageId` narrows them to ids that start
 * with it. Filtered messages have no run and are only counted (the charts and counters).
 */
export async function listFlowMessages(db: Db, flowId: string, messageId?: string): Promise<FlowMessageRow[]> {
  const search = messageId?.trim();
  const runs = await db.algorithmRun.findMany({
    where: { eventFlowId: flowId, sqsMessageId: search ? { startsWith: search } : { not: null } },
    orderBy: { createdAt: 'desc' },
    take: FLOW_MESSAGE_LIST_LIMIT,
    select: { id: true, sqsMessageId: true, createdAt: true, status: true, attempt: true, durationMs: true, finishedAt: true },
  });
  return runs.map((run) => ({
    messageId: run.sqsMessageId!,
    receivedAt: run.createdAt.toISOString(),
    outcome: run.status,
    runId: run.id,
    attempts: run.attempt,
    durationMs: run.durationMs,
    finishedAt: run.finishedAt?.toISOString() ?? null,
  }));
}
