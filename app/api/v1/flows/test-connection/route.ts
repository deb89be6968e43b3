import { queueAccess } from '@/lib/admin/queue-access';
import { checkQueueConnection } from '@/lib/connection-checks/check-queue-connection';
import { connectionCheckInputSchema } from '@/lib/connection-checks/connection-check-input';
import { env, isLocalSqs } from '@/lib/env';
import { userRoute } from '@/lib/http/json-route';

/** Checks a connection before it is saved (the Connect broker modal's Test connection). */
export const POST = userRoute(async (request) => {
  const config = env();
  const input = connectionCheckInputSchema(isLocalSqs(config) ? config.AWS_ENDPOINT_URL_SQS : undefined).parse(await request.json());
  return checkQueueConnection(input, queueAccess());
});
