import { describe, expect, it } from 'vitest';
import { deadLetterQueueUrl } from './dead-letter-queue-url';

describe('deadLetterQueueUrl', () => {
  it('is the source queue URL with the DLQ of the redrive policy', () => {
    expect(deadLetterQueueUrl('https://sqs.eu-west-1.amazonaws.com/123456789012/orders', 'arn:aws:sqs:eu-west-1:123456789012:orders-dlq')).toBe(
      'https://sqs.eu-west-1.amazonaws.com/123456789012/orders-dlq',
    );
    expect(deadLetterQueueUrl('http://sqs.us-east-1.localhost:4566/000000000000/demo-queue', 'arn:aws:sqs:us-east-1:000000000000:demo-queue-dlq')).toBe(
      'http://sqs.us-east-1.localhost:4566/000000000000/demo-queue-dlq',
    );
  });

  it('is undefined for a policy whose target is not a queue ARN', () => {
    expect(deadLetterQueueUrl('https://sqs.eu-west-1.amazonaws.com/123456789012/orders', 'orders-dlq')).toBeUndefined();
  });
});
