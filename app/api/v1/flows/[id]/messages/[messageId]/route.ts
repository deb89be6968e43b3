import { db } from '@/lib/db/client';
import { getMessageTrace } from '@/lib/flow-messages/get-message-trace';
import { userRoute } from '@/lib/http/json-route';
import { findOperableFlow } from '@/lib/redrive/find-operable-flow';

export const dynamic = 'force-dynamic';

/** One message's trace: its run(s), input, output, attempts and timing. */
export const GET = userRoute<{ id: string; messageId: string }>(async (_request, user, { id, messageId }) => {
  const flow = await findOperableFlow(db(), user, id, 'read');
  return getMessageTrace(db(), flow.id, messageId);
});
