import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { attemptEntrySchema, attemptLogOf } from '@/lib/runs/attempt-log';
import { runStatusSchema } from '@/lib/runs/run-summary';
import { runVersionOf } from '@/lib/runs/run-version';
import { isoTimeSchema } from '@/lib/validation/iso-time';

export const messageTraceSchema = z.object({
  messageId: z.string(),
  runs: z.array(
    z.object({
      runId: z.string(),
      status: runStatusSchema,
      version: z.string(),
      input: z.unknown(),
      output: z.unknown(),
      error: z.string().nullable(),
      attempts: z.number().int(),
      maxAttempts: z.number().int(),
      attemptLog: z.array(attemptEntrySchema),
      receivedAt: isoTimeSchema.describe('When the platform accepted the message (its run was queued).'),
      startedAt: isoTimeSchema.nullable(),
      finishedAt: isoTimeSchema.nullable(),
      waitedMs: z.number().int().nullable().describe('From received to started.'),
      durationMs: z.number().int().nullable(),
      totalMs: z.number().int().nullable().describe('From received to finished.'),
    }),
  ),
}).meta({ id: 'MessageTrace' });

export type MessageTrace = z.infer<typeof messageTraceSchema>;
export type MessageTraceRun = MessageTrace['runs'][number];

/** What became of one SQS message of a flow (the caller has checked the flow is theirs to read). */
export async function getMessageTrace(db: Db, flowId: string, messageId: string): Promise<MessageTrace> {
  const runs = await db.algorithmRun.findMany({
    where: { eventFlowId: flowId, sqsMessageId: messageId },
    orderBy: { createdAt: 'asc' },
    include: { version: { select: { version: true } } },
  });
  if (runs.length === 0) throw new AppError('NOT_FOUND', 'No run of this connection has that message id');
  const ms = (from: Date | null, to: Date | null) => (from && to ? to.getTime() - from.getTime() : null);
  return {
    messageId,
    runs: runs.map((run) => ({
      runId: run.id,
      status: run.status,
      version: runVersionOf(run),
      input: run.input,
      output: run.output,
      error: run.error,
      attempts: run.attempt,
      maxAttempts: run.maxAttempts,
      attemptLog: attemptLogOf(run.attemptLog),
      receivedAt: run.createdAt.toISOString(),
      startedAt: run.startedAt?.toISOString() ?? null,
      finishedAt: run.finishedAt?.toISOString() ?? null,
      waitedMs: ms(run.createdAt, run.startedAt),
      durationMs: run.durationMs,
      totalMs: ms(run.createdAt, run.finishedAt),
    })),
  };
}
