import { queueAccess } from '@/lib/sqs/queue-access';
import { testNewConnection } from '@/lib/connection-checks/test-new-connection';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { localSqsEndpoint } from '@/lib/flows/local-sqs-endpoint';
import { userRoute } from '@/lib/http/json-route';
import { readJsonBody } from '@/lib/http/read-json-body';

/** Checks a connection before it is saved (the Connect broker modal's Test connection), as the caller. */
export const POST = userRoute(async (request, user) =>
  testNewConnection(db(), user, await readJsonBody(request), { access: queueAccess(), localSqsEndpoint: localSqsEndpoint(env()) }),
);
