import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { runVersionOf } from '@/lib/runs/run-version';
import type { RunStatus } from '@/lib/generated/prisma/client';
import { attemptLogOf, type AttemptEntry } from '@/lib/runs/attempt-log';

export interface MessageTraceRun {
  runId: string;
  status: RunStatus;
  version: string;
  input: unknown;
  output: unknown;
  error: string | null;
  attempts: number;
  maxAttempts: number;
  attemptLog: AttemptEntry[];
  /** Receive (accepted, run queued) → started → finished, and the time in between. */
  receivedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  waitedMs: number | null;
  durationMs: number | null;
  totalMs: number | null;
}

export interface MessageTrace {
  messageId: string;
  runs: MessageTraceRun[];
}

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
