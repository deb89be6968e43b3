import { GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';

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

/** One GetQueueAttributes call; AWS errors are thrown as the SDK throws them. */
export async function readQueueAttributes(sqs: SQSClient, queueUrl: string): Promise<QueueAttributes> {
  const { Attributes: attributes = {} } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['All'] }));
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
