import { sqlPool, type Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { DEFAULT_RUN_TIMEOUT_SECONDS } from '@/lib/runs/run-timeout';
import { admitRunsTogether } from '@/lib/runs/admit-run';
import { readAdmissionRoom } from '@/lib/runs/read-admission-room';
import { checkEachMessage } from './check-each-message';
import type { FlowMessagesAnswer } from './flow-messages-input';
import { messageInput } from './message-input';
import { splitFilteredMessages } from './split-filtered-messages';

interface FlowToRun {
  algorithmId: string;
  creatorId: string;
  timeoutSeconds: number | null;
  maxAttempts: number | null;
  version: string | null;
  versionId: string | null;
  filters: unknown;
}

// Read for every received batch (a hot path): a named statement through pg, planned once per connection.
const READ_FLOW_TO_RUN = {
  name: 'read-flow-to-run',
  text: `
    SELECT f."algorithmId", f."creatorId", f."timeoutSeconds", f."maxAttempts", f."version", f."filters",
      (SELECT v."id" FROM "AlgorithmVersion" v
        WHERE v."algorithmId" = f."algorithmId" AND (f."version" IS NULL OR v."version" = f."version")
        ORDER BY v."createdAt" DESC LIMIT 1) AS "versionId"
    FROM "EventFlow" f WHERE f."id" = $1 AND f."enabled"`,
};

/**
 * Queues one run per message of an enabled flow, all in one admission: the flow's
 * version (else the latest published one), its timeout and retry policy, as its
 * creator. Each message gets its own answer, so a batch that only partly fits the
 * backlog is partly accepted; a message no filter pattern matches gets no run; a
 * message that is unusable gets its own 400 and fails none of the others.
 */
export async function acceptFlowMessages(db: Db, flowId: string, batch: readonly unknown[]): Promise<FlowMessagesAnswer> {
  const { messages, refused } = checkEachMessage(batch);
  // The flow and the version it runs (its own, else the latest published) in one round trip.
  const {
    rows: [flow],
  } = await sqlPool(db).query<FlowToRun>({ ...READ_FLOW_TO_RUN, values: [flowId] });
  if (!flow) throw new AppError('NOT_FOUND', 'No enabled event flow with that id');
  if (!flow.versionId) throw new AppError('NOT_FOUND', flow.version ? `No published version ${flow.version}` : 'The algorithm has no published version');

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
