import { GetQueueAttributesCommand, type GetQueueAttributesResult, type SQSClient } from '@aws-sdk/client-sqs';
import { isTransientAwsError } from './describe-aws-error';
import { answeredWithin, type LeanSqsCall } from './lean-sqs-call';

export interface RedrivePolicy {
  deadLetterTargetArn: string;
  maxReceiveCount: number;
}

export interface QueueAttributes {
  arn: string;
  /** ApproximateNumberOfMessages: waiting to be received. */
  visible: number;
  /** ApproximateNumberOfMessagesNotVisible: received, not yet deleted. */
  inFlight: number;
  /** ApproximateNumberOfMessagesDelayed. */
  delayed: number;
  visibilityTimeoutSeconds: number;
  redrivePolicy: RedrivePolicy | null;
}

/** How long a reading of a queue waits for SQS: the web app's clients (queue-access.ts) and the worker's samples. */
export const QUEUE_READ_TIMEOUT_MS = 10_000;

/**
 * GetQueueAttributes, through the SDK or a lean call (the worker's samples of every queue
 * it consumes; a transient failure is tried once more, as the SDK's clients here do);
 * AWS errors are thrown as the SDK throws them.
 */
export async function readQueueAttributes(sqs: SQSClient | LeanSqsCall, queueUrl: string): Promise<QueueAttributes> {
  const input = { QueueUrl: queueUrl, AttributeNames: ['All' as const] };
  const leanRead = async (call: LeanSqsCall) =>
    (await call('GetQueueAttributes', input, answeredWithin(QUEUE_READ_TIMEOUT_MS))) as GetQueueAttributesResult;
  const { Attributes: attributes = {} } =
    typeof sqs === 'function'
      ? await leanRead(sqs).catch((error: unknown) => (isTransientAwsError(error) ? leanRead(sqs) : Promise.reject(error)))
      : await sqs.send(new GetQueueAttributesCommand(input));
  return {
    arn: attributes.QueueArn ?? '',
    visible: Number(attributes.ApproximateNumberOfMessages ?? 0),
    inFlight: Number(attributes.ApproximateNumberOfMessagesNotVisible ?? 0),
    delayed: Number(attributes.ApproximateNumberOfMessagesDelayed ?? 0),
    visibilityTimeoutSeconds: Number(attributes.VisibilityTimeout ?? 30),
    redrivePolicy: parseRedrivePolicy(attributes.RedrivePolicy),
  };
}

function parseRedrivePolicy(value: string | undefined): RedrivePolicy | null {
  if (!value) return null;
  try {
    const policy = JSON.parse(value) as { deadLetterTargetArn?: unknown; maxReceiveCount?: unknown };
    if (typeof policy.deadLetterTargetArn !== 'string') return null;
    return { deadLetterTargetArn: policy.deadLetterTargetArn, maxReceiveCount: Number(policy.maxReceiveCount) };
  } catch {
    return null;
  }
}
