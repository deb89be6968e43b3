import { authenticateApiKey } from '@/lib/api-keys/authenticate-api-key';
import { isWorkerAuthorization } from '@/lib/auth/worker-token';
import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';

export type AlgoCaller =
  | { kind: 'user'; userId: string }
  /** The platform's worker, delivering one SQS message of an event flow. */
  | { kind: 'worker'; eventFlowId: string; sqsMessageId: string };

export interface CallerHeaders {
  authorization: string | null;
  eventFlowId: string | null;
  sqsMessageId: string | null;
}

/** Who calls the algorithm API: a personal API key's owner, or the worker for a flow. */
export async function authenticateAlgoCaller(db: Db, headers: CallerHeaders, authSecret: string | undefined): Promise<AlgoCaller> {
  if (!/^Worker\s/i.test(headers.authorization ?? '')) {
    const user = await authenticateApiKey(db, headers.authorization);
    return { kind: 'user', userId: user.id };
  }
  if (!authSecret || !isWorkerAuthorization(headers.authorization, authSecret)) {
    throw new AppError('UNAUTHENTICATED', 'Invalid worker token');
  }
  if (!headers.eventFlowId || !headers.sqsMessageId) {
    throw new AppError('BAD_REQUEST', 'The worker must send X-Event-Flow-Id and X-SQS-Message-Id');
  }
  return { kind: 'worker', eventFlowId: headers.eventFlowId, sqsMessageId: headers.sqsMessageId };
}
