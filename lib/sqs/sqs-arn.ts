// arn:<partition>:sqs:<region>:<12-digit account>:<queue name>

export interface SqsArn {
  partition: string;
  region: string;
  accountId: string;
  queueName: string;
}

const SQS_ARN = /^arn:(aws(?:-[a-z]+)*):sqs:([a-z0-9-]+):(\d{12}):([A-Za-z0-9_.-]{1,80})$/;

export function parseSqsArn(arn: string): SqsArn | undefined {
  const [, partition, region, accountId, queueName] = SQS_ARN.exec(arn) ?? [];
  if (!partition || !region || !accountId || !queueName) return undefined;
  return { partition, region, accountId, queueName };
}

export function formatSqsArn({ partition, region, accountId, queueName }: SqsArn): string {
  return `arn:${partition}:sqs:${region}:${accountId}:${queueName}`;
}
