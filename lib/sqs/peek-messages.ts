import { ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { z } from 'zod';
import { isoTimeSchema } from '@/lib/validation/iso-time';

export const PEEK_BODY_LIMIT = 4_096;

export const peekedMessageSchema = z.object({
  messageId: z.string(),
  body: z.string().describe(`The first ${PEEK_BODY_LIMIT.toLocaleString('en')} characters of the body.`),
  bodyTruncated: z.boolean(),
  sentAt: isoTimeSchema.nullable().describe('When the message was first sent (kept when SQS moves it to a DLQ).'),
  receiveCount: z.number().int().nullable(),
}).meta({ id: 'PeekedMessage' });

export type PeekedMessage = z.infer<typeof peekedMessageSchema>;

/**
 * Looks at up to `max` messages without taking them: ReceiveMessage with a visibility
 * timeout of 0 leaves them visible. It still counts as a receive (ApproximateReceiveCount
 * goes up), so never peek at a queue whose redrive policy would then move them on.
 */
export async function peekMessages(sqs: SQSClient, queueUrl: string, max = 10): Promise<PeekedMessage[]> {
  const { Messages: messages = [] } = await sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: queueUrl,
      MaxNumberOfMessages: max,
      VisibilityTimeout: 0,
      // A short long-poll asks every SQS server, not a sample of them.
      WaitTimeSeconds: 1,
      MessageSystemAttributeNames: ['SentTimestamp', 'ApproximateReceiveCount'],
    }),
  );
  return messages.map((message) => {
    const body = message.Body ?? '';
    const sent = message.Attributes?.SentTimestamp;
    const receives = message.Attributes?.ApproximateReceiveCount;
    return {
      messageId: message.MessageId ?? '',
      body: body.slice(0, PEEK_BODY_LIMIT),
      bodyTruncated: body.length > PEEK_BODY_LIMIT,
      sentAt: sent ? new Date(Number(sent)).toISOString() : null,
      receiveCount: receives ? Number(receives) : null,
    };
  });
}
