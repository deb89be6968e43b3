import { db } from '@/lib/db/client';
import { listFlowMessages } from '@/lib/flow-messages/list-flow-messages';
import { userRoute } from '@/lib/http/json-route';
import { findOperableFlow } from '@/lib/redrive/find-operable-flow';

export const dynamic = 'force-dynamic';

/** A page of the flow's messages, newest first, with the total; ?messageId= searches by SQS message id (prefix), ?cursor= is the next page. */
export const GET = userRoute<{ id: string }>(async (request, user, { id }) => {
  const flow = await findOperableFlow(db(), user, id, 'read');
  const params = new URL(request.url).searchParams;
  return listFlowMessages(db(), flow.id, { messageId: params.get('messageId') ?? undefined, cursor: params.get('cursor') });
});
