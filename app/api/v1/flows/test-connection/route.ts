import { queueAccess } from '@/lib/sqs/queue-access';
import { checkQueueConnection } from '@/lib/connection-checks/check-queue-connection';
import { testConnectionLimit } from '@/lib/connection-checks/test-connection-limit';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { getExternalId } from '@/lib/external-ids/get-external-id';
import { flowInputSchema } from '@/lib/flows/flow-input';
import { localSqsEndpoint } from '@/lib/flows/local-sqs-endpoint';
import { userRoute } from '@/lib/http/json-route';

/** Checks a connection before it is saved (the Connect broker modal's Test connection), as the caller. */
export const POST = userRoute(async (request, user) => {
  await testConnectionLimit()(user.id);
  const input = flowInputSchema(localSqsEndpoint(env())).parse(await request.json());
  const externalId = await getExternalId(db(), user.id);
  return checkQueueConnection({ ...input, externalId, owner: user.username }, queueAccess());
});
