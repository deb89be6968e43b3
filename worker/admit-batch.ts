import type { Message } from '@aws-sdk/client-sqs';
import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { acceptFlowMessages } from '@/lib/flow-messages/accept-flow-messages';
import { coerceError } from '@/lib/logger';
import { dispatchAnswerOf, toFlowMessage, type DispatchAnswer } from './dispatcher';
import type { FlowToRunCache } from './flow-to-run-cache';

/**
 * One received batch admitted in this process, through the flow entry's own admission
 * (acceptFlowMessages) on the worker's database client: the same answers as the flow
 * entry gives over HTTP (docs/delivery.md), without the hop to the web app. Batches that
 * arrive while an admission is in progress are admitted together (admitRunsTogether).
 * At shutdown an abandoned admission may still commit: its messages are left for SQS,
 * and their redelivery finds the runs (once per message).
 */
export async function admitBatch(db: Db, flow: { id: string; toRun: FlowToRunCache }, messages: Message[], abandon: AbortSignal): Promise<DispatchAnswer> {
  const forAll = (result: DispatchAnswer['results'][number]) => ({ results: messages.map(() => result) });
  const admitted = acceptFlowMessages(db, flow.id, messages.map(toFlowMessage), () => flow.toRun.read()).then(
    (answer) => dispatchAnswerOf(messages, answer),
    (error: unknown): DispatchAnswer => {
      // The flow cannot run (no version to run, paused, deleted): the flow entry's 404.
      if (error instanceof AppError && error.code === 'NOT_FOUND') return forAll({ outcome: 'refused', reason: error.message });
      return forAll({ outcome: 'failed', reason: `the admission failed: ${coerceError(error).message}` });
    },
  );
  if (abandon.aborted) return forAll({ outcome: 'abandoned' });
  let onAbort = () => {};
  const abandoned = new Promise<DispatchAnswer>((resolve) => {
    onAbort = () => resolve(forAll({ outcome: 'abandoned' }));
  });
  abandon.addEventListener('abort', onAbort, { once: true });
  try {
    return await Promise.race([admitted, abandoned]);
  } finally {
    abandon.removeEventListener('abort', onAbort);
  }
}
