import type { SQSClient } from '@aws-sdk/client-sqs';
import { awsAppError } from '@/lib/sqs/aws-app-error';
import { AppError } from '@/lib/errors';
import { deadLetterQueueUrl } from '@/lib/sqs/dead-letter-queue-url';
import { readQueueAttributes } from '@/lib/sqs/read-queue-attributes';

export interface QueuePair {
  source: { url: string; arn: string };
  dlq: { url: string; arn: string };
}

/** The flow's queue and its DLQ (through the queue's redrive policy), or an AppError that says why not. */
export async function resolveDeadLetterQueue(sqs: SQSClient, queueUrl: string): Promise<QueuePair> {
  const source = await readQueueAttributes(sqs, queueUrl).catch((error: unknown) => {
    throw awsAppError(error, 'sqs:GetQueueAttributes', queueUrl);
  });
  const dlqArn = source.redrivePolicy?.deadLetterTargetArn;
  const dlqUrl = dlqArn && deadLetterQueueUrl(queueUrl, dlqArn);
  if (!dlqArn || !dlqUrl) throw new AppError('CONFLICT', 'The queue has no redrive policy, so it has no dead-letter queue.');
  return { source: { url: queueUrl, arn: source.arn }, dlq: { url: dlqUrl, arn: dlqArn } };
}

