import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { formatAlgorithmPath } from '@/lib/algorithms/algorithm-path';
import { connectionPath, messageTracePath } from '@/lib/flows/connection-path';
import { attemptEntrySchema, attemptLogOf } from '@/lib/runs/attempt-log';
import { runStatusSchema } from '@/lib/runs/run-summary';
import { runVersionOf } from '@/lib/runs/run-version';
import { isoTimeSchema } from '@/lib/validation/iso-time';

const nextRunSchema = z.object({
  runId: z.string(),
  algorithmPath: z.string().describe('owner/name of the algorithm the result went on to.'),
  messageId: z.string().describe('The SQS message id of the result in the destination queue.'),
  tracePath: z.string().describe('That message’s trace page.'),
});

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
      next: z.array(nextRunSchema).describe('Runs its destination message started, among the same owner’s connections: the chain, one step on.'),
    }),
  ),
}).meta({ id: 'MessageTrace' });

export type MessageTrace = z.infer<typeof messageTraceSchema>;
export type MessageTraceRun = MessageTrace['runs'][number];

/** What became of one SQS message of a flow (the caller has checked the flow is theirs to read). */
export async function getMessageTrace(db: Db, flowId: string, messageId: string): Promise<MessageTrace> {
  const flow = await db.eventFlow.findUniqueOrThrow({ where: { id: flowId }, select: { algorithm: { select: { ownerId: true } } } });
  const runs = await db.algorithmRun.findMany({
    where: { eventFlowId: flowId, sqsMessageId: messageId },
    orderBy: { createdAt: 'asc' },
    include: { version: { select: { version: true } } },
  });
  if (runs.length === 0) throw new AppError('NOT_FOUND', 'No run of this connection has that message id');
  const next = await findNextRuns(db, flow.algorithm.ownerId, runs.map((run) => run.id));
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
      next: next.get(run.id) ?? [],
    })),
  };
}

/**
 * The runs that these runs' destination messages started, by run id: only connections of
 * the same owner (another tenant reading a shared queue is theirs to know), matched by the
 * destination queue and the message id SQS gave the sent message.
 */
async function findNextRuns(db: Db, ownerId: string, runIds: string[]): Promise<Map<string, MessageTraceRun['next']>> {
  const sent = await db.destinationMessage.findMany({
    where: { runId: { in: runIds }, sentMessageId: { not: null } },
    select: { runId: true, queueUrl: true, sentMessageId: true },
  });
  const byRun = new Map<string, MessageTraceRun['next']>();
  if (sent.length === 0) return byRun;
  const flows = await db.eventFlow.findMany({
    where: { queueUrl: { in: sent.map((message) => message.queueUrl) }, algorithm: { ownerId } },
    select: { id: true, kind: true, queueUrl: true, algorithm: { select: { name: true, owner: { select: { username: true } } } } },
  });
  if (flows.length === 0) return byRun;
  const nextRuns = await db.algorithmRun.findMany({
    where: { eventFlowId: { in: flows.map((flow) => flow.id) }, sqsMessageId: { in: sent.map((message) => message.sentMessageId!) } },
    select: { id: true, eventFlowId: true, sqsMessageId: true },
    orderBy: { createdAt: 'asc' },
  });
  const flowById = new Map(flows.map((flow) => [flow.id, flow]));
  for (const run of nextRuns) {
    const flow = flowById.get(run.eventFlowId!)!;
    const message = sent.find((candidate) => candidate.sentMessageId === run.sqsMessageId && candidate.queueUrl === flow.queueUrl);
    if (!message) continue;
    const owner = flow.algorithm.owner.username;
    const algorithmName = flow.algorithm.name;
    byRun.set(message.runId, [
      ...(byRun.get(message.runId) ?? []),
      {
        runId: run.id,
        algorithmPath: formatAlgorithmPath({ owner, name: algorithmName }),
        messageId: run.sqsMessageId!,
        tracePath: messageTracePath(connectionPath({ owner, algorithmName, kind: flow.kind, id: flow.id }), run.sqsMessageId!),
      },
    ]);
  }
  return byRun;
}
