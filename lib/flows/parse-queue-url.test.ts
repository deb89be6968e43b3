import { describe, expect, it } from 'vitest';
import { parseQueueUrl } from './parse-queue-url';

const LOCAL_ENDPOINT = 'http://127.0.0.1:4566';

function reason(input: string, localEndpoint?: string) {
  const result = parseQueueUrl(input, localEndpoint);
  return result.ok ? undefined : result.reason;
}

describe('queue URLs', () => {
  it('accepts an Amazon SQS queue URL and splits it into region, account and name', () => {
    expect(parseQueueUrl('https://sqs.us-west-2.amazonaws.com/123456789012/QueueName')).toEqual({
      ok: true,
      queue: {
        url: 'https://sqs.us-west-2.amazonaws.com/123456789012/QueueName',
        region: 'us-west-2',
        accountId: '123456789012',
        queueName: 'QueueName',
        fifo: false,
        local: false,
      },
    });
  });

  it.each([
    ['https://sqs.cn-north-1.amazonaws.com.cn/123456789012/q', 'cn-north-1'],
    ['https://sqs.us-gov-west-1.amazonaws.com/123456789012/q', 'us-gov-west-1'],
    ['https://sqs-fips.us-east-2.amazonaws.com/123456789012/q', 'us-east-2'],
    ['https://eu-central-1.queue.amazonaws.com/123456789012/q', 'eu-central-1'],
    ['https://queue.amazonaws.com/123456789012/q', 'us-east-1'],
  ])('accepts the AWS variant %s', (url, region) => {
    expect(parseQueueUrl(url)).toMatchObject({ ok: true, queue: { region } });
  });

  it.each([
    ['https://sqs-fips.us-east-2.amazonaws.com/123456789012/q', 'https://sqs.us-east-2.amazonaws.com/123456789012/q'],
    ['https://eu-central-1.queue.amazonaws.com/123456789012/q', 'https://sqs.eu-central-1.amazonaws.com/123456789012/q'],
    ['https://queue.amazonaws.com/123456789012/q', 'https://sqs.us-east-1.amazonaws.com/123456789012/q'],
    ['https://cn-north-1.queue.amazonaws.com.cn/123456789012/q', 'https://sqs.cn-north-1.amazonaws.com.cn/123456789012/q'],
  ])('stores %s in the one spelling of its queue', (input, url) => {
    expect(parseQueueUrl(input)).toMatchObject({ ok: true, queue: { url } });
  });

  it('recognises FIFO queues and canonicalises host case, spaces and a trailing slash', () => {
    expect(parseQueueUrl('  https://SQS.eu-west-1.AmazonAWS.com/123456789012/orders-1_a.fifo/ ')).toMatchObject({
      ok: true,
      queue: { url: 'https://sqs.eu-west-1.amazonaws.com/123456789012/orders-1_a.fifo', fifo: true },
    });
  });

  it.each([
    ['https://example.com/q', /Not an Amazon SQS queue URL/],
    ['https://sqs.us-east-1.amazonaws.com.evil.com/123456789012/q', /Not an Amazon SQS queue URL/],
    ['https://sqs.us-east-1.amazonaws.com/12345/q', /12-digit/],
    ['https://sqs.us-east-1.amazonaws.com/1234567890123/q', /12-digit/],
    ['https://sqs.us-east-1.amazonaws.com/123456789012', /queue name/],
    ['https://sqs.us-east-1.amazonaws.com/123456789012/a/b', /queue name/],
    ['https://sqs.us-east-1.amazonaws.com/123456789012/bad.name', /queue name/],
    [`https://sqs.us-east-1.amazonaws.com/123456789012/${'a'.repeat(81)}`, /queue name/],
    ['http://sqs.us-east-1.amazonaws.com/123456789012/q', /https:\/\//],
    ['https://sqs.us-east-1.amazonaws.com:8443/123456789012/q', /no port/],
    ['https://sqs.us-east-1.amazonaws.com/123456789012/q?Action=x', /no credentials, query/],
    ['https://user:pw@sqs.us-east-1.amazonaws.com/123456789012/q', /no credentials/],
    ['not a url', /Enter the queue's URL/],
    ['', /Enter the queue's URL/],
  ])('refuses %s', (url, message) => {
    expect(reason(url)).toMatch(message);
  });

  describe('in local mode', () => {
    it('accepts queues of the local endpoint, by its host or as sqs.<region>.localhost on its port', () => {
      expect(parseQueueUrl('http://sqs.us-east-1.localhost:4566/000000000000/demo-queue', LOCAL_ENDPOINT)).toMatchObject({
        ok: true,
        queue: { region: 'us-east-1', queueName: 'demo-queue', local: true },
      });
      expect(parseQueueUrl('http://127.0.0.1:4566/000000000000/demo-queue', LOCAL_ENDPOINT)).toMatchObject({
        ok: true,
        queue: { region: null, local: true },
      });
    });

    it('still accepts Amazon SQS URLs', () => {
      expect(parseQueueUrl('https://sqs.us-east-1.amazonaws.com/123456789012/q', LOCAL_ENDPOINT)).toMatchObject({ ok: true });
    });

    it.each([
      'http://sqs.us-east-1.localhost:4567/000000000000/demo-queue',
      'https://sqs.us-east-1.localhost:4566/000000000000/demo-queue',
      'http://10.0.0.5:4566/000000000000/demo-queue',
      'http://evil.localhost:4566/000000000000/demo-queue',
    ])('refuses %s, which is not the configured endpoint', (url) => {
      expect(reason(url, LOCAL_ENDPOINT)).toMatch(/local endpoint 127\.0\.0\.1:4566/);
    });

    it('refuses local-looking URLs when local mode is off', () => {
      expect(reason('http://sqs.us-east-1.localhost:4566/000000000000/demo-queue')).toMatch(/Not an Amazon SQS queue URL/);
    });
  });
});
