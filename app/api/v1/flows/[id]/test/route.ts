import { queueAccess } from '@/lib/admin/queue-access';
import { checkQueueConnection } from '@/lib/connection-checks/check-queue-connection';
import { db } from '@/lib/db/client';
import { userRoute } from '@/lib/http/json-route';
import { findOperableFlow } from '@/lib/redrive/find-operable-flow';

export const POST = userRoute<{ id: string }>(async (_request, user, { id }) => checkQueueConnection(await findOperableFlow(db(), user, id), queueAccess()));
