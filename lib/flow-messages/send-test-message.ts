import { randomUUID } from 'node:crypto';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { z } from 'zod';
import type { QueueAccess, QueueFlow } from '@/lib/sqs/queue-access';
import { partitionOfRegion } from '@/lib/sqs/partition-of-region';
import { awsProblemSchema, describeAwsError } from '@/lib/sqs/describe-aws-error';
import { formatSqsArn } from '@/lib/sqs/sqs-arn';
import { parseQueueUrl } from '@/lib/flows/parse-queue-url';
import { regionFromQueueUrl } from '@/lib/sqs/region-from-queue-url';
import { parseInput } from '@/lib/validation/parse-input';
import { testMessageInput } from './test-message-input';

export const testMessageResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), messageId: z.string().describe('The SQS message id.') }),
  z.object({
    ok: z.literal(false),
    problem: awsProblemSchema,
    policyStatement: z.record(z.string(), z.unknown()).optional().describe('When the role lacks sqs:SendMessage: the statement to add to its policy.'),
  }),
]);

export type TestMessageResult = z.infer<typeof testMessageResultSchema>;

/**
 * Publishes a message to the flow's queue with SendMessage, as the flow's role (local
 * credentials in local mode), so it travels the whole way a real message does.
 */
export async function sendTestMessage(flow: QueueFlow, access: QueueAccess, input: unknown): Promise<TestMessageResult> {
  const { body } = parseInput(testMessageInput, input);
  const fifo = flow.queueUrl.endsWith('.fifo');
  const sqs = access.clientFor(flow);
  try {
    const sent = await sqs.send(
      new SendMessageCommand({
        QueueUrl: flow.queueUrl,
        MessageBody: body,
        // FIFO queues need a group; a fresh deduplication id lets the same body be sent twice.
        ...(fifo ? { MessageGroupId: 'event-flows-test-messages', MessageDeduplicationId: randomUUID() } : {}),
      }),
    );
    return { ok: true, messageId: sent.MessageId ?? '' };
  } catch (error) {
    const problem = describeAwsError(error, { action: 'sqs:SendMessage', resource: flow.queueUrl });
    return problem.code === 'ACCESS_DENIED' ? { ok: false, problem, policyStatement: sendMessageStatement(flow.queueUrl) } : { ok: false, problem };
  } finally {
    sqs.destroy();
  }
}

function sendMessageStatement(queueUrl: string): Record<string, unknown> {
  const queue = parseQueueUrl(queueUrl);
  const region = regionFromQueueUrl(queueUrl) ?? 'us-east-1';
  const resource = queue.ok ? formatSqsArn({ partition: partitionOfRegion(region), region, accountId: queue.queue.accountId, queueName: queue.queue.queueName }) : queueUrl;
  return { Sid: 'SendTestMessages', Effect: 'Allow', Action: 'sqs:SendMessage', Resource: resource };
}
