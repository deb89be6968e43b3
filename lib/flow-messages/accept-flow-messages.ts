import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { DEFAULT_RUN_TIMEOUT_SECONDS } from '@/lib/algo-api/resolve-algo-call';
import { admitRuns } from '@/lib/runs/admit-runs';
import type { FlowMessage, FlowMessageResult } from './flow-messages-input';

/**
 * Queues one run per message of an enabled flow, all in one admission: the flow's
 * version (else the latest published one), its timeout, as its creator. Each message
 * gets its own answer, so a batch that only partly fits capacity is partly accepted.
 */
export async function acceptFlowMessages(db: Db, flowId: string, messages: FlowMessage[]): Promise<FlowMessageResult[]> {
  const flow = await db.eventFlow.findFirst({
    where: { id: flowId, enabled: true },
    select: { algorithmId: true, creatorId: true, timeoutSeconds: true, version: true },
  });
  if (!flow) throw new AppError('NOT_FOUND', 'No enabled event flow with that id');
  const version = await db.algorithmVersion.findFirst({
    where: { algorithmId: flow.algorithmId, ...(flow.version ? { version: flow.version } : {}) },
    orderBy: { createdAt: 'desc' },
    select: { id: true },
  });
  if (!version) throw new AppError('NOT_FOUND', flow.version ? `No published version ${flow.version}` : 'The algorithm has no published version');

  const admissions = await admitRuns(
    db,
    {
      algorithmId: flow.algorithmId,
      versionId: version.id,
      callerId: flow.creatorId,
      timeoutSeconds: flow.timeoutSeconds ?? DEFAULT_RUN_TIMEOUT_SECONDS,
      status: 'QUEUED',
      eventFlowId: flowId,
    },
    messages.map((message) => ({ input: messageInput(message.body), sqsMessageId: message.id })),
  );
  return admissions.map((admission, index) => {
    const id = messages[index]!.id;
    return admission.admitted ? { id, status: 200, runId: admission.runId } : { id, status: 429, error: admission.reason };
  });
}

/** A message body is the algorithm's input: parsed JSON when it is valid JSON, else the string. */
function messageInput(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}
