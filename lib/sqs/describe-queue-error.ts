import { AssumeRoleError } from './assume-role-cached';

export type QueueErrorCode =
  | 'ASSUME_ROLE_DENIED'
  | 'ASSUME_ROLE_FAILED'
  | 'QUEUE_NOT_FOUND'
  | 'QUEUE_ACCESS_DENIED'
  | 'KMS_ACCESS_DENIED'
  | 'CREDENTIALS_REJECTED'
  | 'SQS_UNREACHABLE'
  | 'SQS_ERROR';

export interface QueueErrorDescription {
  code: QueueErrorCode;
  /** Plain words for the connection's "last error", with what to check. */
  message: string;
}

const QUEUE_NOT_FOUND = new Set(['QueueDoesNotExist', 'AWS.SimpleQueueService.NonExistentQueue']);
const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException']);
const CREDENTIALS_REJECTED = new Set(['InvalidClientTokenId', 'ExpiredToken', 'SignatureDoesNotMatch', 'UnrecognizedClientException', 'InvalidSecurity']);
const NETWORK = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET', 'EAI_AGAIN', 'TimeoutError']);

/** What went wrong talking to a flow's queue (or assuming its role), in plain words. */
export function describeQueueError(error: unknown, queueUrl: string): QueueErrorDescription {
  if (error instanceof AssumeRoleError) return { code: error.code, message: error.message };
  const name = error instanceof Error ? error.name : 'Error';
  const detail = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | undefined)?.code;
  if (QUEUE_NOT_FOUND.has(name)) return { code: 'QUEUE_NOT_FOUND', message: `The queue does not exist: ${queueUrl}` };
  if (ACCESS_DENIED.has(name)) {
    return {
      code: 'QUEUE_ACCESS_DENIED',
      message: `AccessDenied on ${queueUrl}: the role may not use the queue. Its policy needs sqs:ReceiveMessage, sqs:DeleteMessage and sqs:ChangeMessageVisibility.`,
    };
  }
  if (name.startsWith('KMS.')) {
    return { code: 'KMS_ACCESS_DENIED', message: `The queue is encrypted with a KMS key the role may not use (${name}).` };
  }
  if (CREDENTIALS_REJECTED.has(name)) {
    return { code: 'CREDENTIALS_REJECTED', message: `SQS rejected the credentials (${name}): ${detail}` };
  }
  if (NETWORK.has(name) || (typeof code === 'string' && NETWORK.has(code))) {
    return { code: 'SQS_UNREACHABLE', message: `SQS cannot be reached: ${detail}` };
  }
  return { code: 'SQS_ERROR', message: `SQS answered ${name}: ${detail}` };
}
