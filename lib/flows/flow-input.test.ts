import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from '@/lib/validation/field-errors-of';
import { flowInputSchema, MAX_FLOW_TIMEOUT_SECONDS } from './flow-input';

const valid = { queueUrl: 'https://sqs.us-west-2.amazonaws.com/123456789012/QueueName', roleArn: 'arn:aws:iam::123456789012:role/READ_SQS' };

function errorsFor(input: unknown) {
  const result = flowInputSchema().safeParse(input);
  return result.success ? {} : fieldErrorsOf(result.error);
}

describe('the connection schema', () => {
  it('needs a queue URL and a role ARN; version and timeout are optional, an empty external id is ignored', () => {
    expect(flowInputSchema().parse(valid)).toEqual(valid);
    expect(flowInputSchema().parse({ ...valid, version: '', timeoutSeconds: '', externalId: null })).toEqual(valid);
    expect(errorsFor({})).toMatchObject({ queueUrl: 'Enter the queue URL', roleArn: 'Enter the role ARN' });
  });

  it('takes a timeout typed as text or sent as a number', () => {
    expect(flowInputSchema().parse({ ...valid, timeoutSeconds: ' 300 ' }).timeoutSeconds).toBe(300);
    expect(flowInputSchema().parse({ ...valid, timeoutSeconds: MAX_FLOW_TIMEOUT_SECONDS }).timeoutSeconds).toBe(3600);
  });

  it.each([0, -1, MAX_FLOW_TIMEOUT_SECONDS + 1, 1.5, '2.5', 'ten', true])('refuses the timeout %s', (timeoutSeconds) => {
    expect(errorsFor({ ...valid, timeoutSeconds })).toEqual({ timeoutSeconds: expect.any(String) });
  });

  it('explains each bad field in plain words', () => {
    expect(errorsFor({ queueUrl: 'https://example.com/q', roleArn: 'arn:aws:iam::123:user/x', version: 'latest', externalId: 'x' })).toEqual({
      queueUrl: expect.stringMatching(/Not an Amazon SQS queue URL/),
      roleArn: expect.stringMatching(/12-digit/),
      version: expect.stringMatching(/semantic version/),
      externalId: expect.stringMatching(/^Set by the platform/),
    });
  });

  it('refuses any external id the user chooses: the platform sends the owner’s own', () => {
    expect(errorsFor({ ...valid, externalId: 'ef-0123456789abcdef0123456789abcdef' })).toEqual({ externalId: expect.stringMatching(/^Set by the platform/) });
  });

  it('stores the queue URL in its canonical form', () => {
    expect(flowInputSchema().parse({ ...valid, queueUrl: ' https://SQS.us-west-2.amazonaws.com/123456789012/QueueName/' }).queueUrl).toBe(valid.queueUrl);
  });

  it('accepts the local endpoint only when given one', () => {
    const local = { ...valid, queueUrl: 'http://sqs.us-east-1.localhost:4566/000000000000/demo-queue' };
    expect(flowInputSchema('http://127.0.0.1:4566').safeParse(local).success).toBe(true);
    expect(flowInputSchema().safeParse(local).success).toBe(false);
  });
});
