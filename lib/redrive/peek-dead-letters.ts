import { z } from 'zod';
import type { QueueAccess, QueueFlow } from '@/lib/sqs/queue-access';
import { awsAppError } from '@/lib/sqs/aws-app-error';
import { AppError } from '@/lib/errors';
import { peekedMessageSchema, peekMessages } from '@/lib/sqs/peek-messages';
import { readQueueAttributes } from '@/lib/sqs/read-queue-attributes';
import { resolveDeadLetterQueue } from './resolve-dead-letter-queue';

export const deadLetterPeekSchema = z.object({ dlqUrl: z.string(), messages: z.array(peekedMessageSchema) });

export type DeadLetterPeek = z.infer<typeof deadLetterPeekSchema>;

/** Up to 10 messages of the flow's DLQ, left in place (each peek counts as one more receive). */
export async function peekDeadLetters(flow: QueueFlow, access: QueueAccess): Promise<DeadLetterPeek> {
  const sqs = access.clientFor(flow);
  try {
    const { dlq } = await resolveDeadLetterQueue(sqs, flow.queueUrl);
    const attributes = await readQueueAttributes(sqs, dlq.url).catch((error: unknown) => {
      throw awsAppError(error, 'sqs:GetQueueAttributes', dlq.url);
    });
    if (attributes.redrivePolicy) {
      throw new AppError('CONFLICT', 'This dead-letter queue has a redrive policy of its own: a peek counts as a receive and could move its messages on.');
    }
    const messages = await peekMessages(sqs, dlq.url).catch((error: unknown) => {
      throw awsAppError(error, 'sqs:ReceiveMessage', dlq.url);
    });
    return { dlqUrl: dlq.url, messages };
  } finally {
    sqs.destroy();
  }
}
