import { describe, expect, it } from 'vitest';
import { describeAwsError } from './describe-aws-error';

const QUEUE = 'https://sqs.eu-west-1.amazonaws.com/123456789012/orders';
const READ = { action: 'sqs:GetQueueAttributes', resource: QUEUE };

function awsError(name: string, message = 'from AWS'): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

function assumeRoleError(cause: unknown) {
  return Object.assign(new Error('assume', { cause }), { name: 'AssumeRoleError', roleArn: 'arn:aws:iam::123456789012:role/READ_SQS' });
}

describe('describeAwsError', () => {
  it('says that the role cannot be assumed, and what to check', () => {
    const problem = describeAwsError(assumeRoleError(awsError('AccessDenied')), READ);
    expect(problem.code).toBe('ROLE_NOT_ASSUMABLE');
    expect(problem.message).toContain('arn:aws:iam::123456789012:role/READ_SQS');
    expect(problem.message).toMatch(/trust relationship/);
    expect(problem.message).toMatch(/external ID/);
  });

  it('tells apart a platform without credentials of its own', () => {
    expect(describeAwsError(assumeRoleError(awsError('CredentialsProviderError')), READ).code).toBe('PLATFORM_CREDENTIALS_MISSING');
    expect(describeAwsError(assumeRoleError(awsError('InvalidClientTokenId')), READ).code).toBe('CREDENTIALS_REJECTED');
  });

  it('says that the queue is missing, under both of its AWS names', () => {
    for (const name of ['QueueDoesNotExist', 'AWS.SimpleQueueService.NonExistentQueue']) {
      const problem = describeAwsError(awsError(name), READ);
      expect(problem).toMatchObject({ code: 'QUEUE_NOT_FOUND', awsError: name });
      expect(problem.message).toContain(QUEUE);
    }
  });

  it('names the permission the role lacks', () => {
    const problem = describeAwsError(awsError('AccessDenied'), READ);
    expect(problem.code).toBe('ACCESS_DENIED');
    expect(problem.message).toContain('sqs:GetQueueAttributes');
    expect(describeAwsError(awsError('KMS.AccessDeniedException'), READ).code).toBe('KMS_ACCESS_DENIED');
  });

  it('recognises throttling, unsupported actions and network failures', () => {
    expect(describeAwsError(awsError('RequestThrottled'), READ).code).toBe('THROTTLED');
    expect(describeAwsError(awsError('InvalidAction', 'Unknown action: StartMessageMoveTask'), READ).code).toBe('UNSUPPORTED');
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    expect(describeAwsError(refused, READ)).toMatchObject({ code: 'UNREACHABLE', awsError: 'ECONNREFUSED' });
  });

  it('keeps the AWS name and message of anything else', () => {
    const problem = describeAwsError(awsError('InvalidAttributeName', 'Unknown Attribute Foo'), READ);
    expect(problem).toMatchObject({ code: 'AWS_ERROR', awsError: 'InvalidAttributeName' });
    expect(problem.message).toContain('Unknown Attribute Foo');
  });
});
