import { listQueueOverview } from '@/lib/admin/list-queue-overview';
import { queueAccess } from '@/lib/sqs/queue-access';
import { queueReadoutCaches } from '@/lib/admin/queue-readout-cache';
import { assertAdmin } from '@/lib/auth/assert-admin';
import { db } from '@/lib/db/client';
import { userRoute } from '@/lib/http/json-route';

export const GET = userRoute(async (_request, user) => {
  assertAdmin(user);
  return listQueueOverview(db(), queueAccess(), queueReadoutCaches());
});
