import { describe, expect, it } from 'vitest';
import { crossAccountSetupSchema } from './cross-account-setup-input';
import { buildPolicyDocuments } from './policy-documents';

const SETUP = crossAccountSetupSchema.parse({
  queueAccountId: '444455556666',
  region: 'us-west-2',
  queueName: 'orders',
  roleName: 'READ_SQS',
  platformAccountId: '111122223333',
  externalId: 'ef-0123456789abcdef0123456789abcdef',
});

/** What a user copies: pretty JSON text, parsed back as IAM would read it. */
function asCopied(document: unknown) {
  return JSON.parse(JSON.stringify(document, null, 2)) as { Version: string; Statement: Array<Record<string, unknown>> };
}

describe('the Scenario #2 documents', () => {
  const documents = buildPolicyDocuments(SETUP);

  it('READ_SQS lets the role consume the queue, named by a well-formed queue ARN', () => {
    const readSqs = asCopied(documents.readSqs);
    expect(readSqs.Version).toBe('2012-10-17');
    expect(readSqs.Statement).toEqual([
      {
        Sid: 'ConsumeQueue',
        Effect: 'Allow',
        Action: ['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage'],
        Resource: 'arn:aws:sqs:us-west-2:444455556666:orders',
      },
    ]);
  });

  it('ASSUME_READ_SQS lets the platform assume that role', () => {
    expect(asCopied(documents.assumeReadSqs).Statement).toEqual([
      { Sid: 'AssumeReadSqs', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::444455556666:role/READ_SQS' },
    ]);
  });

  it('the trust relationship names the platform account as the trusted entity, and requires the user’s external ID', () => {
    expect(asCopied(documents.trustRelationship).Statement).toEqual([
      {
        Sid: 'TrustEventFlowsPlatform',
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::111122223333:root' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': 'ef-0123456789abcdef0123456789abcdef' } },
      },
    ]);
  });

  it('cannot be made without an external ID', () => {
    const { externalId: _omitted, ...withoutId } = SETUP;
    expect(crossAccountSetupSchema.safeParse(withoutId).error?.issues.map((issue) => issue.path[0])).toEqual(['externalId']);
  });

  it('gives the URI and ROLE ARN to enter in the Connect broker modal', () => {
    expect(documents.queueUrl).toBe('https://sqs.us-west-2.amazonaws.com/444455556666/orders');
    expect(documents.roleArn).toBe('arn:aws:iam::444455556666:role/READ_SQS');
  });

  it('adds the redrive permissions for a DLQ, and the external ID condition', () => {
    const full = buildPolicyDocuments(crossAccountSetupSchema.parse({ ...SETUP, dlqName: 'orders-dlq', externalId: 'ext-123' }));
    const resources = asCopied(full.readSqs).Statement.map((statement) => [statement.Sid, statement.Resource]);
    expect(resources).toEqual([
      ['ConsumeQueue', 'arn:aws:sqs:us-west-2:444455556666:orders'],
      ['RedriveFromDeadLetterQueue', 'arn:aws:sqs:us-west-2:444455556666:orders-dlq'],
      ['RedriveToQueue', 'arn:aws:sqs:us-west-2:444455556666:orders'],
    ]);
    expect(asCopied(full.trustRelationship).Statement[0]?.Condition).toEqual({ StringEquals: { 'sts:ExternalId': 'ext-123' } });
  });

  it('uses the partition of the region', () => {
    const china = buildPolicyDocuments({ ...SETUP, region: 'cn-north-1' });
    expect(china.roleArn).toBe('arn:aws-cn:iam::444455556666:role/READ_SQS');
    expect(china.queueUrl).toBe('https://sqs.cn-north-1.amazonaws.com.cn/444455556666/orders');
  });

  it('refuses values that would make a malformed ARN', () => {
    const result = crossAccountSetupSchema.safeParse({ ...SETUP, queueAccountId: 'ACCOUNT_SQS', region: 'us west', roleName: 'a/b', queueName: 'orders,' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0]).sort()).toEqual(['queueAccountId', 'queueName', 'region', 'roleName']);
  });

  it('READ_SQS lets the role send to the destination queues it names, and only those', () => {
    expect(documents.readSqs.Statement.map((statement) => statement.Sid)).not.toContain('SendResults');
    const withDestinations = buildPolicyDocuments(crossAccountSetupSchema.parse({ ...SETUP, outputQueueName: 'orders-results', failureQueueName: 'orders-failures' }));
    expect(asCopied(withDestinations.readSqs).Statement.slice(-2)).toEqual([
      { Sid: 'SendResults', Effect: 'Allow', Action: ['sqs:GetQueueAttributes', 'sqs:SendMessage'], Resource: 'arn:aws:sqs:us-west-2:444455556666:orders-results' },
      { Sid: 'SendFailures', Effect: 'Allow', Action: ['sqs:GetQueueAttributes', 'sqs:SendMessage'], Resource: 'arn:aws:sqs:us-west-2:444455556666:orders-failures' },
    ]);
  });
});
