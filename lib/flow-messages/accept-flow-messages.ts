import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { cannotRunReason } from '@/lib/flows/cannot-run-reason';
import { DEFAULT_RUN_TIMEOUT_SECONDS } from '@/lib/runs/run-timeout';
import { admitRunsTogether } from '@/lib/runs/admit-run';
import { readAdmissionRoom } from '@/lib/runs/read-admission-room';
import { checkEachMessage } from './check-each-message';
import type { FlowMessagesAnswer } from './flow-messages-input';
import { messageInput } from './message-input';
import { readFlowToRun, type FlowToRun } from './read-flow-to-run';
import { splitFilteredMessages } from './split-filtered-messages';

/**
 * Queues one run per message of an enabled flow, all in one admission: the flow's
 * version (else the latest published one), its timeout and retry policy, as its
 * creator. Each message gets its own answer, so a batch that only partly fits the
 * backlog is partly accepted; a message no filter pattern matches gets no run; a
 * message that is unusable gets its own 400 and fails none of the others. `readFlow`:
 * the worker passes its copy of the flow (worker/flow-to-run-cache.ts).
 */
export async function acceptFlowMessages(
  db: Db,
  flowId: string,
  batch: readonly unknown[],
  readFlow: () => Promise<FlowToRun | undefined> = () => readFlowToRun(db, flowId),
): Promise<FlowMessagesAnswer> {
  const { messages, refused } = checkEachMessage(batch);
  const flow = await readFlow();
  // The worker shows the reason as the flow's error, and stops polling until it passes.
  if (!flow?.versionId) throw new AppError('NOT_FOUND', cannotRunReason(flow));

  const { toAdmit, answer } = splitFilteredMessages(flow.filters, messages);
  if (toAdmit.length === 0) return { results: [...answer([]), ...refused], room: await readAdmissionRoom(db, flowId) };

  const { admissions, room, retryAfterSeconds } = await admitRunsTogether(
    db,
    {
      algorithmId: flow.algorithmId,
      versionId: flow.versionId,
      callerId: flow.creatorId,
      timeoutSeconds: flow.timeoutSeconds ?? DEFAULT_RUN_TIMEOUT_SECONDS,
      maxAttempts: flow.maxAttempts ?? undefined,
      status: 'QUEUED',
      eventFlowId: flowId,
    },
    toAdmit.map((message) => ({
      ...messageInput(message.body),
      sqsMessageId: message.id,
      messageGroupId: message.groupId,
      sequenceNumber: message.sequenceNumber,
    })),
  );
  const results = admissions.map((admission, index) => {
    const id = toAdmit[index]!.id;
    return admission.admitted ? { id, status: 200 as const, runId: admission.runId } : { id, status: 429 as const, error: admission.reason };
  });
  return { results: [...answer(results), ...refused], room, retryAfterSeconds };
}
