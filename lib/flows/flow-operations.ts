import { z } from 'zod';
import type { ApiOperation } from '@/lib/openapi/api-operation';
import { algorithmParams, flowParams } from '@/lib/openapi/path-params';
import { flowChangeInput } from './flow-change-input';
import { flowDetailSchema } from './get-flow-detail';
import { flowEditSchema, flowInputSchema } from './flow-input';
import { flowViewSchema } from './flow-view';
import { flowListItemSchema } from './list-flows';

const tag = 'Connections';

const connectionExample = {
  queueUrl: 'https://sqs.us-west-2.amazonaws.com/123456789012/QueueName',
  roleArn: 'arn:aws:iam::123456789012:role/READ_SQS',
  version: '0.1.0',
  timeoutSeconds: 300,
};

const created = { 201: { description: 'Connected: the worker starts consuming within seconds.', schema: z.object({ flow: flowViewSchema }) } };
const creationErrors = {
  400: 'Invalid fields (fieldErrors), or, outside local mode, a role that does not trust your external ID or trusts callers without it.',
  403: 'You have as many event flows as one user may have.',
  404: 'No such algorithm, or not yours.',
  409: 'The queue is already connected to this algorithm.',
};

export const flowOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/algorithms/{owner}/{name}/connections',
    tag,
    summary: "List an algorithm's broker connections",
    description: 'The Events tab: broker connections made with Connect broker, newest first.',
    auth: 'session',
    params: algorithmParams,
    answers: { 200: { description: 'Its broker connections.', schema: z.object({ flows: z.array(flowListItemSchema) }) } },
    errors: { 404: 'No such algorithm, or not yours.' },
  },
  {
    method: 'post',
    path: '/api/v1/algorithms/{owner}/{name}/connections',
    tag,
    summary: 'Connect broker',
    description: 'Connects an SQS queue to the algorithm: every message published to it runs the algorithm.',
    auth: 'session',
    params: algorithmParams,
    body: { schema: flowInputSchema(), example: connectionExample },
    answers: created,
    errors: creationErrors,
  },
  {
    method: 'get',
    path: '/api/v1/algorithms/{owner}/{name}/listeners',
    tag,
    summary: "List an algorithm's event listeners",
    description: 'The Listeners tab: the legacy event listeners, newest first. The worker runs them exactly like broker connections.',
    auth: 'session',
    params: algorithmParams,
    answers: { 200: { description: 'Its event listeners.', schema: z.object({ flows: z.array(flowListItemSchema) }) } },
    errors: { 404: 'No such algorithm, or not yours.' },
  },
  {
    method: 'post',
    path: '/api/v1/algorithms/{owner}/{name}/listeners',
    tag,
    summary: 'Create an event listener',
    description: 'The legacy path (Create New → Event Listener): the same fields and rules as Connect broker.',
    auth: 'session',
    params: algorithmParams,
    body: { schema: flowInputSchema(), example: connectionExample },
    answers: created,
    errors: creationErrors,
  },
  {
    method: 'get',
    path: '/api/v1/flows/{id}',
    tag,
    summary: 'Get a connection',
    description: "The connection page's data: its algorithm's owner and admins may read it.",
    auth: 'session',
    params: flowParams,
    answers: { 200: { description: 'The connection.', schema: flowDetailSchema } },
    errors: { 404: 'No such connection, or neither yours nor are you an admin.' },
  },
  {
    method: 'patch',
    path: '/api/v1/flows/{id}',
    tag,
    summary: 'Pause, resume or edit a connection',
    description:
      '`{ "enabled": false }` pauses, `{ "enabled": true }` resumes; any other body is an Edit of version, timeoutSeconds, maxConcurrency, maxAttempts and filters (only the fields sent change; blank or null = default). The queue and the role cannot change.',
    auth: 'session',
    params: flowParams,
    body: { schema: z.union([flowChangeInput, flowEditSchema()]), example: { enabled: false } },
    answers: { 200: { description: 'The connection as it is now.', schema: z.object({ flow: flowViewSchema }) } },
    errors: { 400: 'Invalid fields (fieldErrors; filters.N per pattern).', 404: 'No such connection, or not yours.' },
  },
  {
    method: 'delete',
    path: '/api/v1/flows/{id}',
    tag,
    summary: 'Delete a connection',
    description: 'The queue and its messages are untouched.',
    auth: 'session',
    params: flowParams,
    answers: { 204: { description: 'Deleted.' } },
    errors: { 404: 'No such connection, or not yours.' },
  },
];
