import { z } from 'zod';
import type { ApiOperation } from '@/lib/openapi/api-operation';
import { flowParams } from '@/lib/openapi/path-params';
import { pageCursorQuerySchema } from '@/lib/pagination/list-page';
import { flowMessageInput, flowMessagesAnswerSchema, flowMessagesInput, MAX_MESSAGES_PER_CALL } from './flow-messages-input';
import { messageTraceSchema } from './get-message-trace';
import { flowMessagePageSchema } from './list-flow-messages';
import { testMessageResultSchema } from './send-test-message';
import { testMessageContextSchema } from './test-message-context';
import { testMessageInput } from './test-message-input';

const tag = 'Connection page';
const notOperable = 'No such connection, or neither yours nor are you an admin.';

export const flowMessageOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/flows/{id}/messages',
    tag,
    summary: "List a connection's recent messages",
    description: 'A page of 50 messages that became runs, newest first, with the total.',
    auth: 'session',
    params: flowParams,
    query: pageCursorQuerySchema.extend({ messageId: z.string().optional().describe('Only SQS message ids that start with this.') }),
    answers: { 200: { description: 'A page of its messages.', schema: flowMessagePageSchema } },
    errors: { 404: notOperable },
  },
  {
    method: 'get',
    path: '/api/v1/flows/{id}/messages/{messageId}',
    tag,
    summary: "Trace a message",
    description: 'What became of one SQS message: its run(s), input, output, each attempt and the timing from receive to finish.',
    auth: 'session',
    params: flowParams.extend({ messageId: z.string().describe('The SQS message id.') }),
    answers: { 200: { description: 'The trace.', schema: messageTraceSchema } },
    errors: { 404: `${notOperable} Or no run of it has that message id.` },
  },
  {
    method: 'get',
    path: '/api/v1/flows/{id}/test-message',
    tag,
    summary: 'What Send test message starts from',
    description: "Whether the connection is paused (a message would wait in the queue), and the guide's sample body when it runs the built-in example.",
    auth: 'session',
    params: flowParams,
    answers: { 200: { description: 'The dialog\'s starting point.', schema: testMessageContextSchema } },
    errors: { 404: notOperable },
  },
  {
    method: 'post',
    path: '/api/v1/flows/{id}/test-message',
    tag,
    summary: 'Send test message',
    description: "Publishes a body to the connection's queue with SendMessage, as the connection's role (local credentials in local mode); it then travels the whole way a real message does.",
    auth: 'session',
    params: flowParams,
    body: { schema: testMessageInput, example: { body: '{"filename": "some-new-file.txt", "data": "file contents to store"}' } },
    answers: {
      201: { description: 'Sent.', schema: testMessageResultSchema, example: { ok: true, messageId: '5fea7756-0ea4-451a-a703-a558b933e274' } },
      502: { description: 'AWS refused: the problem in plain words, and the policy statement to add when the role lacks sqs:SendMessage.', schema: testMessageResultSchema },
    },
    errors: { 400: 'No body, or one over 1 MiB (fieldErrors).', 404: notOperable },
  },
  {
    method: 'post',
    path: '/v1/event-flows/{flowId}/messages',
    tag: 'Flow entry (worker)',
    summary: 'Admit a received batch',
    description:
      "The worker's call: one per received SQS batch, one answer per message, sent after the runs are committed. 200: delete the message; 429: requeue it after the requeue delay; anything else: leave it for SQS to deliver again. Only the platform's worker holds the token.",
    auth: 'workerToken',
    params: z.object({ flowId: z.string().describe("The connection's id.") }),
    // As documented: the route reads the list, then checks each message with flowMessageInput, so one bad message fails alone.
    body: {
      schema: flowMessagesInput.extend({ messages: z.array(flowMessageInput).min(1).max(MAX_MESSAGES_PER_CALL) }),
      example: { messages: [{ id: '5fea7756-0ea4-451a-a703-a558b933e274', body: '{"filename": "a.txt", "data": "a"}' }] },
    },
    answers: {
      200: {
        description: 'One result per message.',
        schema: flowMessagesAnswerSchema,
        headers: z.object({ 'retry-after': z.string().optional().describe('Seconds, when a message got 429.') }),
        example: { results: [{ id: '5fea7756-0ea4-451a-a703-a558b933e274', status: 200, runId: 'cmiq3x0k20001' }], room: 999 },
      },
    },
    errors: {
      400: 'A malformed batch (not 1 to 10 messages); nothing is stored.',
      404: 'The connection is missing, paused, or has no version to run; nothing is stored.',
      413: 'The request is larger than 10 × 2 MiB + 64 KiB.',
    },
  },
];
