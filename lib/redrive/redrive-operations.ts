import type { ApiOperation } from '@/lib/openapi/api-operation';
import { flowParams } from '@/lib/openapi/path-params';
import { deadLetterPeekSchema } from './peek-dead-letters';
import { redriveTasksSchema, startedRedriveSchema } from './redrive-task';

const tag = 'Connection page';
const errors = {
  404: 'No such connection, or neither yours nor are you an admin.',
  409: 'The queue has no redrive policy (no DLQ), or its DLQ has a redrive policy of its own.',
  502: 'AWS refused: the AWS error in plain words.',
};

export const redriveOperations: ApiOperation[] = [
  {
    method: 'post',
    path: '/api/v1/flows/{id}/redrive',
    tag,
    summary: 'Redrive: move DLQ messages back',
    description:
      "Starts an SQS message move task from the connection's DLQ to its queue (in local mode, where the emulator has none, the platform moves them itself: receive, send, delete only what was sent).",
    auth: 'session',
    params: flowParams,
    answers: {
      200: { description: 'The move finished (a direct move in local mode).', schema: startedRedriveSchema },
      202: { description: 'The move task is running; follow it with GET.', schema: startedRedriveSchema },
    },
    errors,
  },
  {
    method: 'get',
    path: '/api/v1/flows/{id}/redrive',
    tag,
    summary: 'Redrive progress',
    description: "The latest message move tasks out of the connection's DLQ, newest first.",
    auth: 'session',
    params: flowParams,
    answers: { 200: { description: 'The move tasks.', schema: redriveTasksSchema } },
    errors,
  },
  {
    method: 'get',
    path: '/api/v1/flows/{id}/dlq-messages',
    tag,
    summary: 'Peek at the DLQ',
    description: 'Up to 10 DLQ messages, left in place; each peek adds one to their receive count.',
    auth: 'session',
    params: flowParams,
    answers: { 200: { description: 'The messages looked at.', schema: deadLetterPeekSchema } },
    errors,
  },
];
