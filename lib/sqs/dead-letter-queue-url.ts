import { parseSqsArn } from './sqs-arn';

/**
 * The URL of a source queue's DLQ, from the deadLetterTargetArn of its redrive policy.
 * SQS requires a DLQ in the same account and region as its source queue, so the URL
 * is the source queue's with the account and name of the ARN: no sqs:GetQueueUrl
 * permission needed.
 */
export function deadLetterQueueUrl(sourceQueueUrl: string, deadLetterTargetArn: string): string | undefined {
  const arn = parseSqsArn(deadLetterTargetArn);
  if (!arn) return undefined;
  return `${new URL(sourceQueueUrl).origin}/${arn.accountId}/${arn.queueName}`;
}
