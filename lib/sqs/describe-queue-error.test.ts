import { describe, expect, it } from 'vitest';
import { describeQueueError } from './describe-queue-error';

const QUEUE = 'https://sqs.eu-west-1.amazonaws.com/123456789012/orders';

function awsError(name: string, message = 'details from AWS') {
  return Object.assign(new Error(message), { name });
}

describe('queue errors in plain words', () => {
  it.each([
    ['QueueDoesNotExist', 'QUEUE_NOT_FOUND', `The queue does not exist: ${QUEUE}`],
    ['AWS.SimpleQueueService.NonExistentQueue', 'QUEUE_NOT_FOUND', `The queue does not exist: ${QUEUE}`],
    ['AccessDenied', 'QUEUE_ACCESS_DENIED', `AccessDenied on ${QUEUE}: the role may not use the queue.`],
    ['KMS.AccessDeniedException', 'KMS_ACCESS_DENIED', 'The queue is encrypted with a KMS key the role may not use'],
    ['ExpiredToken', 'CREDENTIALS_REJECTED', 'SQS rejected the credentials (ExpiredToken)'],
    ['InternalError', 'SQS_ERROR', 'SQS answered InternalError: details from AWS'],
  ])('describes %s', (name, code, message) => {
    const described = describeQueueError(awsError(name), QUEUE);
    expect(described.code).toBe(code);
    expect(described.message).toContain(message);
  });

  it('describes an unreachable endpoint', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4566'), { code: 'ECONNREFUSED' });
    expect(describeQueueError(refused, QUEUE)).toEqual({ code: 'SQS_UNREACHABLE', message: 'SQS cannot be reached: connect ECONNREFUSED 127.0.0.1:4566' });
  });
});
