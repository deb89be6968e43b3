import { z } from 'zod';
import { flowQueueReadoutSchema } from '@/lib/admin/flow-queue-readout';
import type { ApiOperation } from '@/lib/openapi/api-operation';
import { flowParams } from '@/lib/openapi/path-params';
import { flowMetricsSchema, metricsRangeSchema } from './get-flow-metrics';

const tag = 'Connection page';
const notOperable = 'No such connection, or neither yours nor are you an admin.';

export const flowMetricOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/flows/{id}/metrics',
    tag,
    summary: "A connection's charts",
    description: 'Message and run counts, run duration p50/p95, queue backlog and DLQ depth: the last hour per minute or the last day per 15 minutes, oldest point first.',
    auth: 'session',
    params: flowParams,
    query: z.object({ range: metricsRangeSchema.optional().describe('hour (per minute, the default) or day (per 15 minutes).') }),
    answers: { 200: { description: 'The series and their totals.', schema: flowMetricsSchema } },
    errors: { 400: 'range is neither hour nor day.', 404: notOperable },
  },
  {
    method: 'get',
    path: '/api/v1/flows/{id}/queue',
    tag,
    summary: "A connection's queue and DLQ now",
    description: "Read as the connection's role (cached 5 s per queue), as in the admin view; it is also the minute's chart sample.",
    auth: 'session',
    params: flowParams,
    answers: { 200: { description: 'The readout: each part is ok, or says why it could not be read.', schema: z.object({ readout: flowQueueReadoutSchema }) } },
    errors: { 404: notOperable },
  },
];
