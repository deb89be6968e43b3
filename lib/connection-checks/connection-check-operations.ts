import { flowInputSchema } from '@/lib/flows/flow-input';
import type { ApiOperation } from '@/lib/openapi/api-operation';
import { flowParams } from '@/lib/openapi/path-params';
import { connectionCheckSchema } from './check-queue-connection';

const tag = 'Connection page';
const rateLimited = 'More than 10 tests a minute (per user); with Retry-After.';
const checked = {
  200: {
    description: 'What the platform saw, with warnings; or the problem, with the AWS error in plain words (ok: false).',
    schema: connectionCheckSchema,
    example: {
      ok: true,
      local: false,
      queueArn: 'arn:aws:sqs:us-west-2:123456789012:QueueName',
      visibilityTimeoutSeconds: 300,
      deadLetterQueueArn: 'arn:aws:sqs:us-west-2:123456789012:QueueDLQName',
      maxReceiveCount: 12,
      messages: { visible: 0, inFlight: 0, delayed: 0 },
      warnings: [],
    },
  },
};

export const connectionCheckOperations: ApiOperation[] = [
  {
    method: 'post',
    path: '/api/v1/flows/test-connection',
    tag: 'Connections',
    summary: 'Test connection (before saving)',
    description:
      "The Connect broker modal's Test connection: assumes the role with your external ID and reads the queue's attributes, without touching a message; outside local mode it then checks that the role refuses callers without the external ID. Validated like a connection; queueUrl, roleArn and timeoutSeconds are used.",
    auth: 'session',
    body: { schema: flowInputSchema(), example: { queueUrl: 'https://sqs.us-west-2.amazonaws.com/123456789012/QueueName', roleArn: 'arn:aws:iam::123456789012:role/READ_SQS' } },
    answers: checked,
    errors: { 400: 'Invalid fields (fieldErrors).', 429: rateLimited },
  },
  {
    method: 'post',
    path: '/api/v1/flows/{id}/test',
    tag,
    summary: 'Test a saved connection',
    description: "The same check for a saved connection, with its owner's external ID. Once its role passes, a connection made before external IDs loses its warning.",
    auth: 'session',
    params: flowParams,
    answers: checked,
    errors: { 404: 'No such connection, or neither yours nor are you an admin.', 429: rateLimited },
  },
];

