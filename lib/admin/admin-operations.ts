import type { ApiOperation } from '@/lib/openapi/api-operation';
import { queueOverviewSchema } from './list-queue-overview';

export const adminOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/admin/queues',
    tag: 'Admin',
    summary: 'Every connection’s queue and DLQ',
    description:
      "The admin view: every broker connection and event listener of every user, its queue's counts, its DLQ's depth and oldest message, and its dead runs, each read as the connection's role (cached 5 s per queue). A part that cannot be read says why; the rest still shows.",
    auth: 'session',
    answers: { 200: { description: 'The rows and their totals.', schema: queueOverviewSchema } },
    errors: { 403: 'Not an admin.' },
  },
];
