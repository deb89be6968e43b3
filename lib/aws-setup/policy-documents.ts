import { partitionOfRegion } from '@/lib/sqs/partition-of-region';
import { formatSqsArn } from '@/lib/sqs/sqs-arn';
import type { CrossAccountSetup } from './cross-account-setup-input';

// The three IAM documents of Scenario #2, filled in: READ_SQS (the role's permissions, in
// the queue's account, with sqs:SendMessage on the destination queues when named), ASSUME_READ_SQS (the platform's permission to assume that role)
// and the role's trust relationship (which lets the platform's account assume it).

interface Statement {
  Sid: string;
  Effect: 'Allow';
  Action: string | string[];
  Resource?: string;
  Principal?: { AWS: string };
  Condition?: Record<string, Record<string, string>>;
}

export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: Statement[];
}

export interface CrossAccountDocuments {
  readSqs: PolicyDocument;
  assumeReadSqs: PolicyDocument;
  trustRelationship: PolicyDocument;
  /** What to enter in the Connect broker modal. */
  queueUrl: string;
  roleArn: string;
}

const CONSUME_ACTIONS = ['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage'];
// Destinations: GetQueueAttributes for Test connection, SendMessage for the sender.
const SEND_ACTIONS = ['sqs:GetQueueAttributes', 'sqs:SendMessage'];
const REDRIVE_ACTIONS = ['sqs:CancelMessageMoveTask', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ListMessageMoveTasks', 'sqs:ReceiveMessage', 'sqs:StartMessageMoveTask'];

function policy(...statements: Statement[]): PolicyDocument {
  return { Version: '2012-10-17', Statement: statements };
}

export function buildPolicyDocuments(setup: CrossAccountSetup): CrossAccountDocuments {
  const partition = partitionOfRegion(setup.region);
  const queueArn = formatSqsArn({ partition, region: setup.region, accountId: setup.queueAccountId, queueName: setup.queueName });
  const roleArn = `arn:${partition}:iam::${setup.queueAccountId}:role/${setup.roleName}`;
  const consume: Statement = { Sid: 'ConsumeQueue', Effect: 'Allow', Action: CONSUME_ACTIONS, Resource: queueArn };
  const redrive: Statement[] = setup.dlqName
    ? [
        {
          Sid: 'RedriveFromDeadLetterQueue',
          Effect: 'Allow',
          Action: REDRIVE_ACTIONS,
          Resource: formatSqsArn({ partition, region: setup.region, accountId: setup.queueAccountId, queueName: setup.dlqName }),
        },
        { Sid: 'RedriveToQueue', Effect: 'Allow', Action: 'sqs:SendMessage', Resource: queueArn },
      ]
    : [];
  const destinations: Statement[] = [
    ['SendResults', setup.outputQueueName],
    ['SendFailures', setup.failureQueueName],
  ].flatMap(([sid, name]) =>
    name ? [{ Sid: sid!, Effect: 'Allow' as const, Action: SEND_ACTIONS, Resource: formatSqsArn({ partition, region: setup.region, accountId: setup.queueAccountId, queueName: name }) }] : [],
  );
  const trust: Statement = {
    Sid: 'TrustEventFlowsPlatform',
    Effect: 'Allow',
    Principal: { AWS: `arn:${partition}:iam::${setup.platformAccountId}:root` },
    Action: 'sts:AssumeRole',
    // Without it, anyone who knows the role's ARN could have the platform assume it.
    Condition: { StringEquals: { 'sts:ExternalId': setup.externalId } },
  };
  const host = partition === 'aws-cn' ? `sqs.${setup.region}.amazonaws.com.cn` : `sqs.${setup.region}.amazonaws.com`;
  return {
    readSqs: policy(consume, ...redrive, ...destinations),
    assumeReadSqs: policy({ Sid: 'AssumeReadSqs', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: roleArn }),
    trustRelationship: policy(trust),
    queueUrl: `https://${host}/${setup.queueAccountId}/${setup.queueName}`,
    roleArn,
  };
}
