import { db } from '@/lib/db/client';
import { listFlowMessages } from '@/lib/flow-messages/list-flow-messages';
import { userRoute } from '@/lib/http/json-route';
import { findOperableFlow } from '@/lib/redrive/find-operable-flow';

export const dynamic = 'force-dynamic';

/** Recent messages of the flow, newest first; ?messageId= searches by SQS message id (prefix). */
export const GET = userRoute<{ id: string }>(async (request, user, { id }) => {
  const flow = await findOperableFlow(db(), user, id, 'read');
  return { messages: await listFlowMessages(db(), flow.id, new URL(request.url).searchParams.get('messageId') ?? undefined) };
});
