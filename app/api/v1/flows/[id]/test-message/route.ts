import { NextResponse } from 'next/server';
import { queueAccess } from '@/lib/sqs/queue-access';
import { db } from '@/lib/db/client';
import { sendTestMessage } from '@/lib/flow-messages/send-test-message';
import { MAX_TEST_MESSAGE_REQUEST_BYTES } from '@/lib/flow-messages/test-message-input';
import { getTestMessageContext } from '@/lib/flow-messages/test-message-context';
import { userRoute } from '@/lib/http/json-route';
import { readJsonBody } from '@/lib/http/read-json-body';
import { findOperableFlow } from '@/lib/redrive/find-operable-flow';

export const dynamic = 'force-dynamic';

/** What the Send test message dialog starts from: { enabled, sampleBody }. */
export const GET = userRoute<{ id: string }>(async (_request, user, { id }) => getTestMessageContext(db(), await findOperableFlow(db(), user, id, 'read')));

/** Send test message: SendMessage to the flow's queue as its role. 201 { messageId }, or 502 with the AWS problem. */
export const POST = userRoute<{ id: string }>(
  async (request, user, { id }) => {
    const flow = await findOperableFlow(db(), user, id, 'act');
    const result = await sendTestMessage(flow, queueAccess(), await readJsonBody(request, MAX_TEST_MESSAGE_REQUEST_BYTES));
    return NextResponse.json(result, { status: result.ok ? 201 : 502 });
  },
  { maxBodyBytes: MAX_TEST_MESSAGE_REQUEST_BYTES },
);
