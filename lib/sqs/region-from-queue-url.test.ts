import { describe, expect, it } from 'vitest';
import { regionFromQueueUrl } from './region-from-queue-url';

describe('region from a queue URL', () => {
  it.each([
    ['https://sqs.us-east-2.amazonaws.com/123456789012/orders', 'us-east-2'],
    ['https://sqs.eu-west-1.amazonaws.com/123456789012/orders.fifo', 'eu-west-1'],
    ['https://sqs.cn-north-1.amazonaws.com.cn/123456789012/orders', 'cn-north-1'],
    ['https://sqs.us-gov-west-1.amazonaws.com/123456789012/orders', 'us-gov-west-1'],
    ['https://sqs-fips.us-east-1.amazonaws.com/123456789012/orders', 'us-east-1'],
    ['https://sqs.ap-southeast-2.api.aws/123456789012/orders', 'ap-southeast-2'],
    ['https://ap-south-1.queue.amazonaws.com/123456789012/orders', 'ap-south-1'],
    ['https://queue.amazonaws.com/123456789012/orders', 'us-east-1'],
  ])('reads the region of %s', (url, region) => {
    expect(regionFromQueueUrl(url)).toBe(region);
  });

  it.each([
    'http://127.0.0.1:4566/000000000000/demo-queue',
    'https://sqs.amazonaws.com.evil.example/123456789012/orders',
    'https://sqs.not_a_region.amazonaws.com/123/q',
    'not a url',
  ])('names no region for %s', (url) => {
    expect(regionFromQueueUrl(url)).toBeUndefined();
  });
});
