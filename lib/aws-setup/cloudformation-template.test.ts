import { describe, expect, it } from 'vitest';
import { parse, type ScalarTag, type CollectionTag } from 'yaml';
import { buildCloudFormationTemplate } from './cloudformation-template';

// CloudFormation's short-form intrinsic functions, parsed into their long form ({ Ref: … },
// { 'Fn::GetAtt': […] }) the way CloudFormation reads them.
function intrinsic(tag: string, name: string): Array<ScalarTag | CollectionTag> {
  const long = name === 'Ref' ? 'Ref' : `Fn::${name}`;
  const split = (value: unknown) => (name === 'GetAtt' && typeof value === 'string' ? value.split('.') : value);
  return [
    { tag: `!${tag}`, resolve: (value: string) => ({ [long]: split(value) }) },
    { tag: `!${tag}`, collection: 'seq', resolve: (seq) => ({ [long]: seq.toJSON() }) },
    { tag: `!${tag}`, collection: 'map', resolve: (map) => ({ [long]: map.toJSON() }) },
  ];
}
const CLOUDFORMATION_TAGS = ['Ref', 'GetAtt', 'Sub', 'If', 'Not', 'Equals', 'Join', 'Select', 'Split'].flatMap((name) => intrinsic(name, name));

interface Template {
  AWSTemplateFormatVersion: string;
  Parameters: Record<string, Record<string, unknown>>;
  Conditions: Record<string, unknown>;
  Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
  Outputs: Record<string, { Value: unknown }>;
}

function parseTemplate(text: string): Template {
  return parse(text, { customTags: CLOUDFORMATION_TAGS }) as Template;
}

describe('the CloudFormation template', () => {
  const EXTERNAL_ID = 'ef-0123456789abcdef0123456789abcdef';

  const template = parseTemplate(buildCloudFormationTemplate({ platformAccountNumber: '111122223333', externalId: EXTERNAL_ID }));

  it('parses as CloudFormation YAML, intrinsic functions included', () => {
    expect(template.AWSTemplateFormatVersion).toBe('2010-09-09');
    expect(template.Resources.QueueConsumerRole?.Type).toBe('AWS::IAM::Role');
  });

  it('defaults ExternalId to the user’s external ID, and the role trusts the platform only with it', () => {
    expect(template.Parameters.ExternalId).toMatchObject({ Type: 'String', Default: EXTERNAL_ID });
    expect(new RegExp(template.Parameters.ExternalId!.AllowedPattern as string).test(EXTERNAL_ID)).toBe(true);
    const trust = template.Resources.QueueConsumerRole!.Properties.AssumeRolePolicyDocument as { Statement: Array<Record<string, unknown>> };
    expect(trust.Statement[0]?.Condition).toEqual({ StringEquals: { 'sts:ExternalId': { Ref: 'ExternalId' } } });
  });

  it('asks for the platform account (defaulting to the settings), the queue names and Maximum Receives', () => {
    expect(template.Parameters.PlatformAccountNumber).toMatchObject({ Type: 'String', AllowedPattern: '^[0-9]{12}$', Default: '111122223333' });
    expect(template.Parameters.QueueName).toMatchObject({ Type: 'String' });
    expect(template.Parameters.QueueDLQName).toMatchObject({ Type: 'String' });
    expect(template.Parameters.MaxReceiveCount).toMatchObject({ Type: 'Number', Default: 12, MinValue: 1, MaxValue: 1000 });
  });

  it('has no default account when the platform has none set', () => {
    const bare = parseTemplate(buildCloudFormationTemplate({ platformAccountNumber: null, externalId: EXTERNAL_ID }));
    expect(bare.Parameters.PlatformAccountNumber).not.toHaveProperty('Default');
  });

  it('makes the DLQ and the queue whose redrive policy points at it', () => {
    expect(template.Resources.QueueDLQ).toMatchObject({ Type: 'AWS::SQS::Queue', Properties: { QueueName: { Ref: 'QueueDLQName' } } });
    expect(template.Resources.Queue).toMatchObject({
      Type: 'AWS::SQS::Queue',
      Properties: {
        QueueName: { Ref: 'QueueName' },
        RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': ['QueueDLQ', 'Arn'] }, maxReceiveCount: { Ref: 'MaxReceiveCount' } },
      },
    });
  });

  it('makes a role that the platform account may assume, allowed to consume the queue', () => {
    const role = template.Resources.QueueConsumerRole!;
    expect(role.Type).toBe('AWS::IAM::Role');
    const trust = role.Properties.AssumeRolePolicyDocument as { Statement: Array<Record<string, unknown>> };
    expect(trust.Statement[0]).toMatchObject({
      Effect: 'Allow',
      Action: 'sts:AssumeRole',
      Principal: { AWS: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${PlatformAccountNumber}:root' } },
    });
    const [policy] = role.Properties.Policies as Array<{ PolicyDocument: { Statement: Array<{ Sid: string; Action: unknown; Resource: unknown }> } }>;
    const consume = policy!.PolicyDocument.Statement.find((statement) => statement.Sid === 'ConsumeQueue');
    expect(consume).toMatchObject({
      Action: ['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage'],
      Resource: { 'Fn::GetAtt': ['Queue', 'Arn'] },
    });
    const redrive = policy!.PolicyDocument.Statement.find((statement) => statement.Sid === 'RedriveFromDeadLetterQueue');
    expect(redrive?.Resource).toEqual({ 'Fn::GetAtt': ['QueueDLQ', 'Arn'] });
    expect(redrive?.Action).toEqual(expect.arrayContaining(['sqs:StartMessageMoveTask', 'sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes']));
  });

  it('outputs the QueueURL and the QueueConsumerARN', () => {
    expect(template.Outputs.QueueURL!.Value).toEqual({ Ref: 'Queue' });
    expect(template.Outputs.QueueConsumerARN!.Value).toEqual({ 'Fn::GetAtt': ['QueueConsumerRole', 'Arn'] });
  });

  it('refers only to parameters, conditions and resources it defines', () => {
    const known = new Set([...Object.keys(template.Parameters), ...Object.keys(template.Resources), 'AWS::NoValue', 'AWS::Partition']);
    const text = JSON.stringify(template);
    for (const [, name] of text.matchAll(/"Ref":"([^"]+)"/g)) expect(known).toContain(name);
    for (const [, name] of text.matchAll(/\$\{([^}]+)\}/g)) expect(known).toContain(name);
    for (const [, name] of text.matchAll(/"Fn::GetAtt":\["([^"]+)"/g)) expect(known).toContain(name);
  });

  it('makes the destination queues only when named, and lets the role send to them', () => {
    expect(template.Parameters.OutputQueueName).toMatchObject({ Default: '' });
    expect(template.Parameters.FailureQueueName).toMatchObject({ Default: '' });
    expect(template.Conditions.HasOutputQueue).toEqual({ 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'OutputQueueName' }, ''] }] });
    expect(template.Resources.OutputQueue).toMatchObject({ Type: 'AWS::SQS::Queue', Condition: 'HasOutputQueue' });
    expect(template.Resources.FailureQueue).toMatchObject({ Type: 'AWS::SQS::Queue', Condition: 'HasFailureQueue' });
    const policy = (template.Resources.QueueConsumerRole!.Properties.Policies as Array<{ PolicyDocument: { Statement: unknown[] } }>)[0]!.PolicyDocument;
    expect(policy.Statement).toContainEqual({
      'Fn::If': ['HasOutputQueue', { Sid: 'SendResults', Effect: 'Allow', Action: ['sqs:GetQueueAttributes', 'sqs:SendMessage'], Resource: { 'Fn::GetAtt': ['OutputQueue', 'Arn'] } }, { Ref: 'AWS::NoValue' }],
    });
    expect(policy.Statement).toContainEqual({
      'Fn::If': ['HasFailureQueue', { Sid: 'SendFailures', Effect: 'Allow', Action: ['sqs:GetQueueAttributes', 'sqs:SendMessage'], Resource: { 'Fn::GetAtt': ['FailureQueue', 'Arn'] } }, { Ref: 'AWS::NoValue' }],
    });
    expect(template.Outputs.OutputQueueURL).toMatchObject({ Condition: 'HasOutputQueue', Value: { Ref: 'OutputQueue' } });
  });
});
