// client-aws-cloudformation-template.yaml: what a customer runs in the AWS account that
// owns the queue. It makes the queue with its redrive policy, the DLQ, and the role the
// platform assumes to consume the queue (its ARN is the ROLE ARN of the Connect broker
// modal). Its outputs are the modal's two values: QueueURL and QueueConsumerARN. The
// role trusts the platform only with the downloading user's external ID (issue 14).

export const CLOUDFORMATION_TEMPLATE_FILENAME = 'client-aws-cloudformation-template.yaml';

/** The template's number parameters: the AWS setup page quotes these, so its text and the template agree. */
export const TEMPLATE_NUMBERS = {
  // 12 receives × the 5-minute requeue delay: a message rides out an hour of overload.
  maxReceiveCount: { default: 12, min: 1, max: 1000 },
  visibilityTimeoutSeconds: { default: 300, min: 0, max: 43_200 },
} as const;

const ACCOUNT_NUMBER = /^\d{12}$/;
// The platform's IDs (`ef-` + hex) and anything STS accepts; never quoted wrongly in YAML.
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;

/**
 * The template, with the platform's AWS account number as the default of
 * PlatformAccountNumber when it is known, and the user's external ID as ExternalId's.
 */
export function buildCloudFormationTemplate({ platformAccountNumber, externalId }: { platformAccountNumber: string | null; externalId: string }): string {
  if (!EXTERNAL_ID.test(externalId)) throw new Error('Not an external ID');
  const { maxReceiveCount, visibilityTimeoutSeconds } = TEMPLATE_NUMBERS;
  const accountDefault = platformAccountNumber && ACCOUNT_NUMBER.test(platformAccountNumber) ? `\n    Default: '${platformAccountNumber}'` : '';
  return `AWSTemplateFormatVersion: '2010-09-09'
Description: >-
  Event Flows: an Amazon SQS queue with its dead-letter queue, and an IAM role that the
  Event Flows platform account may assume to consume the queue.

Parameters:
  PlatformAccountNumber:
    Type: String
    Description: AWS account number of the Event Flows platform (the account that assumes the role).
    AllowedPattern: '^[0-9]{12}$'
    ConstraintDescription: must be a 12-digit AWS account number${accountDefault}
  QueueName:
    Type: String
    Description: Name of the SQS queue whose messages run the algorithm.
    AllowedPattern: '^[A-Za-z0-9_-]{1,80}$'
    ConstraintDescription: up to 80 letters, digits, hyphens or underscores
  QueueDLQName:
    Type: String
    Description: Name of the dead-letter queue that keeps messages the platform did not accept.
    AllowedPattern: '^[A-Za-z0-9_-]{1,80}$'
    ConstraintDescription: up to 80 letters, digits, hyphens or underscores
  MaxReceiveCount:
    Type: Number
    Description: >-
      Maximum Receives: how many times a message is received before SQS moves it to the
      dead-letter queue. A message the platform is too busy for comes back every 5 minutes,
      so it waits up to 5 minutes times this number: ${maxReceiveCount.default} rides out ${maxReceiveCount.default * 5} minutes of overload.
    Default: ${maxReceiveCount.default}
    MinValue: ${maxReceiveCount.min}
    MaxValue: ${maxReceiveCount.max}
  VisibilityTimeout:
    Type: Number
    Description: Seconds a received message stays hidden before SQS delivers it again; at least the algorithm timeout.
    Default: ${visibilityTimeoutSeconds.default}
    MinValue: ${visibilityTimeoutSeconds.min}
    MaxValue: ${visibilityTimeoutSeconds.max}
  ExternalId:
    Type: String
    Description: >-
      Your external ID on the platform (AWS setup page). The platform sends it on every
      AssumeRole, and the role trusts the platform only with it.
    AllowedPattern: '^[A-Za-z0-9+=,.@:/_-]{2,1224}$'
    Default: '${externalId}'

Resources:
  QueueDLQ:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Ref QueueDLQName
      # 14 days, the most SQS keeps a message: time to look at failures and redrive them.
      MessageRetentionPeriod: 1209600

  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Ref QueueName
      VisibilityTimeout: !Ref VisibilityTimeout
      RedrivePolicy:
        deadLetterTargetArn: !GetAtt QueueDLQ.Arn
        maxReceiveCount: !Ref MaxReceiveCount

  QueueConsumerRole:
    Type: AWS::IAM::Role
    Properties:
      Description: !Sub 'Assumed by the Event Flows platform (account \${PlatformAccountNumber}) to consume \${QueueName}'
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Sid: TrustEventFlowsPlatform
            Effect: Allow
            Principal:
              AWS: !Sub 'arn:\${AWS::Partition}:iam::\${PlatformAccountNumber}:root'
            Action: sts:AssumeRole
            # Without it, anyone who knows this role's ARN could have the platform assume it.
            Condition:
              StringEquals:
                sts:ExternalId: !Ref ExternalId
      Policies:
        - PolicyName: READ_SQS
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              # What the worker needs to consume the queue.
              - Sid: ConsumeQueue
                Effect: Allow
                Action:
                  - sqs:ChangeMessageVisibility
                  - sqs:DeleteMessage
                  - sqs:GetQueueAttributes
                  - sqs:ReceiveMessage
                Resource: !GetAtt Queue.Arn
              # The admin view's DLQ counts, and redrive (a message move task out of the DLQ).
              - Sid: RedriveFromDeadLetterQueue
                Effect: Allow
                Action:
                  - sqs:CancelMessageMoveTask
                  - sqs:DeleteMessage
                  - sqs:GetQueueAttributes
                  - sqs:ListMessageMoveTasks
                  - sqs:ReceiveMessage
                  - sqs:StartMessageMoveTask
                Resource: !GetAtt QueueDLQ.Arn
              - Sid: RedriveToQueue
                Effect: Allow
                Action: sqs:SendMessage
                Resource: !GetAtt Queue.Arn

Outputs:
  QueueURL:
    Description: URI of the Connect broker modal.
    Value: !Ref Queue
  QueueConsumerARN:
    Description: ROLE ARN of the Connect broker modal.
    Value: !GetAtt QueueConsumerRole.Arn
`;
}
