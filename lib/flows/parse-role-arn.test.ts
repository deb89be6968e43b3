import { describe, expect, it } from 'vitest';
import { parseRoleArn } from './parse-role-arn';

function reason(input: string) {
  const result = parseRoleArn(input);
  return result.ok ? undefined : result.reason;
}

describe('role ARNs', () => {
  it('accepts an IAM role ARN and reads its partition, account and name', () => {
    expect(parseRoleArn('arn:aws:iam::123456789012:role/READ_SQS')).toEqual({
      ok: true,
      role: { arn: 'arn:aws:iam::123456789012:role/READ_SQS', partition: 'aws', accountId: '123456789012', roleName: 'READ_SQS' },
    });
  });

  it.each([
    ['arn:aws-cn:iam::123456789012:role/reader', 'reader'],
    ['arn:aws-us-gov:iam::123456789012:role/reader', 'reader'],
    ['arn:aws:iam::123456789012:role/service-role/event-flows/Queue+Consumer=1,a.b@c-d', 'Queue+Consumer=1,a.b@c-d'],
  ])('accepts %s', (arn, roleName) => {
    expect(parseRoleArn(arn)).toMatchObject({ ok: true, role: { roleName } });
  });

  it.each([
    ['arn:aws:iam::123:user/x', /12-digit/],
    ['arn:aws:iam::123456789012:user/x', /not a role/],
    ['arn:aws:iam::123456789012:role/', /not a role/],
    [`arn:aws:iam::123456789012:role/${'r'.repeat(65)}`, /not a role/],
    ['arn:aws:iam::123456789012:role/has space', /not a role/],
    ['arn:aws:sqs:us-west-2:123456789012:QueueName', /Enter an IAM role ARN/],
    ['arn:other:iam::123456789012:role/x', /Enter an IAM role ARN/],
    ['READ_SQS', /Enter an IAM role ARN/],
    ['', /Enter an IAM role ARN/],
  ])('refuses %s', (arn, message) => {
    expect(reason(arn)).toMatch(message);
  });
});
