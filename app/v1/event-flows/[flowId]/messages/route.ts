import { NextResponse } from 'next/server';
import { isWorkerAuthorization } from '@/lib/auth/worker-token';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { acceptFlowMessages } from '@/lib/flow-messages/accept-flow-messages';
import { flowMessagesInput, MAX_FLOW_ENTRY_BYTES } from '@/lib/flow-messages/flow-messages-input';
import { errorResponse } from '@/lib/http/json-route';
import { readLimitedBody } from '@/lib/http/read-limited-body';

export const dynamic = 'force-dynamic';

/**
 * The algorithm API's entry for the worker: one call per received SQS batch, one answer
 * per message (docs/delivery.md). Only the platform's worker may call it.
 */
export async function POST(request: Request, { params }: { params: Promise<{ flowId: string }> }) {
  try {
    const secret = env().BETTER_AUTH_SECRET;
    if (!secret || !isWorkerAuthorization(request.headers.get('authorization'), secret)) {
      throw new AppError('UNAUTHENTICATED', 'Invalid worker token');
    }
    const body = await readLimitedBody(request, MAX_FLOW_ENTRY_BYTES, 'The batch');
    const { messages } = flowMessagesInput.parse(JSON.parse(body.toString('utf8')));
    const answer = await acceptFlowMessages(db(), (await params).flowId, messages);
    const headers = answer.retryAfterSeconds === undefined ? undefined : { 'retry-after': String(answer.retryAfterSeconds) };
    return NextResponse.json(answer, { headers });
  } catch (error) {
    return errorResponse(error);
  }
}
