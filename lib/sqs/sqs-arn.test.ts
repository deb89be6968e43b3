import { describe, expect, it } from 'vitest';
import { partitionOfRegion } from './partition-of-region';
import { formatSqsArn, parseSqsArn } from './sqs-arn';

describe('SQS ARNs', () => {
  it('split into partition, region, account and queue name, and back', () => {
    const arn = 'arn:aws:sqs:us-west-2:123456789012:orders-dlq';
    const parts = parseSqsArn(arn);
    expect(parts).toEqual({ partition: 'aws', region: 'us-west-2', accountId: '123456789012', queueName: 'orders-dlq' });
    expect(formatSqsArn(parts!)).toBe(arn);
    expect(parseSqsArn('arn:aws-cn:sqs:cn-north-1:123456789012:jobs.fifo')?.partition).toBe('aws-cn');
  });

  it('refuse what is not a queue ARN', () => {
    expect(parseSqsArn('arn:aws:us-west-2:ACCOUNT_SQS:QueueName')).toBeUndefined(); // the seed's malformed sample
    expect(parseSqsArn('arn:aws:iam::123456789012:role/READ_SQS')).toBeUndefined();
    expect(parseSqsArn('arn:aws:sqs:us-east-1:1234:q')).toBeUndefined();
  });

  it('know the partition of a region', () => {
    expect(partitionOfRegion('eu-west-1')).toBe('aws');
    expect(partitionOfRegion('cn-northwest-1')).toBe('aws-cn');
    expect(partitionOfRegion('us-gov-west-1')).toBe('aws-us-gov');
  });
});
