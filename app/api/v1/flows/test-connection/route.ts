import { queueAccess } from '@/lib/admin/queue-access';
import { checkQueueConnection } from '@/lib/connection-checks/check-queue-connection';
import { env } from '@/lib/env';
import { flowInputSchema } from '@/lib/flows/flow-input';
import { localSqsEndpoint } from '@/lib/flows/local-sqs-endpoint';
import { userRoute } from '@/lib/http/json-route';

/** Checks a connection before it is saved (the Connect broker modal's Test connection). */
export const POST = userRoute(async (request) => {
  const input = flowInputSchema(localSqsEndpoint(env())).parse(await request.json());
  return checkQueueConnection(input, queueAccess());
});
