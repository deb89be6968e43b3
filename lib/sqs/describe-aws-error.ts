import { z } from 'zod';
import { coerceError } from '@/lib/logger';

// AWS errors in plain words, for people who set up the AWS side: what failed, and what
// to check. AWS names errors by `name` (SDK v3); network failures carry a Node `code`.

export const awsProblemCodeSchema = z.enum([
  'ROLE_NOT_ASSUMABLE',
  // The role trusts the platform without requiring the owner's external ID (lib/connection-checks/check-role-trust.ts).
  'EXTERNAL_ID_NOT_REQUIRED',
  'PLATFORM_CREDENTIALS_MISSING',
  'CREDENTIALS_REJECTED',
  'QUEUE_NOT_FOUND',
  'ACCESS_DENIED',
  'KMS_ACCESS_DENIED',
  'THROTTLED',
  'UNREACHABLE',
  'UNSUPPORTED',
  'AWS_ERROR',
]);

/** What AWS refused or failed, in plain words. */
export const awsProblemSchema = z.object({
  code: awsProblemCodeSchema,
  message: z.string(),
  awsError: z.string().optional().describe("The AWS error name, for operators who search AWS's documentation."),
}).meta({ id: 'AwsProblem' });

export type AwsProblemCode = z.infer<typeof awsProblemCodeSchema>;
export type AwsProblem = z.infer<typeof awsProblemSchema>;

export interface AwsCall {
  /** The IAM action that was attempted, e.g. sqs:GetQueueAttributes. */
  action: string;
  /** The queue URL or ARN it was attempted on. */
  resource: string;
}

const QUEUE_NOT_FOUND = new Set(['QueueDoesNotExist', 'AWS.SimpleQueueService.NonExistentQueue', 'NonExistentQueue']);
const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'AuthorizationError']);
const CREDENTIALS_REJECTED = new Set([
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidSecurity',
]);
const THROTTLED = new Set(['RequestThrottled', 'ThrottlingException', 'Throttling', 'OverLimit', 'TooManyRequestsException']);
const UNSUPPORTED = new Set(['InvalidAction', 'UnsupportedOperation', 'AWS.SimpleQueueService.UnsupportedOperation']);
const NETWORK = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'TimeoutError', 'RequestTimeout']);

function nameOf(error: unknown): string {
  return coerceError(error).name;
}

function detailOf(error: unknown): string {
  return coerceError(error).message;
}

/** Describes `error`, thrown by `call` (or by assuming the role before it). */
export function describeAwsError(error: unknown, call: AwsCall): AwsProblem {
  // Thrown by the credential provider that assumes a connection's role (lib/sqs/assume-role-cached.ts).
  if (nameOf(error) === 'AssumeRoleError') {
    const roleArn = (error as { roleArn?: unknown }).roleArn;
    const context = typeof roleArn === 'string' ? `The platform could not assume ${roleArn}` : 'The platform could not assume the role';
    return describeAssumeRoleError((error as Error).cause ?? error, context);
  }
  return describeServiceError(error, call);
}

function describeAssumeRoleError(cause: unknown, context: string): AwsProblem {
  const name = nameOf(cause);
  const awsError = name;
  if (ACCESS_DENIED.has(name)) {
    return {
      code: 'ROLE_NOT_ASSUMABLE',
      awsError,
      message: `${context}: AWS refused (AccessDenied). The role's trust relationship must allow sts:AssumeRole to the platform's AWS account, with your external ID (Condition StringEquals sts:ExternalId; copy it from Connect broker or AWS setup). A role made for another user's external ID cannot be connected.`,
    };
  }
  if (name === 'CredentialsProviderError') {
    return {
      code: 'PLATFORM_CREDENTIALS_MISSING',
      awsError,
      message: `${context}: the platform has no AWS credentials of its own to assume the role with. Give the web app and worker an AWS identity (instance profile or AWS_* variables).`,
    };
  }
  if (CREDENTIALS_REJECTED.has(name)) {
    return { code: 'CREDENTIALS_REJECTED', awsError, message: `${context}: AWS rejected the platform's own credentials (${name}).` };
  }
  if (name === 'RegionDisabledException') {
    return { code: 'ROLE_NOT_ASSUMABLE', awsError, message: `${context}: STS is not activated in this region for the role's account.` };
  }
  return describeServiceError(cause, { action: 'sts:AssumeRole', resource: context });
}

function describeServiceError(error: unknown, { action, resource }: AwsCall): AwsProblem {
  const name = nameOf(error);
  const nodeCode = (error as { code?: unknown } | null)?.code;
  const awsError = name;
  if (QUEUE_NOT_FOUND.has(name)) {
    return { code: 'QUEUE_NOT_FOUND', awsError, message: `The queue ${resource} does not exist: it was deleted, or the URL has a typo or names another region or account.` };
  }
  if (ACCESS_DENIED.has(name)) {
    return { code: 'ACCESS_DENIED', awsError, message: `The role may not call ${action} on ${resource}: add ${action} for this queue to the role's permission policy.` };
  }
  if (name.startsWith('KMS.')) {
    return { code: 'KMS_ACCESS_DENIED', awsError, message: `The queue is encrypted with a KMS key the role may not use (${name}): allow kms:Decrypt on that key.` };
  }
  if (CREDENTIALS_REJECTED.has(name)) {
    return { code: 'CREDENTIALS_REJECTED', awsError, message: `AWS rejected the credentials for ${action} (${name}).` };
  }
  if (THROTTLED.has(name)) return { code: 'THROTTLED', awsError, message: `AWS is throttling ${action}; try again in a moment.` };
  if (UNSUPPORTED.has(name)) return { code: 'UNSUPPORTED', awsError, message: `This SQS endpoint does not support ${action}.` };
  if (NETWORK.has(name) || (typeof nodeCode === 'string' && NETWORK.has(nodeCode))) {
    return { code: 'UNREACHABLE', awsError: typeof nodeCode === 'string' ? nodeCode : name, message: `AWS cannot be reached for ${action} (${typeof nodeCode === 'string' ? nodeCode : name}).` };
  }
  return { code: 'AWS_ERROR', awsError, message: `${action} on ${resource} failed: ${name}: ${detailOf(error)}` };
}

/** What the SDK's standard retry mode retries: network failures, throttling, 5xx. */
export function isTransientAwsError(error: unknown): boolean {
  const { code } = describeAwsError(error, { action: '', resource: '' });
  return code === 'UNREACHABLE' || code === 'THROTTLED' || (error as { $fault?: string }).$fault === 'server';
}
