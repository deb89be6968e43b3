import { queueAccess } from '@/lib/sqs/queue-access';
import { testSavedConnection } from '@/lib/connection-checks/test-saved-connection';
import { db } from '@/lib/db/client';
import { userRoute } from '@/lib/http/json-route';
import { findOperableFlow } from '@/lib/redrive/find-operable-flow';

export const POST = userRoute<{ id: string }>(async (_request, user, { id }) => {
  const flow = await findOperableFlow(db(), user, id, 'read');
  return testSavedConnection(db(), user, flow, flow.algorithm.owner.externalId, queueAccess());
});
